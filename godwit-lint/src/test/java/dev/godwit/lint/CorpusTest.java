package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints the real migration sets of the shared corpus (read in place, never copied here): the linter
 * must never crash, must analyse nearly every statement, and must report a plausible number of
 * findings. Each set is linted as one history, so later files see the schema of earlier ones. Skips
 * with a printed reason when {@code ../shared/corpus} is absent, except in CI (CI=true), where that
 * is a failure.
 */
class CorpusTest {

  private static Path corpus() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("godwit-lint"))) {
      dir = dir.getParent();
    }
    Path candidate = dir == null ? null : dir.resolve("../shared/corpus").normalize();
    if (candidate == null || !Files.isDirectory(candidate)) {
      String reason =
          "no shared/corpus next to the repository root"
              + (candidate == null ? "" : " (looked for " + candidate + ")");
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip the corpus test: " + reason);
      }
      System.out.println("SKIPPED corpus lint: " + reason);
      assumeTrue(false, reason);
    }
    return candidate;
  }

  private static List<Path> files(Path root, Predicate<String> name) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".sql"))
          .filter(p -> name.test(root.relativize(p).toString().replace('\\', '/')))
          .sorted(CorpusTest::byVersion)
          .toList();
    }
  }

  /**
   * Apply order: Flyway versions numerically ({@code V1_10} after {@code V1_9}), other names as
   * text.
   */
  private static int byVersion(Path a, Path b) {
    String x = a.getFileName().toString();
    String y = b.getFileName().toString();
    java.util.regex.Matcher mx = FLYWAY.matcher(x);
    java.util.regex.Matcher my = FLYWAY.matcher(y);
    if (mx.matches() && my.matches()) {
      String[] px = mx.group(1).split("[._]");
      String[] py = my.group(1).split("[._]");
      for (int i = 0; i < Math.max(px.length, py.length); i++) {
        long vx = i < px.length ? Long.parseLong(px[i]) : 0;
        long vy = i < py.length ? Long.parseLong(py[i]) : 0;
        if (vx != vy) {
          return Long.compare(vx, vy);
        }
      }
    }
    return a.toString().compareTo(b.toString());
  }

  private static final java.util.regex.Pattern FLYWAY =
      java.util.regex.Pattern.compile("V([0-9][0-9._]*?)__.*");

  private static LintReport lint(
      Path root, List<Path> files, SqlDialect dialect, Predicate<String> nonTransactional) {
    List<LintInput> inputs = new ArrayList<>();
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      LintInput in = LintInput.of(f);
      in = new LintInput(rel, in.source(), in.transaction(), false, in.down());
      if (nonTransactional.test(rel)) {
        in = in.withTransaction(false);
      }
      inputs.add(in);
    }
    LintReport r = Linter.lint(inputs, LintOptions.defaults(dialect));
    assertThat(r.files()).isEqualTo(files.size());
    return r;
  }

  private static String summary(String set, LintReport r) {
    Map<String, Long> byRule =
        r.findings().stream()
            .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    return String.format(
        Locale.ROOT,
        "%s: %d files, %d statements, %d findings (%d errors, %d warnings, %d infos) %s%n",
        set,
        r.files(),
        r.statements(),
        r.findings().size(),
        r.errors(),
        r.warnings(),
        r.infos(),
        byRule);
  }

  private static void record(String text) throws IOException {
    System.out.print(text);
    Files.createDirectories(Paths.get("target"));
    Files.writeString(
        Paths.get("target/lint-corpus.txt"),
        text,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** Few statements may be left unanalysed, and findings must exist but not swamp the set. */
  private static void assertPlausible(LintReport r, double maxPerStatement) {
    long notAnalysed =
        r.findings().stream().filter(f -> f.rule().equals(Rules.NOT_ANALYSED)).count();
    assertThat(r.statements()).isPositive();
    assertThat(notAnalysed).as("not-analysed findings").isLessThanOrEqualTo(r.statements() / 50);
    assertThat(r.findings()).isNotEmpty();
    assertThat((double) r.findings().size() / r.statements()).isLessThan(maxPerStatement);
  }

  @Test
  void lintsKestraPostgresAndMysql() throws IOException {
    Path root = corpus().resolve("kestra");
    LintReport pg =
        lint(root, files(root, n -> n.startsWith("postgres/")), SqlDialect.POSTGRES, n -> false);
    LintReport my =
        lint(root, files(root, n -> n.startsWith("mysql/")), SqlDialect.MYSQL, n -> false);
    record(summary("kestra/postgres", pg) + summary("kestra/mysql", my));
    assertPlausible(pg, 1.0);
    assertPlausible(my, 1.0);
  }

  @Test
  void lintsOryKratosUpAndDown() throws IOException {
    Path root = corpus().resolve("ory-kratos");
    for (String dialect : List.of("postgres", "mysql")) {
      SqlDialect d = dialect.equals("postgres") ? SqlDialect.POSTGRES : SqlDialect.MYSQL;
      LintReport up =
          lint(
              root,
              files(root, n -> n.startsWith(dialect + "/") && n.endsWith(".up.sql")),
              d,
              n -> n.contains(".autocommit."));
      List<Path> downFiles =
          new ArrayList<>(files(root, n -> n.startsWith(dialect + "/") && n.endsWith(".down.sql")));
      java.util.Collections.reverse(downFiles);
      LintReport down = lint(root, downFiles, d, n -> n.contains(".autocommit."));
      record(
          summary("ory-kratos/" + dialect + " up", up)
              + summary("ory-kratos/" + dialect + " down", down));
      assertPlausible(up, 1.0);
      assertThat(down.findings()).extracting(Finding::rule).contains("down-migration-data-loss");
      assertThat(down.findings()).extracting(Finding::rule).doesNotContain("drop-table");
    }
  }

  @Test
  void lintsLemmy() throws IOException {
    Path root = corpus().resolve("lemmy");
    LintReport up =
        lint(root, files(root, n -> n.endsWith("/up.sql")), SqlDialect.POSTGRES, n -> false);
    record(summary("lemmy/postgres up", up));
    assertPlausible(up, 1.0);
  }
}
