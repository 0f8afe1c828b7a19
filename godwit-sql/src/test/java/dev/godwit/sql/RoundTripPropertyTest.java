package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random scripts assembled from each dialect's constructs split back into exactly the statements
 * that went in. The seeds are fixed so that CI is reproducible; {@code -Droundtrip.seed=N} replays
 * or explores others, {@code -Droundtrip.iterations=N} runs more.
 */
class RoundTripPropertyTest {
  private static final long BASE_SEED = Long.getLong("roundtrip.seed", 0x60d_317L);
  private static final int ITERATIONS = Integer.getInteger("roundtrip.iterations", 1500);

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void splitsRandomScriptsBackIntoTheirStatements(SqlDialect dialect) {
    for (int i = 0; i < ITERATIONS; i++) {
      long seed = BASE_SEED + i * 1_000_003L + dialect.ordinal();
      ScriptGenerator g = new ScriptGenerator(dialect, new Random(seed)).generate(8);
      try {
        check(dialect, g, new Random(seed).nextInt(40) + 4);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "round trip failed for "
                + dialect
                + " with seed "
                + seed
                + " (replay: -Droundtrip.seed="
                + seed
                + " -Droundtrip.iterations=1)\n--- script ---\n"
                + g.script()
                + "\n--- end ---",
            e);
      }
    }
  }

  private static void check(SqlDialect dialect, ScriptGenerator g, int capacity) {
    SplitOptions options = SplitOptions.of(dialect);
    List<Statement> actual = SqlSplitter.of(options).splitAll(g.script(), "random.sql");
    List<ScriptGenerator.Expected> expected = g.expected();
    assertThat(actual.stream().map(Statement::sql).toList())
        .isEqualTo(expected.stream().map(ScriptGenerator.Expected::sql).toList());
    for (int i = 0; i < expected.size(); i++) {
      ScriptGenerator.Expected e = expected.get(i);
      Statement s = actual.get(i);
      assertThat(s.leadingComments())
          .as("leading comments of #%d", i + 1)
          .isEqualTo(e.leadingComments());
      assertThat(s.line() + ":" + s.column())
          .as("position of #%d", i + 1)
          .isEqualTo(e.line() + ":" + e.column());
      assertThat(s.copyData()).as("copy data of #%d", i + 1).isEqualTo(e.copyData());
    }
    assertThat(Splits.tiny(options, g.script(), capacity)).isEqualTo(actual);
    // A size hint only sizes the first read: exact, too small or too large, the result is the same.
    int length = g.script().length();
    for (long hint : new long[] {length, length + 1L, Math.max(1, length / 3), 1, 10L * length}) {
      List<Statement> hinted = new java.util.ArrayList<>();
      try (StatementStream stream =
          SqlSplitter.of(options).split(new StringReader(g.script()), "random.sql", hint)) {
        stream.forEachRemaining(hinted::add);
      }
      assertThat(hinted).as("size hint %d of %d", hint, length).isEqualTo(actual);
    }
  }
}
