package dev.godwit.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.lint.LintDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> values(String sql, LintDialect d) {
    return Tokenizer.tokenize(sql, d).stream().map(Token::value).toList();
  }

  @Test
  void commentsVanishAndStringsAndDollarBodiesAreOpaque() {
    List<Token> t =
        Tokenizer.tokenize(
            "CREATE /* DROP TABLE x */ INDEX -- DROP\n i ON t (a) WHERE b = 'DROP TABLE'"
                + " AND c = $tag$ TRUNCATE t $tag$ AND d = E'it\\'s'",
            LintDialect.POSTGRES);
    assertThat(t.stream().filter(x -> x.is("drop") || x.is("truncate"))).isEmpty();
    assertThat(t.stream().filter(Token::isString).map(Token::value))
        .containsExactly("DROP TABLE", "it's");
    assertThat(t.stream().filter(x -> x.kind() == Token.Kind.DOLLAR).map(Token::value))
        .containsExactly(" TRUNCATE t ");
  }

  @Test
  void postgresFoldsUnquotedNamesAndKeepsQuotedOnes() {
    assertThat(values("ALTER TABLE \"Users\" ADD Col int", LintDialect.POSTGRES))
        .containsExactly("alter", "table", "Users", "add", "col", "int");
    assertThat(values("ALTER TABLE `Users` ADD Col int", LintDialect.MYSQL))
        .containsExactly("alter", "table", "users", "add", "col", "int");
    assertThat(values("ALTER TABLE [My Table] ADD x", LintDialect.SQLITE))
        .containsExactly("alter", "table", "my table", "add", "x");
  }

  @Test
  void nestedBlockCommentsOnPostgresOnly() {
    assertThat(values("a /* x /* y */ z */ b", LintDialect.POSTGRES)).containsExactly("a", "b");
    assertThat(values("a /* x /* y */ z */ b", LintDialect.MYSQL))
        .containsExactly("a", "z", "*", "/", "b");
  }

  @Test
  void mysqlExecutableCommentsAreCodeAndHashCommentsAreNot() {
    assertThat(values("/*!50000 DROP TABLE x */ # DROP TABLE y", LintDialect.MYSQL))
        .containsExactly("drop", "table", "x");
    assertThat(values("/*M!100100 DROP TABLE x */", LintDialect.MARIADB))
        .containsExactly("drop", "table", "x");
    assertThat(values("SELECT 'a\\'b', \"DROP\"", LintDialect.MYSQL))
        .containsExactly("select", "a'b", ",", "DROP");
  }

  @Test
  void parametersPlaceholdersAndOperators() {
    assertThat(values("x = $1 AND y = ${schema}.t AND z::text", LintDialect.POSTGRES))
        .containsExactly(
            "x", "=", "$1", "and", "y", "=", "${schema}", ".", "t", "and", "z", "::", "text");
  }
}
