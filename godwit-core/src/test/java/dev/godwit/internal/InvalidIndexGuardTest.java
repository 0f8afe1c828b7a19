package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidIndexGuardTest {
  private static InvalidIndexGuard.Target target(String sql) {
    return InvalidIndexGuard.target(sql);
  }

  @Test
  void findsTheIndexAndTableOfAConcurrentBuild() {
    assertThat(target("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at)"))
        .isEqualTo(new InvalidIndexGuard.Target("orders_created_idx", "\"orders\"", false));
    assertThat(target("create unique index concurrently if not exists Ux on only Shop.Orders(id)"))
        .isEqualTo(new InvalidIndexGuard.Target("ux", "\"shop\".\"orders\"", true));
    assertThat(
            target(
                "CREATE /* why */ INDEX -- note\n CONCURRENTLY \"Mixed\"\"Idx\" ON \"App\".\"T\""
                    + " USING btree (a)"))
        .isEqualTo(new InvalidIndexGuard.Target("Mixed\"Idx", "\"App\".\"T\"", false));
  }

  @Test
  void ignoresOtherStatementsAndUnnamedIndexes() {
    assertThat(target("CREATE INDEX CONCURRENTLY ON orders (created_at)")).isNull();
    assertThat(target("CREATE INDEX CONCURRENTLY IF NOT EXISTS ON t (a)")).isNull();
    assertThat(target("CREATE INDEX orders_idx ON orders (a)")).isNull();
    assertThat(target("DROP INDEX CONCURRENTLY orders_idx")).isNull();
    assertThat(target("REINDEX INDEX CONCURRENTLY orders_idx")).isNull();
    assertThat(target("CREATE INDEX CONCURRENTLY")).isNull();
  }

  @Test
  void blockCommentsNest() {
    String sql = "/* a /* b */ c */ x";
    assertThat(InvalidIndexGuard.blockCommentEnd(sql, 0)).isEqualTo(sql.indexOf(" x"));
    assertThat(InvalidIndexGuard.words(sql, 5)).containsExactly("x");
  }
}
