package dev.godwit.sql;

import static dev.godwit.sql.Splits.failure;
import static dev.godwit.sql.Splits.only;
import static dev.godwit.sql.Splits.split;
import static dev.godwit.sql.Splits.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlSplitException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSplitTest {
  private static final SqlDialect PG = SqlDialect.POSTGRES;

  @Test
  void splitsOnSemicolonsAndKeepsTextAsWritten() {
    assertThat(texts(PG, "SELECT 1;\n  select  2 ;\nSELECT\n\t3"))
        .containsExactly("SELECT 1", "select  2", "SELECT\n\t3");
  }

  @Test
  void reportsLineAndColumnOfFirstToken() {
    List<Statement> s = split(PG, "SELECT 1;\n\n   SELECT 2; SELECT 3;");
    assertThat(s).extracting(Statement::line).containsExactly(1, 3, 3);
    assertThat(s).extracting(Statement::column).containsExactly(1, 4, 14);
  }

  @Test
  void removesTrailingWhitespaceButKeepsInnerComments() {
    assertThat(texts(PG, "SELECT 1 -- one\n  \t;")).containsExactly("SELECT 1 -- one");
  }

  @Test
  void yieldsFinalStatementWithoutDelimiter() {
    assertThat(texts(PG, "SELECT 1;\nSELECT 2\n\n")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void yieldsTrailingCommentsAsOneCommentOnlyStatement() {
    List<Statement> s = split(PG, "SELECT 1;\n-- done\n/* really */\n\n");
    assertThat(s).hasSize(2);
    assertThat(s.get(1).sql()).isEqualTo("-- done\n/* really */");
    assertThat(s.get(1).flags()).containsExactly(StatementFlag.COMMENT_ONLY);
    assertThat(s.get(1).line()).isEqualTo(2);
    assertThat(s.get(1).leadingComments()).isEmpty();
  }

  @Test
  void yieldsCommentsBeforeAnEmptyStatementAsCommentOnly() {
    List<Statement> s = split(PG, "SELECT 1;\n-- orphan\n;\nSELECT 2;");
    assertThat(s).extracting(Statement::sql).containsExactly("SELECT 1", "-- orphan", "SELECT 2");
    assertThat(s.get(1).flags()).containsExactly(StatementFlag.COMMENT_ONLY);
    assertThat(s.get(2).leadingComments()).isEmpty();
  }

  @Test
  void startsCopyDataOnTheLineAfterTheStatement() {
    Statement s = split(PG, "COPY t FROM stdin; -- rows follow\n1\n\\.\r\nSELECT 1").get(0);
    assertThat(s.copyData()).isEqualTo("1\n");
  }

  @Test
  void yieldsNothingForTrailingWhitespaceOrEmptyScripts() {
    assertThat(split(PG, "SELECT 1;\n \n\t")).hasSize(1);
    assertThat(split(PG, "")).isEmpty();
    assertThat(split(PG, " \n ;; ;\n")).isEmpty();
  }

  @Test
  void collectsLeadingCommentsVerbatim() {
    Statement s = split(PG, "SELECT 1; -- about one\n\n-- a\n/* b\n c */\nSELECT 2;").get(1);
    assertThat(s.leadingComments()).isEqualTo("-- about one\n\n-- a\n/* b\n c */");
    assertThat(s.sql()).isEqualTo("SELECT 2");
    assertThat(s.line()).isEqualTo(6);
  }

  @Test
  void dropsCarriageReturnsAtLineCommentEndsAndCountsCrLfAsOneLine() {
    List<Statement> s = split(PG, "-- c\r\nSELECT 1;\r\nSELECT 2;\r\n");
    assertThat(s.get(0).leadingComments()).isEqualTo("-- c");
    assertThat(s.get(1).line()).isEqualTo(3);
  }

  @Test
  void skipsByteOrderMark() {
    Statement s = only(PG, "\uFEFFSELECT 1;");
    assertThat(s.sql()).isEqualTo("SELECT 1");
    assertThat(s.column()).isEqualTo(1);
  }

  @Test
  void keepsSemicolonsInStringsWithDoubledQuotes() {
    assertThat(texts(PG, "SELECT 'a;''b;';SELECT 2"))
        .containsExactly("SELECT 'a;''b;'", "SELECT 2");
  }

  @Test
  void treatsBackslashAsEscapeOnlyInEscapeStrings() {
    assertThat(texts(PG, "SELECT E'it\\'s; ok', e'\\\\';SELECT 'a\\';SELECT 3"))
        .containsExactly("SELECT E'it\\'s; ok', e'\\\\'", "SELECT 'a\\'", "SELECT 3");
  }

  @Test
  void readsUnicodeBitAndHexLiteralsAsStrings() {
    assertThat(texts(PG, "SELECT U&'d\\0061t;a', B'10;1', X'1F;', N'x;';SELECT 2"))
        .containsExactly("SELECT U&'d\\0061t;a', B'10;1', X'1F;', N'x;'", "SELECT 2");
  }

  @Test
  void wordsEndingInEAreNotEscapeStringPrefixes() {
    // "somee" is an identifier; the string after it follows standard rules.
    assertThat(texts(PG, "SELECT somee'\\';SELECT 2"))
        .containsExactly("SELECT somee'\\'", "SELECT 2");
  }

  @Test
  void splitsDollarQuotedBodyAsOneStatement() {
    String fn =
        "CREATE FUNCTION f() RETURNS int AS $fn$\nBEGIN\n  RETURN 1;\nEND;\n$fn$ LANGUAGE plpgsql";
    assertThat(texts(PG, fn + ";\nSELECT 1;")).containsExactly(fn, "SELECT 1");
  }

  @Test
  void matchesOnlyTheSameDollarTag() {
    String body =
        "DO $outer$ BEGIN EXECUTE $inner$ SELECT 1; $inner$; PERFORM '$outer'; END $outer$";
    assertThat(texts(PG, body + ";SELECT $$a;b$$;")).containsExactly(body, "SELECT $$a;b$$");
  }

  @Test
  void doesNotTakePositionalParametersForDollarQuotes() {
    assertThat(texts(PG, "PREPARE p AS SELECT $1, $2;EXECUTE p(1, 2);SELECT $1$"))
        .containsExactly("PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)", "SELECT $1$");
  }

  @Test
  void keepsDollarsInsideIdentifiers() {
    assertThat(texts(PG, "SELECT a$b$c FROM t;SELECT 2"))
        .containsExactly("SELECT a$b$c FROM t", "SELECT 2");
  }

  @Test
  void nestsBlockComments() {
    assertThat(texts(PG, "SELECT /* a /* b; */ c; */ 1;SELECT 2"))
        .containsExactly("SELECT /* a /* b; */ c; */ 1", "SELECT 2");
  }

  @Test
  void endsLineCommentsAtNewline() {
    assertThat(texts(PG, "SELECT 1 -- no split; here\n, 2;SELECT 3"))
        .containsExactly("SELECT 1 -- no split; here\n, 2", "SELECT 3");
  }

  @Test
  void readsQuotedIdentifiersWithDoubledQuotes() {
    assertThat(texts(PG, "SELECT \"a\"\";b\" FROM \"t;\";SELECT 2"))
        .containsExactly("SELECT \"a\"\";b\" FROM \"t;\"", "SELECT 2");
  }

  @Test
  void keepsSqlStandardFunctionBodyTogether() {
    String fn =
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n"
            + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n"
            + "  SELECT 2;\n"
            + "END";
    assertThat(texts(PG, fn + ";\nSELECT 3;")).containsExactly(fn, "SELECT 3");
  }

  @Test
  void keepsCreateOrReplaceProcedureBodyTogether() {
    String p =
        "create or replace procedure p() language sql begin atomic insert into t values (1);"
            + " insert into t values (2); end";
    Statement s = split(PG, p + ";commit;").get(0);
    assertThat(s.sql()).isEqualTo(p);
    assertThat(s.flags()).isEmpty();
  }

  @Test
  void doesNotCountCaseOutsideFunctionBodies() {
    assertThat(texts(PG, "SELECT CASE WHEN true THEN 1 END;BEGIN;END;"))
        .containsExactly("SELECT CASE WHEN true THEN 1 END", "BEGIN", "END");
  }

  @Test
  void keepsSemicolonsInsideParenthesesLikePsql() {
    String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY t)";
    assertThat(texts(PG, rule + ";SELECT 1")).containsExactly(rule, "SELECT 1");
  }

  @Test
  void readsCopyFromStdinData() {
    List<Statement> s =
        split(
            PG,
            "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'z\n\\.\nSELECT 1;\nCOPY u FROM STDIN WITH (FORMAT csv);\n\\.\n");
    assertThat(s).hasSize(3);
    assertThat(s.get(0).sql()).isEqualTo("COPY t (a, b) FROM stdin");
    assertThat(s.get(0).flags()).containsExactly(StatementFlag.COPY_FROM_STDIN);
    assertThat(s.get(0).copyData()).isEqualTo("1\tx;y\n2\t'z\n");
    assertThat(s.get(1).sql()).isEqualTo("SELECT 1");
    assertThat(s.get(1).line()).isEqualTo(5);
    assertThat(s.get(1).copyData()).isNull();
    assertThat(s.get(2).copyData()).isEmpty();
  }

  @Test
  void copyToStdoutHasNoData() {
    Statement s = split(PG, "COPY t TO STDOUT;\nSELECT 1;").get(0);
    assertThat(s.flags()).isEmpty();
    assertThat(s.copyData()).isNull();
  }

  @Test
  void failsOnCopyDataWithoutTerminatorAtTheCopyStatement() {
    SqlSplitException e = failure(PG, "SELECT 1;\n  COPY t FROM stdin;\n1\n2\n");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_COPY_DATA);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.getMessage()).contains("\\.");
    assertThat(failure(PG, "COPY t FROM stdin").problem())
        .isEqualTo(Problem.UNTERMINATED_COPY_DATA);
  }

  @Test
  void rejectsPsqlMetaCommandsNamingTheLine() {
    SqlSplitException e = failure(PG, "SELECT 1;\n\\set ON_ERROR_STOP on\nSELECT 2;");
    assertThat(e.problem()).isEqualTo(Problem.PSQL_META_COMMAND);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage()).contains("\\set", "line 2", "JDBC");
    assertThat(failure(PG, "  \\connect other").getMessage()).contains("\\connect");
    assertThat(failure(PG, "SELECT 1 AS x\n\\gset").line()).isEqualTo(2);
    assertThat(failure(PG, "\\i other.sql\n").problem()).isEqualTo(Problem.PSQL_META_COMMAND);
  }

  @Test
  void failsOnUnterminatedStringAtItsOpening() {
    SqlSplitException e = failure(PG, "SELECT 1;\nSELECT 'abc;\n");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_STRING);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.getMessage()).startsWith("test.sql:2:8: ").contains("'");
    SqlSplitException escape = failure(PG, "SELECT E'it\\'s");
    assertThat(escape.problem()).isEqualTo(Problem.UNTERMINATED_STRING);
    assertThat(escape.column()).isEqualTo(8);
  }

  @Test
  void failsOnUnterminatedQuotedIdentifier() {
    SqlSplitException e = failure(PG, "SELECT \"a\"\"b FROM t;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_QUOTED_IDENTIFIER);
    assertThat(e.column()).isEqualTo(8);
  }

  @Test
  void failsOnUnterminatedNestedComment() {
    SqlSplitException e = failure(PG, "SELECT 1;\n/* outer /* inner */\nSELECT 2;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_COMMENT);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage()).contains("nest");
  }

  @Test
  void failsOnUnterminatedDollarQuoteNamingTheTag() {
    SqlSplitException e = failure(PG, "DO\n  $body$ BEGIN NULL; END $Body$;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_DOLLAR_QUOTE);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.getMessage()).contains("$body$");
  }

  @Test
  void failsOnUnterminatedAtomicBody() {
    SqlSplitException e =
        failure(PG, "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC SELECT 1;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_BLOCK);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void failsOnUnclosedParenthesis() {
    SqlSplitException e = failure(PG, "SELECT 1;\nSELECT (1 + (2);\nSELECT 3;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_BLOCK);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
  }

  @Test
  void ignoresKeywordsInsideLiteralsAndComments() {
    assertThat(only(PG, "SELECT 'VACUUM' /* BEGIN */ -- COMMIT\n").flags()).isEmpty();
    assertThat(only(PG, "/* VACUUM */ SELECT 1").leadingComments()).isEqualTo("/* VACUUM */");
    assertThat(only(PG, "\"vacuum\"").flags()).isEmpty();
  }

  @Test
  void keepsEscapeStringsBracesAndBackslashesInsideTheirStatement() {
    // The cases of godwit-core's EscapeStringsIT, which checks the rows against psql's.
    String[] statements = {
      "INSERT INTO t VALUES (1, E'a''b\\'c')",
      "INSERT INTO t VALUES (2, E'ends with a backslash\\\\')",
      "INSERT INTO t VALUES (3, E'\\x41\\u00e9\\t\\101;')",
      "INSERT INTO t VALUES (4, 'C:\\path\\')",
      "SELECT 'a_b' LIKE 'a\\_b' ESCAPE '\\'",
      "SELECT U&'d!0061t!+000061 \\' UESCAPE '!'",
      "SELECT '{fn ucase(''x'')} {d ''2020-01-01''} }{ {;'",
      "/* { {fn now()} } ' */\nSELECT e'{\\'} \\\\{;'",
      "-- {ts '2020'} and }\nSELECT $tag${oj x} \\ ';'$tag$"
    };
    List<Statement> split = split(PG, String.join(";\n", statements) + ";");
    assertThat(split)
        .extracting(
            st -> (st.leadingComments().isEmpty() ? "" : st.leadingComments() + "\n") + st.sql())
        .containsExactly(statements);
  }

  @Test
  void aBackslashQuoteEndsAStandardStringButNotAnEscapeString() {
    assertThat(texts(PG, "SELECT 'a\\';SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    assertThat(texts(PG, "SELECT E'a\\';SELECT 2';SELECT 3"))
        .containsExactly("SELECT E'a\\';SELECT 2'", "SELECT 3");
  }
}
