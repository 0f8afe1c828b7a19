package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

  private static List<String> values(String sql, SqlDialect d) {
    return SqlTokenizer.tokenize(sql, d).stream().map(Token::value).toList();
  }

  private static List<Token.Kind> kinds(String sql, SqlDialect d) {
    return SqlTokenizer.tokenize(sql, d).stream().map(Token::kind).toList();
  }

  @Test
  void commentsVanishAndStringsAndDollarBodiesAreOpaque() {
    List<Token> t =
        SqlTokenizer.tokenize(
            "CREATE /* DROP TABLE x */ INDEX -- DROP\n i ON t (a) WHERE b = 'DROP TABLE'"
                + " AND c = $tag$ TRUNCATE t $tag$ AND d = E'it\\'s'",
            SqlDialect.POSTGRES);
    assertThat(t.stream().filter(x -> x.is("drop") || x.is("truncate"))).isEmpty();
    assertThat(t.stream().filter(Token::isString).map(Token::value))
        .containsExactly("DROP TABLE", "it's");
    assertThat(t.stream().filter(x -> x.kind() == Token.Kind.DOLLAR).map(Token::value))
        .containsExactly(" TRUNCATE t ");
  }

  @Test
  void postgresFoldsUnquotedNamesAndKeepsQuotedOnes() {
    assertThat(values("ALTER TABLE \"Users\" ADD Col int", SqlDialect.POSTGRES))
        .containsExactly("alter", "table", "Users", "add", "col", "int");
    assertThat(values("ALTER TABLE `Users` ADD Col int", SqlDialect.MYSQL))
        .containsExactly("alter", "table", "users", "add", "col", "int");
    assertThat(values("ALTER TABLE [My Table] ADD x", SqlDialect.SQLITE))
        .containsExactly("alter", "table", "my table", "add", "x");
  }

  @Test
  void nestedBlockCommentsWhereTheDialectNestsThem() {
    assertThat(values("a /* x /* y */ z */ b", SqlDialect.POSTGRES)).containsExactly("a", "b");
    assertThat(values("a /* x /* y */ z */ b", SqlDialect.MYSQL))
        .containsExactly("a", "z", "*", "/", "b");
    assertThat(values("a /* x /* y */ z */ b", SqlDialect.H2)).containsExactly("a", "b");
    assertThat(values("a /* x /* y */ z */ b", SqlDialect.SQLITE))
        .containsExactly("a", "z", "*", "/", "b");
  }

  @Test
  void mysqlExecutableCommentsAreCodeAndHashCommentsAreNot() {
    assertThat(values("/*!50000 DROP TABLE x */ # DROP TABLE y", SqlDialect.MYSQL))
        .containsExactly("drop", "table", "x");
    assertThat(values("/*M!100100 DROP TABLE x */", SqlDialect.MARIADB))
        .containsExactly("drop", "table", "x");
    assertThat(values("SELECT 'a\\'b', \"DROP\"", SqlDialect.MYSQL))
        .containsExactly("select", "a'b", ",", "DROP");
    // Elsewhere an executable comment is a comment and # an operator character.
    assertThat(values("/*!50000 DROP TABLE x */ a # b", SqlDialect.POSTGRES))
        .containsExactly("a", "#", "b");
  }

  @Test
  void parametersPlaceholdersAndOperators() {
    assertThat(values("x = $1 AND y = ${schema}.t AND z::text", SqlDialect.POSTGRES))
        .containsExactly(
            "x", "=", "$1", "and", "y", "=", "${schema}", ".", "t", "and", "z", "::", "text");
  }

  @Test
  void mariaDbTokenizesLikeMySql() {
    String sql = "SELECT `A``b`, 'x\\'y', \"q\", a$b, 1--1 # c\n FROM t -- d\n/*!40101 w */";
    assertThat(SqlTokenizer.tokenize(sql, SqlDialect.MARIADB))
        .isEqualTo(SqlTokenizer.tokenize(sql, SqlDialect.MYSQL));
    assertThat(values(sql, SqlDialect.MARIADB))
        .containsExactly(
            "select", "a`b", ",", "x'y", ",", "q", ",", "a$b", ",", "1", "-", "-", "1", "from", "t",
            "w");
  }

  @Test
  void dollarSignsInsideWordsFollowTheDialect() {
    for (SqlDialect d : SqlDialect.values()) {
      assertThat(values("a$b", d)).as(d.name()).containsExactly("a$b");
    }
    assertThat(values("$x", SqlDialect.SQLITE)).containsExactly("$", "x");
  }

  @Test
  void h2ReadsBacktickIdentifiersBareDollarBodiesAndSlashSlashComments() {
    List<Token> t =
        SqlTokenizer.tokenize("SELECT `A;b`, $$ drop $$ // drop\n FROM t", SqlDialect.H2);
    assertThat(t)
        .extracting(Token::kind)
        .containsExactly(
            Token.Kind.WORD,
            Token.Kind.QUOTED,
            Token.Kind.PUNCT,
            Token.Kind.DOLLAR,
            Token.Kind.WORD,
            Token.Kind.WORD);
    assertThat(t.get(1).value()).isEqualTo("a;b");
    assertThat(t.get(3).value()).isEqualTo(" drop ");
    assertThat(values("SELECT $t$ x $t$", SqlDialect.H2))
        .containsExactly("select", "$", "t$", "x", "$", "t$");
  }

  @Test
  void prefixedStringsAreOneStringToken() {
    List<Token> t =
        SqlTokenizer.tokenize(
            "VALUES (X'4F', b'01', N'n''x', U&'d\\0061t', e'a\\'b')", SqlDialect.POSTGRES);
    assertThat(t.stream().filter(Token::isString).map(Token::text))
        .containsExactly("X'4F'", "b'01'", "N'n''x'", "U&'d\\0061t'", "e'a\\'b'");
    assertThat(t.stream().filter(Token::isString).map(Token::value))
        .containsExactly("4F", "01", "n'x", "d\\0061t", "a'b");
    // E'' is PostgreSQL's: on SQLite the E is a word and the backslash is literal.
    assertThat(kinds("e'a\\'", SqlDialect.SQLITE))
        .containsExactly(Token.Kind.WORD, Token.Kind.STRING);
  }

  @Test
  void mysqlNeedsWhitespaceAfterDoubleDashOthersDoNot() {
    assertThat(values("a--1\nb", SqlDialect.MYSQL)).containsExactly("a", "-", "-", "1", "b");
    assertThat(values("a--1\nb", SqlDialect.POSTGRES)).containsExactly("a", "b");
    assertThat(values("a --", SqlDialect.MYSQL)).containsExactly("a");
  }

  @Test
  void numbersAndOffsets() {
    List<Token> t = SqlTokenizer.tokenize("x = 1.5e-3 + .5", SqlDialect.POSTGRES);
    assertThat(t).extracting(Token::text).containsExactly("x", "=", "1.5e-3", "+", ".5");
    assertThat(t).extracting(Token::offset).containsExactly(0, 2, 4, 11, 13);
    assertThat(t.get(2).kind()).isEqualTo(Token.Kind.NUMBER);
  }

  @Test
  void unclosedConstructsRunToTheEnd() {
    assertThat(values("a 'b c", SqlDialect.POSTGRES)).containsExactly("a", "b c");
    assertThat(values("a \"B c", SqlDialect.POSTGRES)).containsExactly("a", "B c");
    assertThat(values("a [b c", SqlDialect.SQLITE)).containsExactly("a", "b c");
    assertThat(values("a $$ b", SqlDialect.POSTGRES)).containsExactly("a", " b");
    assertThat(values("a /* b", SqlDialect.POSTGRES)).containsExactly("a");
    assertThat(values("a ${x", SqlDialect.POSTGRES)).containsExactly("a", "${x");
  }

  @Test
  void tokenHelpers() {
    Token w = SqlTokenizer.tokenize("Drop", SqlDialect.POSTGRES).get(0);
    assertThat(w.is("drop")).isTrue();
    assertThat(w.isIdent()).isTrue();
    assertThat(w.isString()).isFalse();
    Token p = SqlTokenizer.tokenize("<>", SqlDialect.POSTGRES).get(0);
    assertThat(p.isPunct("<>")).isTrue();
    assertThat(p.is("<>")).isFalse();
    assertThat(SqlTokenizer.tokenize("\"x\"", SqlDialect.POSTGRES).get(0).isIdent()).isTrue();
  }
}
