package dev.godwit.sql;

import static dev.godwit.sql.Splits.failure;
import static dev.godwit.sql.Splits.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlSplitException.Problem;
import org.junit.jupiter.api.Test;

class H2SplitTest {
  private static final SqlDialect H2 = SqlDialect.H2;

  @Test
  void keepsDoubleDollarBodyTogether() {
    String alias = "CREATE ALIAS f AS $$ String f(String s) { return s + \";\"; } $$";
    assertThat(texts(H2, alias + ";SELECT f('x');")).containsExactly(alias, "SELECT f('x')");
  }

  @Test
  void knowsOnlyTheBareDoubleDollarForm() {
    assertThat(texts(H2, "SELECT $tag$;SELECT 2")).containsExactly("SELECT $tag$", "SELECT 2");
  }

  @Test
  void readsDoubleSlashLineComments() {
    assertThat(texts(H2, "SELECT 1 // no; split\n;SELECT 2"))
        .containsExactly("SELECT 1 // no; split", "SELECT 2");
  }

  @Test
  void readsStringsAndQuotedIdentifiers() {
    assertThat(texts(H2, "SELECT 'a''b;', \"c\"\";\" FROM t;SELECT 2"))
        .containsExactly("SELECT 'a''b;', \"c\"\";\" FROM t", "SELECT 2");
  }

  @Test
  void readsBacktickIdentifiersLikeH2sTokenizer() {
    assertThat(texts(H2, "SELECT `a;b``c` FROM t;SELECT 2"))
        .containsExactly("SELECT `a;b``c` FROM t", "SELECT 2");
  }

  @Test
  void readsDollarSignsInsideWordsLikeJavaIdentifiers() {
    // H2 reads a$$ as one identifier, so no $$ body opens here.
    assertThat(texts(H2, "SELECT a$$;SELECT b$$")).containsExactly("SELECT a$$", "SELECT b$$");
  }

  @Test
  void nestsBlockCommentsLikeH2() {
    assertThat(texts(H2, "/* a /* b; */ SELECT 0; */ SELECT 1;")).containsExactly("SELECT 1");
  }

  @Test
  void failsOnUnterminatedDoubleDollarBody() {
    SqlSplitException e = failure(H2, "CREATE ALIAS f AS\n$$ String f() {");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_DOLLAR_QUOTE);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(1);
  }
}
