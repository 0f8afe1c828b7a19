package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.File;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StreamingTest {
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void streamsThreeHundredMegabytesWithABoundedWindow() {
    GeneratedScriptReader script = new GeneratedScriptReader(SqlDialect.POSTGRES, 300_000_000L);
    long count = 0;
    int maxWindow = 0;
    try (Lexer lexer = new Lexer(SplitOptions.of(SqlDialect.POSTGRES), script, "generated.sql")) {
      while (lexer.hasNext()) {
        Statement s = lexer.next();
        count++;
        maxWindow = Math.max(maxWindow, lexer.windowCapacity());
        if (count == 2) {
          assertThat(s.leadingComments()).isEqualTo("-- row 1234567");
        } else if (count == 3) {
          assertThat(s.sql()).isEqualTo("UPDATE counters SET n = n + 1 WHERE id = 1234567");
        }
      }
    }
    assertThat(count).isEqualTo(script.statements());
    // The window never grew past its initial 64 Ki chars: memory does not depend on script size.
    assertThat(maxWindow).isEqualTo(Window.DEFAULT_CAPACITY);
  }

  @Test
  void aHugeStatementsWindowIsGivenBackOnceTheStatementIsOut() {
    // 3 M chars in one statement grow the window; the driver then copies the statement to send
    // it, and the grown window must not stay beside that copy.
    String huge = "INSERT INTO t VALUES ('" + "x".repeat(3_000_000) + "')";
    String script = huge + ";\nSELECT 1;\nSELECT 2;\n";
    try (Lexer lexer =
        new Lexer(SplitOptions.of(SqlDialect.POSTGRES), new StringReader(script), "huge.sql")) {
      assertThat(lexer.next().sql()).isEqualTo(huge);
      assertThat(lexer.windowCapacity()).isEqualTo(Window.DEFAULT_CAPACITY);
      Statement second = lexer.next();
      assertThat(second.sql()).isEqualTo("SELECT 1");
      assertThat(second.line()).isEqualTo(2);
      assertThat(lexer.next().line()).isEqualTo(3);
      assertThat(lexer.hasNext()).isFalse();
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void splitsAOneGigabyteScriptInA64MegabyteHeap() throws Exception {
    // A plain test cannot limit its own heap, so the check runs in a child JVM.
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        location(SqlSplitter.class) + File.pathSeparator + location(StreamingTest.class);
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                classpath,
                LargeScriptMain.class.getName(),
                "POSTGRES",
                Long.toString(1L << 30))
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().forEach(output::add);
    }
    assertThat(p.waitFor()).as("child JVM output: %s", output).isZero();
    assertThat(output).isNotEmpty();
    String[] counts = output.get(0).split("[ =]");
    assertThat(counts[1]).as("statements in %s", output).isEqualTo(counts[3]);
    assertThat(Long.parseLong(counts[1])).isGreaterThan(16_000_000L);
    System.out.println("1 GiB script in a 64 MB heap: " + output);
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void yieldsTheFirstStatementBeforeReadingTheWholeScript() {
    CountingReader script =
        new CountingReader(new GeneratedScriptReader(SqlDialect.MYSQL, 50_000_000L));
    try (StatementStream stream = SqlSplitter.of(SqlDialect.MYSQL).split(script, "big.sql")) {
      assertThat(stream.next().sql()).startsWith("INSERT INTO `events`");
      assertThat(script.read).isLessThanOrEqualTo(Window.DEFAULT_CAPACITY);
    }
    assertThat(script.closed).isTrue();
  }

  @Test
  void growsTheWindowForAStatementLargerThanItAndShrinksNeverBelowIt() {
    String big = "x".repeat(3 * Window.DEFAULT_CAPACITY);
    String sql = "SELECT 1;\nINSERT INTO t VALUES ('" + big + ";');\nSELECT 2;";
    List<Statement> s = SqlSplitter.of(SqlDialect.POSTGRES).splitAll(sql, "big.sql");
    assertThat(s).hasSize(3);
    assertThat(s.get(1).sql()).hasSize(big.length() + 26);
    assertThat(s.get(2).line()).isEqualTo(3);
  }

  @Test
  void readsFromAReaderThatReturnsOneCharAtATime() {
    String sql =
        "SELECT 'a;b';\nDO $x$ BEGIN NULL; END $x$;\n/* c */ COPY t FROM stdin;\n1\n\\.\nSELECT 3";
    List<Statement> expected = SqlSplitter.of(SqlDialect.POSTGRES).splitAll(sql, "t.sql");
    List<Statement> actual = new ArrayList<>();
    Reader slow =
        new FilterReader(new StringReader(sql)) {
          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(len, 1));
          }
        };
    try (Lexer lexer = new Lexer(SplitOptions.of(SqlDialect.POSTGRES), slow, "t.sql", 4)) {
      lexer.forEachRemaining(actual::add);
    }
    assertThat(actual).isEqualTo(expected).hasSize(4);
  }

  @Test
  void reportsReadFailures() {
    Reader failing =
        new Reader() {
          private boolean first = true;

          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            if (first) {
              first = false;
              "SELECT 1;\nSELECT".getChars(0, 16, cbuf, off);
              return 16;
            }
            throw new IOException("disk on fire");
          }

          @Override
          public void close() {}
        };
    try (StatementStream stream = SqlSplitter.of(SqlDialect.H2).split(failing, "f.sql")) {
      SqlSplitException e = catchThrowableOfType(SqlSplitException.class, stream::hasNext);
      assertThat(e.problem()).isEqualTo(SqlSplitException.Problem.READ_FAILED);
      assertThat(e.getMessage()).contains("disk on fire");
      assertThat(stream.hasNext()).isFalse();
    }
  }

  private static final class CountingReader extends FilterReader {
    long read;
    boolean closed;

    CountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = super.read(cbuf, off, len);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}
