package dev.godwit.sql;

import static dev.godwit.sql.Splits.failure;
import static dev.godwit.sql.Splits.split;
import static dev.godwit.sql.Splits.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlSplitException.Problem;
import org.junit.jupiter.api.Test;

class SqliteSplitTest {
  private static final SqlDialect LITE = SqlDialect.SQLITE;

  @Test
  void keepsTriggerBodyTogether() {
    String trigger =
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
            + "  UPDATE b SET n = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;\n"
            + "  INSERT INTO log VALUES (new.id);\n"
            + "END";
    assertThat(texts(LITE, trigger + ";\nSELECT 1;")).containsExactly(trigger, "SELECT 1");
  }

  @Test
  void keepsTemporaryTriggerBodyTogether() {
    String trigger =
        "create temp trigger if not exists t before delete on a begin select raise(abort, 'no;');"
            + " end";
    assertThat(texts(LITE, trigger + ";select 1")).containsExactly(trigger, "select 1");
  }

  @Test
  void readsBracketBacktickAndDoubleQuotedIdentifiers() {
    assertThat(texts(LITE, "SELECT [a;b], `c;``d`, \"e;\"\"f\" FROM [t];SELECT 2"))
        .containsExactly("SELECT [a;b], `c;``d`, \"e;\"\"f\" FROM [t]", "SELECT 2");
  }

  @Test
  void readsStringsWithDoubledQuotesOnly() {
    assertThat(texts(LITE, "SELECT 'a''b;\\';SELECT 2"))
        .containsExactly("SELECT 'a''b;\\'", "SELECT 2");
  }

  @Test
  void doesNotNestBlockComments() {
    assertThat(texts(LITE, "SELECT /* a /* b */ 1;SELECT 2"))
        .containsExactly("SELECT /* a /* b */ 1", "SELECT 2");
  }

  @Test
  void treatsDollarAsParameterPrefix() {
    assertThat(texts(LITE, "SELECT $a;SELECT $b")).containsExactly("SELECT $a", "SELECT $b");
  }

  @Test
  void failsOnUnterminatedBracketIdentifierAndTrigger() {
    SqlSplitException e = failure(LITE, "SELECT [a;");
    assertThat(e.problem()).isEqualTo(Problem.UNTERMINATED_QUOTED_IDENTIFIER);
    assertThat(e.column()).isEqualTo(8);
    assertThat(failure(LITE, "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;").problem())
        .isEqualTo(Problem.UNTERMINATED_BLOCK);
  }

  @Test
  void endTransactionIsTransactionControl() {
    assertThat(split(LITE, "BEGIN IMMEDIATE; END TRANSACTION;"))
        .allSatisfy(s -> assertThat(s.flags()).containsExactly(StatementFlag.TRANSACTION_CONTROL));
  }
}
