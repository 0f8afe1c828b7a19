package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the TOML reader (issue 17): any text parses into a table of the
 * documented value types, or fails with a {@link TomlException} at a line and column inside the
 * text. Any other exception is a finding.
 *
 * <p>In {@code mvn verify} Jazzer runs this as a parameterized test over the seeds: the toml-test
 * cases under {@code toml-test/} and the inputs under {@code TomlFuzzTestInputs/} (crashes found
 * earlier, kept as regression tests). {@code JAZZER_FUZZ=1} fuzzes it: see README's "Fuzzing".
 */
class TomlFuzzTest {
  private static final String SOURCE = "fuzz.toml";

  @MethodSource("tomlTestCases")
  @FuzzTest(maxDuration = "30s")
  void parsesAnyTextOrFailsWithItsPosition(@NotNull String text) {
    TomlTable root;
    try {
      root = Toml.parse(text, SOURCE);
    } catch (TomlException e) {
      String[] lines = text.split("\n", -1);
      assertThat(e.source()).isEqualTo(SOURCE);
      assertThat(e.line()).isBetween(1, lines.length);
      assertThat(e.column()).isBetween(1, lines[e.line() - 1].length() + 1);
      assertThat(e.getMessage()).startsWith(SOURCE + ":" + e.line() + ":" + e.column() + ": ");
      return;
    }
    checkTable(root);
    // Parsing is a function of the text.
    assertThat(Toml.parse(text, SOURCE).toString()).isEqualTo(root.toString());
  }

  private static void checkTable(TomlTable table) {
    for (String key : table.keys()) {
      assertThat(table.line(key)).as(key).isPositive();
      assertThat(table.column(key)).as(key).isPositive();
      checkValue(table.get(key));
    }
  }

  private static void checkValue(Object value) {
    if (value instanceof TomlTable table) {
      checkTable(table);
    } else if (value instanceof List<?> list) {
      assertThat(list).isUnmodifiable();
      list.forEach(TomlFuzzTest::checkValue);
    } else {
      assertThat(value)
          .isInstanceOfAny(
              String.class,
              Long.class,
              Double.class,
              Boolean.class,
              OffsetDateTime.class,
              LocalDateTime.class,
              LocalDate.class,
              LocalTime.class);
    }
  }

  /** The seeds: every TOML 1.0 case of toml-test, valid and invalid, that is UTF-8. */
  static Stream<Arguments> tomlTestCases() throws IOException {
    return TomlTestSuite.cases().stream()
        .flatMap(
            c -> {
              try {
                // Jazzer runs the empty input anyway, and JUnit refuses a blank test name.
                String text = c.text();
                return text.trim().isEmpty() ? Stream.empty() : Stream.of(Arguments.of(text));
              } catch (TomlException e) {
                return Stream.empty(); // not UTF-8: the fuzzer only makes strings
              }
            });
  }
}
