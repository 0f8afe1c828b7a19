package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers. Every split runs twice: through the public API, and through a lexer with a window
 * of a few chars, which refills inside every construct; both must agree.
 */
final class Splits {
  private Splits() {}

  static List<Statement> split(SqlDialect dialect, String sql) {
    return split(SplitOptions.of(dialect), sql);
  }

  static List<Statement> split(SplitOptions options, String sql) {
    List<Statement> expected = SqlSplitter.of(options).splitAll(sql, "test.sql");
    for (int capacity : new int[] {4, 7, 16}) {
      assertThat(tiny(options, sql, capacity))
          .as("split with a %d-char window", capacity)
          .isEqualTo(expected);
    }
    return expected;
  }

  static List<Statement> tiny(SplitOptions options, String sql, int capacity) {
    List<Statement> out = new ArrayList<>();
    try (Lexer lexer = new Lexer(options, new StringReader(sql), "test.sql", capacity)) {
      lexer.forEachRemaining(out::add);
    }
    return out;
  }

  static List<String> texts(SqlDialect dialect, String sql) {
    return split(dialect, sql).stream().map(Statement::sql).toList();
  }

  static Statement only(SqlDialect dialect, String sql) {
    List<Statement> all = split(dialect, sql);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  /** The failure of splitting {@code sql}, checked to be the same with a tiny window. */
  static SqlSplitException failure(SplitOptions options, String sql) {
    SqlSplitException e =
        catchThrowableOfType(
            SqlSplitException.class, () -> SqlSplitter.of(options).splitAll(sql, "test.sql"));
    assertThat(e).as("splitting fails").isNotNull();
    SqlSplitException small =
        catchThrowableOfType(SqlSplitException.class, () -> tiny(options, sql, 5));
    assertThat(small).as("splitting with a tiny window fails").isNotNull();
    assertThat(small.getMessage()).isEqualTo(e.getMessage());
    assertThat(e.source()).isEqualTo("test.sql");
    return e;
  }

  static SqlSplitException failure(SqlDialect dialect, String sql) {
    return failure(SplitOptions.of(dialect), sql);
  }
}
