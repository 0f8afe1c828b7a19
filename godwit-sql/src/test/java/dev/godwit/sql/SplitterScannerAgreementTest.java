package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The splitter and {@link SqlTokenizer} see the same words at the same offsets: both read the
 * dialect's {@link LexicalRules} with the same {@link Scan} functions, and this checks it on the
 * constructs where lexers tend to differ, on the golden files and on random scripts.
 *
 * <p>Unreplaced placeholders are left out: the scanner reads {@code ${x}} as one word, the splitter
 * replaces placeholders itself when told to and otherwise sees punctuation and a word.
 */
class SplitterScannerAgreementTest {
  /** A word at absolute offsets of the script. */
  record Span(long start, long end) {}

  private static final List<String> EVERYWHERE =
      List.of(
          "SELECT a$b, x_1, é_ü, \"q;\"\"d\", 'a''b' FROM t WHERE c = 1.5e-3 AND d <> .5",
          "UPDATE t SET a = X'41', b = N'n', c = B'01' -- note\n WHERE id IN (1, 2)",
          "INSERT INTO t VALUES (1) /* a comment with words */");

  private static final Map<SqlDialect, List<String>> DIALECT =
      Map.of(
          SqlDialect.POSTGRES,
          List.of(
              "SELECT $1, x$1, $$body; words$$, $t$ x $t$, E'a\\'b', U&'d\\0061t', \"Q\"\"d\"",
              "CREATE FUNCTION f() RETURNS int AS $f$ SELECT 1 $f$ LANGUAGE sql",
              "SELECT a /* x /* nested */ y */ , b::text FROM t"),
          SqlDialect.MYSQL,
          List.of(
              "SELECT `a``b`, a$b, $c, 'x\\'y', \"dq\", 1--1, b # c\n FROM t",
              "/*!40101 SET NAMES utf8mb4 */",
              "SELECT 1 /*M!100100 + x */ AS y"),
          SqlDialect.MARIADB,
          List.of("SELECT `a``b`, a$b, 'x\\'y', 1--1 # c\n FROM t", "/*M!100100 SET x = 1 */"),
          SqlDialect.SQLITE,
          List.of(
              "SELECT a$b, $v, :v, @v, ?1, [a b], `c d`, \"e f\" FROM t",
              "SELECT 'a\\' AS y, a /* x /* y */ FROM t"),
          SqlDialect.H2,
          List.of(
              "SELECT a$$b, `c d`, \"e\", $$ body $$ FROM t // c\n WHERE x = ?",
              "SELECT a /* x /* y */ z */ FROM t"));

  /** The words the splitter sees, and those the scanner sees in the statements it returns. */
  private static void assertAgree(SqlDialect dialect, String script) {
    List<Span> split = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    try (Lexer lexer = new Lexer(SplitOptions.of(dialect), new StringReader(script), "t.sql")) {
      lexer.info().watcher = (start, end) -> split.add(new Span(start, end));
      lexer.forEachRemaining(statements::add);
    }
    List<Span> scanned = new ArrayList<>();
    for (Statement s : statements) {
      if (s.has(StatementFlag.COMMENT_ONLY)) {
        continue;
      }
      long at = offsetOf(script, s.line(), s.column());
      assertThat(script.substring((int) at)).startsWith(s.sql());
      for (Token t : SqlTokenizer.tokenize(s.sql(), dialect)) {
        if (t.kind() == Token.Kind.WORD) {
          scanned.add(new Span(at + t.offset(), at + t.offset() + t.text().length()));
        }
      }
    }
    assertThat(scanned).as("%s words of:\n%s", dialect, script).isEqualTo(split);
  }

  private static long offsetOf(String script, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = script.indexOf('\n', at) + 1;
    }
    return at + column - 1;
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void agreeOnTheConstructsWhereLexersDiffer(SqlDialect dialect) {
    List<String> cases = new ArrayList<>(EVERYWHERE);
    cases.addAll(DIALECT.get(dialect));
    for (String sql : cases) {
      assertAgree(dialect, sql);
    }
  }

  @Test
  void seeTheWordsTheDialectHas() {
    List<Span> words = new ArrayList<>();
    try (Lexer lexer =
        new Lexer(SplitOptions.of(SqlDialect.SQLITE), new StringReader("SELECT a$b"), "t.sql")) {
      lexer.info().watcher = (start, end) -> words.add(new Span(start, end));
      lexer.forEachRemaining(s -> {});
    }
    assertThat(words).containsExactly(new Span(0, 6), new Span(7, 10));
  }

  @Test
  void agreeOnEveryGoldenFile() throws IOException {
    Path root = Paths.get("src", "test", "resources", "splitter");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    int checked = 0;
    for (Path p : files) {
      String dir = p.getParent().getFileName().toString().toUpperCase(Locale.ROOT);
      String script = Files.readString(p, StandardCharsets.UTF_8);
      if (p.getFileName().toString().startsWith("error_") || script.contains("${")) {
        continue;
      }
      SqlDialect dialect = SqlDialect.valueOf(dir);
      assertAgree(dialect, script);
      if (dialect == SqlDialect.MYSQL) {
        assertAgree(SqlDialect.MARIADB, script);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(15);
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void agreeOnRandomScripts(SqlDialect dialect) {
    for (int i = 0; i < 300; i++) {
      ScriptGenerator g = new ScriptGenerator(dialect, new Random(7_919L * i + dialect.ordinal()));
      assertAgree(dialect, g.generate(8).script());
    }
  }
}
