package dev.godwit.sql;

import static dev.godwit.sql.Splits.failure;
import static dev.godwit.sql.Splits.only;
import static dev.godwit.sql.Splits.split;
import static dev.godwit.sql.Splits.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlSplitException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlSplitTest {
  private static final SqlDialect MY = SqlDialect.MYSQL;

  @Test
  void readsBacktickIdentifiersWithDoubledBackticks() {
    assertThat(texts(MY, "SELECT `a``;b` FROM `t;`;SELECT 2"))
        .containsExactly("SELECT `a``;b` FROM `t;`", "SELECT 2");
  }

  @Test
  void readsBothQuoteKindsAsStringsWithBackslashAndDoubledEscapes() {
    assertThat(texts(MY, "SELECT 'it\\'s;', 'a''b;', \"say \\\"hi\\\";\", \"x\"\";\";SELECT 2"))
        .containsExactly("SELECT 'it\\'s;', 'a''b;', \"say \\\"hi\\\";\", \"x\"\";\"", "SELECT 2");
  }

  @Test
  void readsHashComments() {
    List<Statement> s = split(MY, "# first\nSELECT 1 # one; really\n;SELECT 2");
    assertThat(s).extracting(Statement::sql).containsExactly("SELECT 1 # one; really", "SELECT 2");
    assertThat(s.get(0).leadingComments()).isEqualTo("# first");
  }

  @Test
  void needsWhitespaceAfterDoubleDashForAComment() {
    assertThat(texts(MY, "SELECT 1--1;SELECT 2 -- c;\n;SELECT 3 --\n;SELECT 4 --"))
        .containsExactly("SELECT 1--1", "SELECT 2 -- c;", "SELECT 3 --", "SELECT 4 --");
  }

  @Test
  void keepsExecutableCommentsAsCode() {
    List<Statement> s =
        split(MY, "/*!40101 SET NAMES utf8mb4 */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly(
            "/*!40101 SET NAMES utf8mb4 */", "/*!40000 ALTER TABLE `t` DISABLE KEYS */");
    assertThat(s.get(0).leadingComments()).isEmpty();
    assertThat(s.get(1).flags()).containsExactly(StatementFlag.IMPLICIT_COMMIT);
    assertThat(only(MY, "/*M!100100 SET x = 1 */").sql()).isEqualTo("/*M!100100 SET x = 1 */");
  }

  @Test
  void failsOnUnterminatedExecutableComment() {
    SqlSplitException e = failure(MY, "SELECT 1;\n /*!40101 SET x = 1;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_COMMENT);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(2);
  }

  @Test
  void reportsAnUnterminatedExecutableCommentWhereItOpenedAfterLaterStatements() {
    // Found by SqlSplitterFuzzTest (issue 17): the position came out as 2:-4, counted from the
    // statement after the one that opened the comment.
    SqlSplitException e = failure(MY, "/*!;\nE;");
    assertThat(e.getMessage()).startsWith("test.sql:1:1: unterminated executable comment");
    SqlSplitException later = failure(MY, "SELECT 1;\n  /*!40101 SET a = 1;\nSELECT 2;\nSELECT 3");
    assertThat(later.line() + ":" + later.column()).isEqualTo("2:3");
  }

  @Test
  void aDelimiterWordThatIsNoDirectiveSurvivesARefillOfTheWindow() {
    // Found by SqlSplitterFuzzTest (issue 17): reading the rest of the DELIMITER line refilled the
    // window, and the word kept its old offsets (StringIndexOutOfBoundsException, 43-char window).
    String script = "-- olons\nDELIMITER $  \nGLECT 1;\n  SELECT 'a$$b';\nEND$$\nDELIMITER;";
    List<Statement> expected = SqlSplitter.of(MY).splitAll(script, "test.sql");
    assertThat(expected.stream().map(Statement::sql))
        .containsExactly("GLECT 1;\n  SELECT 'a$$b';\nEND", "DELIMITER;");
    for (int capacity = 4; capacity <= 64; capacity++) {
      assertThat(Splits.tiny(SplitOptions.of(MY), script, capacity))
          .as("%d-char window", capacity)
          .isEqualTo(expected);
    }
  }

  @Test
  void aDelimiterStartingInsideAWordIsFoundAcrossARefillOfTheWindow() {
    // Found by SqlSplitterFuzzTest (issue 17): a delimiter that starts inside a word and runs past
    // it was missed when its end lay beyond the window, so the statement ran on into the next.
    String script = "DELIMITER $//\nSELECT 1 AS x, 2 AS END$//\nSELECT 22222222 AS y$//\nSELECT 3";
    List<Statement> expected = SqlSplitter.of(MY).splitAll(script, "test.sql");
    assertThat(expected.stream().map(Statement::sql))
        .containsExactly("SELECT 1 AS x, 2 AS END", "SELECT 22222222 AS y", "SELECT 3");
    for (int capacity = 4; capacity <= 64; capacity++) {
      assertThat(Splits.tiny(SplitOptions.of(MY), script, capacity))
          .as("%d-char window", capacity)
          .isEqualTo(expected);
    }
  }

  @Test
  void switchesDelimitersWithTheDelimiterDirective() {
    String proc = "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND";
    List<Statement> s =
        split(
            MY,
            "-- before\nDELIMITER $$\n"
                + proc
                + "$$\nSELECT 3$$\ndelimiter //\nSELECT 4 //\nDELIMITER ;\nSELECT 5;");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly(proc, "SELECT 3", "SELECT 4", "SELECT 5");
    assertThat(s.get(0).line()).isEqualTo(3);
    assertThat(s.get(0).leadingComments()).isEqualTo("-- before");
  }

  @Test
  void joinsCommentsAroundADelimiterDirective() {
    Statement s = split(MY, "# one\nDELIMITER //\n-- two\nSELECT 1//").get(0);
    assertThat(s.leadingComments()).isEqualTo("# one\n-- two");
    assertThat(split(MY, "# one\nDELIMITER //\n").get(0).flags())
        .containsExactly(StatementFlag.COMMENT_ONLY);
  }

  @Test
  void findsCustomDelimiterRightAfterAWord() {
    assertThat(texts(MY, "DELIMITER ;;\nSELECT 1;;\nSELECT 'a;;b';;SELECT 2; SELECT 3;;"))
        .containsExactly("SELECT 1", "SELECT 'a;;b'", "SELECT 2; SELECT 3");
    assertThat(texts(MY, "DELIMITER $$\nSELECT 1 AS x$$SELECT a$$"))
        .containsExactly("SELECT 1 AS x", "SELECT a");
  }

  @Test
  void treatsDelimiterWithoutArgumentAsPlainText() {
    assertThat(texts(MY, "DELIMITER\n;")).containsExactly("DELIMITER");
  }

  @Test
  void keepsCompoundProcedureBodyWithoutDelimiterDirective() {
    String proc =
        "CREATE DEFINER=`root`@`%` PROCEDURE p(IN n INT)\n"
            + "BEGIN\n"
            + "  DECLARE i INT DEFAULT 0;\n"
            + "  DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN SET i = -1; END;\n"
            + "  SET @x = IF(n > 0, 1, 2);\n"
            + "  IF n > 10 THEN SELECT 'big'; ELSEIF n > 5 THEN SELECT 'mid'; ELSE SELECT 'small';"
            + " END IF;\n"
            + "  WHILE i < n DO SET i = i + 1; END WHILE;\n"
            + "  lbl: LOOP LEAVE lbl; END LOOP lbl;\n"
            + "  REPEAT SET i = i - 1; UNTIL i <= 0 END REPEAT;\n"
            + "  CASE n WHEN 1 THEN SELECT 1; ELSE SELECT CASE WHEN n > 2 THEN 3 END; END CASE;\n"
            + "  SELECT REPEAT('a', 3);\n"
            + "END";
    List<Statement> s = split(MY, proc + ";\nSELECT 2;");
    assertThat(s).extracting(Statement::sql).containsExactly(proc, "SELECT 2");
    assertThat(s.get(0).flags()).containsExactly(StatementFlag.IMPLICIT_COMMIT);
  }

  @Test
  void keepsTriggerEventAndFunctionBodiesTogether() {
    String trigger =
        "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END";
    String ifTrigger =
        "CREATE TRIGGER u BEFORE UPDATE ON x FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF";
    String event =
        "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM x; DELETE FROM y; END";
    String fn = "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1";
    assertThat(texts(MY, trigger + ";" + ifTrigger + ";" + event + ";" + fn + ";SELECT 1"))
        .containsExactly(trigger, ifTrigger, event, fn, "SELECT 1");
  }

  @Test
  void treatsBeginAloneAsTransactionControl() {
    List<Statement> s = split(MY, "BEGIN;\nINSERT INTO t VALUES (1);\nBEGIN WORK;\nCOMMIT;");
    assertThat(s).hasSize(4);
    assertThat(s.get(0).flags()).containsExactly(StatementFlag.TRANSACTION_CONTROL);
    assertThat(s.get(2).flags()).containsExactly(StatementFlag.TRANSACTION_CONTROL);
  }

  @Test
  void keepsMariaDbAnonymousBlockTogether() {
    String block = "BEGIN NOT ATOMIC\n  DECLARE x INT;\n  SET x = 1;\nEND";
    Statement s = split(MY, block + ";\nSELECT 1;").get(0);
    assertThat(s.sql()).isEqualTo(block);
    assertThat(s.flags()).isEmpty();
  }

  @Test
  void ignoresBeginAndEndInOrdinaryStatements() {
    assertThat(texts(MY, "SELECT CASE WHEN 1 THEN 2 END AS `begin`;SELECT 2"))
        .containsExactly("SELECT CASE WHEN 1 THEN 2 END AS `begin`", "SELECT 2");
    assertThat(texts(MY, "CREATE TABLE procedure_log (begin_at INT);SELECT 2")).hasSize(2);
  }

  @Test
  void failsOnProcedureWithoutEnd() {
    SqlSplitException e = failure(MY, "SELECT 1;\nCREATE PROCEDURE p()\n  BEGIN\n SELECT 1;\n");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_BLOCK);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
  }

  @Test
  void failsOnUnterminatedStringsAndIdentifiers() {
    SqlSplitException s = failure(MY, "SELECT 'abc\\';");
    assertThat(s.problem()).isEqualTo(Problem.UNTERMINATED_STRING);
    assertThat(s.column()).isEqualTo(8);
    assertThat(s.getMessage()).contains("\\'");
    assertThat(failure(MY, "SELECT \"abc").problem()).isEqualTo(Problem.UNTERMINATED_STRING);
    SqlSplitException b = failure(MY, "SELECT 1 FROM\n`t");
    assertThat(b.problem()).isEqualTo(Problem.UNTERMINATED_QUOTED_IDENTIFIER);
    assertThat(b.line()).isEqualTo(2);
    assertThat(failure(MY, "SELECT 1 /* x").problem()).isEqualTo(Problem.UNTERMINATED_COMMENT);
  }

  @Test
  void doesNotTreatBackslashOrDollarSpecially() {
    assertThat(texts(MY, "SELECT $$a;\\b;")).containsExactly("SELECT $$a", "\\b");
  }

  @Test
  void keepsBackslashEscapesBracesAndCommentsInsideTheirStatement() {
    // The cases of godwit-core's EscapeStringsIT, which checks the rows against the mariadb client.
    String[] statements = {
      "INSERT INTO t VALUES (1, 'a''b\\'c;')",
      "INSERT INTO t VALUES (2, 'ends with a backslash\\\\')",
      "INSERT INTO t VALUES (3, \"double \\\"quoted\\\" \"\"twice\"\" 'single';\")",
      "INSERT INTO t VALUES (4, 'tab\\there\\nnewline \\%\\_ \\Z \\q')",
      "SELECT 'a_b' LIKE 'a|_b' ESCAPE '|'",
      "SELECT '{fn ucase(''x'')} {d ''2020-01-01''} }{ {;'",
      "# a hash comment { with {fn now()} };\n/* { } ' */\nSELECT CONCAT(X'41', N'n\\'s;')"
    };
    List<Statement> split = split(MY, String.join(";\n", statements) + ";");
    assertThat(split)
        .extracting(
            st -> (st.leadingComments().isEmpty() ? "" : st.leadingComments() + "\n") + st.sql())
        .containsExactly(statements);
  }
}
