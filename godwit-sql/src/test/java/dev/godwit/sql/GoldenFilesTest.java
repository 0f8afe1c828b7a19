package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Splits every {@code src/test/resources/splitter/<dialect>/<case>.sql} and compares the result
 * with {@code <case>.expected}. Run with {@code -Dgolden.update=true} to rewrite the expected
 * files, then review the diff.
 *
 * <p>Expected format, per statement:
 *
 * <pre>
 * === 2 @ 5:1 PLAIN_DML                 (number, line:column, flags)
 * --- leading comments                  (only when there are some)
 * -- the comments verbatim
 * --- sql
 * INSERT INTO t VALUES (1)
 * --- copy data                         (only for COPY ... FROM STDIN)
 * 1	x
 * </pre>
 *
 * A failure ends the list as {@code !!! PROBLEM @ line:column} followed by the message.
 */
class GoldenFilesTest {
  private static final Path ROOT = Paths.get("src", "test", "resources", "splitter");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> splitsGoldenFilesAsExpected() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(cases::add);
    }
    assertThat(cases).as("golden cases under %s", ROOT.toAbsolutePath()).hasSizeGreaterThan(20);
    return cases.stream()
        .map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
  }

  /** MariaDB splits like the rest of its family: the MySQL cases give the same output. */
  @TestFactory
  Stream<DynamicTest> splitsMySqlGoldenFilesTheSameForMariaDb() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("mysql"))) {
      files.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(cases::add);
    }
    assertThat(cases).hasSizeGreaterThan(5);
    return cases.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    "mariadb: " + p.getFileName(),
                    () -> {
                      String script = Files.readString(p, StandardCharsets.UTF_8);
                      String name = p.getFileName().toString();
                      SplitOptions maria = SplitOptions.of(SqlDialect.MARIADB);
                      Path expected =
                          p.resolveSibling(name.substring(0, name.length() - 4) + ".expected");
                      assertThat(render(maria, script, name))
                          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
                      assertThat(renderTiny(maria, script, name))
                          .isEqualTo(render(maria, script, name));
                    }));
  }

  private static void check(Path sqlFile) throws IOException {
    String dialectName = sqlFile.getParent().getFileName().toString().toUpperCase(Locale.ROOT);
    SqlDialect dialect = SqlDialect.valueOf(dialectName);
    String script = Files.readString(sqlFile, StandardCharsets.UTF_8);
    String actual = render(SplitOptions.of(dialect), script, sqlFile.getFileName().toString());
    String name = sqlFile.getFileName().toString();
    Path expectedFile = sqlFile.resolveSibling(name.substring(0, name.length() - 4) + ".expected");
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expectedFile)
        .as("missing %s: run the tests with -Dgolden.update=true to create it", expectedFile)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    // The same script read through a tiny window must give the same result.
    assertThat(renderTiny(SplitOptions.of(dialect), script, name)).isEqualTo(actual);
  }

  static String render(SplitOptions options, String script, String source) {
    StringBuilder out = new StringBuilder();
    try (StatementStream stream =
        SqlSplitter.of(options).split(new java.io.StringReader(script), source)) {
      renderAll(stream, out);
    }
    return out.toString();
  }

  private static String renderTiny(SplitOptions options, String script, String source) {
    StringBuilder out = new StringBuilder();
    try (Lexer lexer = new Lexer(options, new java.io.StringReader(script), source, 5)) {
      renderAll(lexer, out);
    }
    return out.toString();
  }

  private static void renderAll(StatementStream stream, StringBuilder out) {
    int n = 0;
    try {
      while (stream.hasNext()) {
        Statement s = stream.next();
        out.append("=== ")
            .append(++n)
            .append(" @ ")
            .append(s.line())
            .append(':')
            .append(s.column());
        s.flags().stream().sorted().forEach(f -> out.append(' ').append(f));
        out.append('\n');
        if (!s.leadingComments().isEmpty()) {
          out.append("--- leading comments\n").append(s.leadingComments()).append('\n');
        }
        out.append("--- sql\n").append(s.sql()).append('\n');
        if (s.copyData() != null) {
          out.append("--- copy data\n").append(s.copyData());
        }
      }
    } catch (SqlSplitException e) {
      out.append("!!! ")
          .append(e.problem())
          .append(" @ ")
          .append(e.line())
          .append(':')
          .append(e.column())
          .append('\n')
          .append(e.getMessage())
          .append('\n');
    }
  }
}
