package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the splitter (issue 17): any text, in every dialect, either splits
 * into statements that keep what package-info promises, or fails with a {@link SqlSplitException}
 * that names the script, a line and a column inside it. Any other exception, or a broken promise,
 * is a finding.
 *
 * <p>In {@code mvn verify} Jazzer runs this as a parameterized test over the seeds: every golden
 * file in every dialect and the inputs under {@code SqlSplitterFuzzTestInputs/} (crashes found
 * earlier, kept as regression tests). {@code JAZZER_FUZZ=1} fuzzes it: see README's "Fuzzing".
 */
class SqlSplitterFuzzTest {
  private static final String SOURCE = "test.sql";
  private static final Set<StatementFlag> DECIDED =
      EnumSet.of(
          StatementFlag.NON_TRANSACTIONAL,
          StatementFlag.TRANSACTION_CONTROL,
          StatementFlag.IMPLICIT_COMMIT);

  @MethodSource("goldenScripts")
  @FuzzTest(maxDuration = "30s")
  void splitsAnyScriptOrFailsWithItsPosition(
      @NotNull SqlDialect dialect,
      boolean placeholders,
      @InRange(min = 4, max = 64) int window,
      @NotNull String script) {
    try {
      split(dialect, placeholders, window, script);
    } catch (AssertionError | RuntimeException e) {
      // The input in Java syntax, ready for a regression test.
      throw new AssertionError(
          dialect
              + ", placeholders "
              + placeholders
              + ", window "
              + window
              + ", script "
              + javaString(script)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void split(SqlDialect dialect, boolean placeholders, int window, String script) {
    SplitOptions options = SplitOptions.of(dialect);
    if (placeholders) {
      // Names starting with u are undefined; values hold what could unbalance a statement.
      options = options.withPlaceholders(n -> n.startsWith("u") ? null : "';\"" + n + "$$");
    }
    int capacity = Math.max(4, window); // seeds and old inputs may lie outside the range
    List<Statement> statements;
    try {
      statements = SqlSplitter.of(options).splitAll(script, SOURCE);
    } catch (SqlSplitException e) {
      checkFailure(e, options, script, capacity);
      return;
    }
    // Streaming: a window of a few chars and any size hint give the same statements.
    assertThat(Splits.tiny(options, script, capacity)).isEqualTo(statements);
    assertThat(hinted(options, script, Math.max(1, script.length() / 2))).isEqualTo(statements);
    new Layout(dialect, script, placeholders).check(statements);
  }

  private static void checkFailure(
      SqlSplitException e, SplitOptions options, String script, int capacity) {
    assertThat(e.problem()).isNotEqualTo(SqlSplitException.Problem.READ_FAILED);
    if (options.placeholders() == null) {
      assertThat(e.problem()).isNotEqualTo(SqlSplitException.Problem.UNDEFINED_PLACEHOLDER);
    }
    assertThat(e.source()).isEqualTo(SOURCE);
    assertThat(e.line()).isBetween(1, lineCount(script));
    assertThat(e.column()).isPositive();
    assertThat(e.getMessage()).startsWith(SOURCE + ":" + e.line() + ":" + e.column() + ": ");
    String message = e.getMessage();
    try {
      Splits.tiny(options, script, capacity);
      throw new AssertionError("a " + capacity + "-char window split what failed: " + message);
    } catch (SqlSplitException small) {
      assertThat(small.getMessage()).isEqualTo(message);
    }
  }

  private static List<Statement> hinted(SplitOptions options, String script, long hint) {
    List<Statement> out = new ArrayList<>();
    try (StatementStream stream =
        SqlSplitter.of(options).split(new StringReader(script), SOURCE, hint)) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  static String javaString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }

  private static int lineCount(String script) {
    return (int) script.chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * Where the statements sit in the script: each one at its line and column, as written, in order,
   * without overlap; and between them nothing but blanks, delimiters, comments, MySQL {@code
   * DELIMITER} lines and PostgreSQL COPY data, so that no code is lost.
   */
  private static final class Layout {
    private final SqlDialect dialect;
    private final String script;
    private final boolean placeholders;
    private final int[] lineStarts;
    private String delimiter = ";";

    Layout(SqlDialect dialect, String script, boolean placeholders) {
      this.dialect = dialect;
      this.script = script;
      this.placeholders = placeholders;
      List<Integer> starts = new ArrayList<>();
      starts.add(script.startsWith("\uFEFF") ? 1 : 0);
      for (int i = 0; i < script.length(); i++) {
        if (script.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    void check(List<Statement> statements) {
      int end = lineStarts[0];
      for (int i = 0; i < statements.size(); i++) {
        Statement s = statements.get(i);
        String what = "statement " + (i + 1) + " at " + s.line() + ":" + s.column();
        assertThat(s.line()).as(what).isBetween(1, lineStarts.length);
        int at = lineStarts[s.line() - 1] + s.column() - 1;
        assertThat(at).as(what).isBetween(end, script.length() - 1);
        assertThat(s.sql()).as(what).isNotEmpty();
        assertThat(Scan.isWhitespace(s.sql().charAt(s.sql().length() - 1))).as(what).isFalse();
        long decided = s.flags().stream().filter(DECIDED::contains).count();
        assertThat(decided).as(what).isLessThanOrEqualTo(1);
        assertThat(s.reason().isEmpty()).as(what).isEqualTo(decided == 0);
        assertThat(s.copyData() != null).as(what).isEqualTo(s.has(StatementFlag.COPY_FROM_STDIN));
        if (placeholders) {
          end = at + 1; // replaced text has other lengths: only the order is checked
          continue;
        }
        int written = s.sql().length();
        if (s.has(StatementFlag.COMMENT_ONLY) && dialect.family() == SqlDialect.MYSQL) {
          // Comments on both sides of a DELIMITER line are joined (package-info): only the text
          // up to that line stands as written; the gap check reads the rest.
          written = commonPrefix(s.sql(), at);
          assertThat(written).as(what + " starts as written").isPositive();
        }
        assertThat(script.startsWith(s.sql().substring(0, written), at))
            .as(what + " is as written")
            .isTrue();
        gap(end, at, s, what);
        end = at + written;
        if (s.copyData() != null) {
          end = copyData(end, s, what);
        }
      }
      if (!placeholders) {
        gap(end, script.length(), null, "the end of the script");
      }
    }

    private int commonPrefix(String text, int at) {
      int n = 0;
      while (n < text.length()
          && at + n < script.length()
          && text.charAt(n) == script.charAt(at + n)) {
        n++;
      }
      return n;
    }

    // The rest of the line of the COPY's delimiter is ignored; the data follows on the next line,
    // then the \. line.
    private int copyData(int statementEnd, Statement s, String what) {
      int delimiter = statementEnd;
      while (delimiter < script.length() && Scan.isWhitespace(script.charAt(delimiter))) {
        delimiter++;
      }
      int data = script.indexOf('\n', delimiter) + 1;
      assertThat(data).as(what + ": copy data starts on a new line").isPositive();
      assertThat(script.startsWith(s.copyData(), data))
          .as(what + ": copy data as written")
          .isTrue();
      int terminator = data + s.copyData().length();
      assertThat(script.startsWith("\\.", terminator)).as(what + ": \\. ends the data").isTrue();
      int lineEnd = script.indexOf('\n', terminator);
      return lineEnd < 0 ? script.length() : lineEnd;
    }

    private void gap(int from, int to, Statement next, String what) {
      int i = from;
      while (i < to) {
        char c = script.charAt(i);
        if (Scan.isWhitespace(c) || c == '\uFEFF' && i == 0) {
          i++;
        } else if (script.startsWith(delimiter, i)) {
          i += delimiter.length();
        } else if (dialect.family() == SqlDialect.MYSQL && directive(i, to)) {
          i = lineEnd(i, to);
        } else if (commentStart(i)) {
          int e = commentEnd(i, to);
          String comment = script.substring(i, e).strip();
          if (next != null && !next.has(StatementFlag.COMMENT_ONLY)) {
            assertThat(next.leadingComments()).as(what + ": leading comments").contains(comment);
          }
          i = e;
        } else {
          throw new AssertionError(
              "text before "
                  + what
                  + " at offset "
                  + i
                  + " belongs to no statement: "
                  + script.substring(i, Math.min(to, i + 40)));
        }
      }
    }

    private boolean directive(int i, int to) {
      if (!script.regionMatches(true, i, "delimiter", 0, 9)
          || i + 9 >= to
          || script.charAt(i + 9) != ' ' && script.charAt(i + 9) != '\t') {
        return false;
      }
      String arg = script.substring(i + 9, lineEnd(i, to)).strip();
      int space = indexOfWhitespace(arg);
      delimiter = space < 0 ? arg : arg.substring(0, space);
      return !delimiter.isEmpty();
    }

    private static int indexOfWhitespace(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Scan.isWhitespace(s.charAt(i))) {
          return i;
        }
      }
      return -1;
    }

    private int lineEnd(int i, int to) {
      int e = script.indexOf('\n', i);
      return e < 0 || e > to ? to : e;
    }

    private boolean commentStart(int i) {
      LexicalRules rules = dialect.lexicalRules();
      return script.startsWith("--", i)
          || script.startsWith("/*", i)
          || rules.hashComments() && script.charAt(i) == '#'
          || rules.slashSlashComments() && script.startsWith("//", i);
    }

    private int commentEnd(int i, int to) {
      if (!script.startsWith("/*", i)) {
        return lineEnd(i, to);
      }
      int depth = 0;
      int j = i;
      while (j < to) {
        if (script.startsWith("/*", j)) {
          depth = dialect.lexicalRules().nestedBlockComments() ? depth + 1 : 1;
          j += 2;
        } else if (script.startsWith("*/", j)) {
          j += 2;
          if (--depth == 0) {
            return j;
          }
        } else {
          j++;
        }
      }
      return to;
    }
  }

  /** The seeds: every golden file, in its own dialect and in all the others. */
  static Stream<Arguments> goldenScripts() throws IOException, URISyntaxException {
    Path root =
        Path.of(Objects.requireNonNull(SqlSplitterFuzzTest.class.getResource("/splitter")).toURI());
    List<Arguments> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String script = Files.readString(file, StandardCharsets.UTF_8);
        for (SqlDialect dialect : SqlDialect.values()) {
          seeds.add(Arguments.of(dialect, false, 7, script));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    seeds.add(Arguments.of(SqlDialect.POSTGRES, true, 5, "select '${a}', ${b}; ${u}"));
    return seeds.stream();
  }
}
