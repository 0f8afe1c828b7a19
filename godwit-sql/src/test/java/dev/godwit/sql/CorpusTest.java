package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Splits the real migration sets of the shared corpus (never copied into this repository). Without
 * the corpus the tests skip with a printed reason, except in CI ({@code CI=true}), where they fail.
 * The expected counts come from the corpus README where it gives them (statements applied to a real
 * server); the others are this splitter's own counts, kept as a regression check.
 */
class CorpusTest {
  private static Path corpus;

  @BeforeAll
  static void findCorpus() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("godwit-sql"))) {
      dir = dir.getParent();
    }
    Path candidate = dir == null ? null : dir.resolve("../shared/corpus").normalize();
    if (candidate == null || !Files.isDirectory(candidate)) {
      String reason =
          "no ../shared/corpus beside this checkout (a user's clone has none)"
              + (candidate == null ? "" : ": looked for " + candidate);
      // The project's rule for tests on ../shared: skip in a clone, never in CI.
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + reason);
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    corpus = candidate;
  }

  private record Result(int files, int statements, List<List<Statement>> perFile) {}

  private static List<Path> sqlFiles(String set) throws IOException {
    try (Stream<Path> files = Files.walk(corpus.resolve(set))) {
      return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static Result split(SqlDialect dialect, List<Path> files) throws IOException {
    SqlSplitter splitter = SqlSplitter.of(dialect);
    int statements = 0;
    List<List<Statement>> perFile = new ArrayList<>();
    for (Path file : files) {
      String script = Files.readString(file);
      List<Statement> all = splitter.splitAll(script, file.toString());
      // A small window refills inside statements; the result must not change.
      assertThat(Splits.tiny(SplitOptions.of(dialect), script, 64))
          .as("%s with a small window", file)
          .isEqualTo(all);
      perFile.add(all);
      statements += (int) all.stream().filter(s -> !s.has(StatementFlag.COMMENT_ONLY)).count();
    }
    return new Result(files.size(), statements, perFile);
  }

  private static List<Path> only(List<Path> files, Predicate<String> name) {
    return files.stream().filter(p -> name.test(p.getFileName().toString())).toList();
  }

  @Test
  void splitsOryKratosPostgresLikeTheServerApplyingIt() throws IOException {
    List<Path> all = sqlFiles("ory-kratos/postgres");
    assertThat(all).hasSize(692);
    // README: all 346 up files apply as 534 statements, the 346 down files as 432.
    Result up = split(SqlDialect.POSTGRES, only(all, n -> n.endsWith(".up.sql")));
    Result down = split(SqlDialect.POSTGRES, only(all, n -> n.endsWith(".down.sql")));
    assertThat(up.files()).isEqualTo(346);
    assertThat(up.statements()).isEqualTo(534);
    assertThat(down.statements()).isEqualTo(432);
  }

  @Test
  void flagsNonTransactionalStatementsOnlyInKratosAutocommitFiles() throws IOException {
    List<Path> all = sqlFiles("ory-kratos/postgres");
    Result r = split(SqlDialect.POSTGRES, all);
    int autocommitWithFlag = 0;
    for (int i = 0; i < all.size(); i++) {
      boolean flagged =
          r.perFile().get(i).stream().anyMatch(s -> s.has(StatementFlag.NON_TRANSACTIONAL));
      boolean autocommit = all.get(i).getFileName().toString().contains(".autocommit.");
      assertThat(!flagged || autocommit).as("%s is flagged", all.get(i)).isTrue();
      autocommitWithFlag += flagged ? 1 : 0;
    }
    // Four hold CREATE/DROP INDEX CONCURRENTLY; the other 16 hold plain CREATE/DROP INDEX and
    // ALTER TABLE, which PostgreSQL accepts inside a transaction.
    assertThat(autocommitWithFlag).isEqualTo(4);
  }

  @Test
  void splitsOryKratosMysql() throws IOException {
    List<Path> all = sqlFiles("ory-kratos/mysql");
    assertThat(all).hasSize(704);
    Result up = split(SqlDialect.MYSQL, only(all, n -> n.endsWith(".up.sql")));
    Result down = split(SqlDialect.MYSQL, only(all, n -> n.endsWith(".down.sql")));
    assertThat(up.files()).isEqualTo(352);
    // This splitter's counts (the README has none for MySQL).
    assertThat(up.statements()).isEqualTo(526);
    assertThat(down.statements()).isEqualTo(444);
    // Every non-blank file yields statements; the 115 empty down files yield none.
    int empty = 0;
    for (List<Statement> file : down.perFile()) {
      empty += file.isEmpty() ? 1 : 0;
    }
    assertThat(empty).isEqualTo(115);
  }

  @Test
  void splitsLemmyPostgres() throws IOException {
    List<Path> all = sqlFiles("lemmy/postgres");
    assertThat(all).hasSize(684);
    List<Path> up = only(all, n -> n.equals("up.sql"));
    Result everything = split(SqlDialect.POSTGRES, all);
    assertThat(everything.files()).isEqualTo(684);
    // README: the first 247 up migrations apply as 1,798 statements. This splitter finds 1,799:
    // 2025-03-07-094522_enable_english_for_all ends with a DO block without a semicolon, which
    // psql runs at end of file but a count of terminated statements misses.
    Result first247 = split(SqlDialect.POSTGRES, up.subList(0, 247));
    assertThat(up.get(246).getParent().getFileName().toString())
        .isEqualTo("2025-08-01-000015_add_mark_fetched_posts_as_read");
    assertThat(first247.statements()).isEqualTo(1798 + 1);
    assertThat(split(SqlDialect.POSTGRES, up).statements()).isEqualTo(2664);
  }

  @Test
  void splitsKestraPostgresLikeTheServerApplyingIt() throws IOException {
    Result r = split(SqlDialect.POSTGRES, sqlFiles("kestra/postgres"));
    assertThat(r.files()).isEqualTo(26);
    assertThat(r.statements()).isEqualTo(177);
  }

  @Test
  void splitsKestraMysql() throws IOException {
    Result r = split(SqlDialect.MYSQL, sqlFiles("kestra/mysql"));
    assertThat(r.files()).isEqualTo(24);
    assertThat(r.statements()).isEqualTo(106);
  }
}
