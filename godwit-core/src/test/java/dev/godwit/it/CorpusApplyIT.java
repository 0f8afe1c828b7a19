package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.UndoResult;
import dev.godwit.internal.SharedFiles;
import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real migration histories from public projects, applied through Godwit and through the database's
 * own client: both must leave the same schema. ory-kratos also goes all the way back down through
 * Godwit's undo.
 */
class CorpusApplyIT {
  @TempDir Path dir;

  static List<PostgresServer> postgres() {
    return PostgresServers.all();
  }

  /** kestra's functions use SQL-standard bodies (RETURN ...), which PostgreSQL has since 14. */
  static List<PostgresServer> postgres14() {
    return PostgresServers.all().stream().filter(pg -> pg.majorVersion() >= 14).toList();
  }

  private static Path corpus(String sub) {
    return SharedFiles.require().resolve("corpus").resolve(sub);
  }

  private static String psqlOrSkip() {
    String psql = Corpus.client("psql");
    if (psql == null) {
      String reason = "psql is not installed, so the comparison with psql cannot run";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + reason);
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.assumeTrue(false, reason);
    }
    return psql;
  }

  private static TestDatabase database(PostgresServer pg) {
    return new TestDatabase(
        TestDatabase.Kind.POSTGRES, pg.createDatabase(), pg.user(), pg.password());
  }

  /** Applies files with psql, in order, stopping at the first error. */
  private static void psql(String psql, TestDatabase db, List<Path> files) throws Exception {
    URI uri = URI.create(db.url().substring("jdbc:".length()));
    List<String> cmd = new ArrayList<>(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1"));
    cmd.addAll(List.of("-h", uri.getHost(), "-p", String.valueOf(uri.getPort())));
    cmd.addAll(List.of("-U", db.user(), "-d", uri.getPath().substring(1)));
    for (Path f : files) {
      cmd.add("-f");
      cmd.add(f.toString());
    }
    Corpus.run(cmd, null);
  }

  private static int statements(MigrateResult r) {
    return r.applied().stream().mapToInt(AppliedMigration::statements).sum();
  }

  @ParameterizedTest
  @MethodSource("postgres14")
  void kestraAppliesLikePsql(PostgresServer pg) throws Exception {
    Path kestra = corpus("kestra/postgres");
    TestDatabase viaGodwit = database(pg);
    MigrateResult r =
        Godwit.configure()
            .url(viaGodwit.url(), viaGodwit.user(), viaGodwit.password())
            .locations("filesystem:" + kestra)
            .load()
            .migrate();
    assertThat(r.applied()).hasSize(26);
    assertThat(statements(r)).isEqualTo(177);

    String psql = psqlOrSkip();
    TestDatabase viaPsql = database(pg);
    List<Path> files = new ArrayList<>();
    try (var s = java.nio.file.Files.list(kestra)) {
      s.filter(p -> p.toString().endsWith(".sql"))
          .sorted(
              (a, b) ->
                  dev.godwit.api.MigrationVersion.parse(version(a))
                      .compareTo(dev.godwit.api.MigrationVersion.parse(version(b))))
          .forEach(files::add);
    }
    psql(psql, viaPsql, files);
    assertThat(Corpus.postgresSnapshot(viaGodwit)).isEqualTo(Corpus.postgresSnapshot(viaPsql));
  }

  private static String version(Path p) {
    String n = p.getFileName().toString();
    return n.substring(1, n.indexOf("__"));
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void oryKratosAppliesLikePsqlAndUndoesBackToAnEmptySchema(PostgresServer pg) throws Exception {
    List<Corpus.Pair> pairs = Corpus.oryKratos(corpus("ory-kratos/postgres"));
    Path migrations = Corpus.asGodwitMigrations(pairs, dir.resolve("kratos"), true);
    TestDatabase viaGodwit = database(pg);
    Godwit godwit = viaGodwit.configure(migrations).load();
    MigrateResult up = godwit.migrate();
    assertThat(up.applied()).hasSize(346);
    assertThat(statements(up)).isEqualTo(534);
    // 10 up files carry .autocommit (CREATE INDEX CONCURRENTLY and friends).
    assertThat(up.applied().stream().filter(a -> !a.transactional()).count()).isEqualTo(10);

    String psql = psqlOrSkip();
    TestDatabase viaPsql = database(pg);
    psql(psql, viaPsql, pairs.stream().map(Corpus.Pair::up).toList());
    List<String> schema = Corpus.postgresSnapshot(viaGodwit);
    assertThat(schema).isEqualTo(Corpus.postgresSnapshot(viaPsql)).isNotEmpty();

    UndoResult down = godwit.undo(346, null, false);
    assertThat(down.undone()).hasSize(346);
    assertThat(down.currentVersion()).isNull();
    // ory-kratos's down files leave the extensions its up files created; nothing else remains.
    assertThat(Corpus.postgresSnapshot(viaGodwit)).allMatch(line -> line.startsWith("extension "));
    assertThat(godwit.migrate().applied()).hasSize(346);
    assertThat(Corpus.postgresSnapshot(viaGodwit)).isEqualTo(schema);
  }

  @Test
  void lemmyAppliesLikePsqlOnTheNewestPostgres() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    List<Corpus.Pair> pairs = Corpus.lemmy(corpus("lemmy/postgres"));
    Path migrations = Corpus.asGodwitMigrations(pairs, dir.resolve("lemmy"), true);
    // lemmy runs under diesel, whose own history table its later migrations guard with a
    // trigger; the table exists before the first migration, so Godwit baselines below V1.
    String diesel =
        "CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY, run_on"
            + " TIMESTAMP NOT NULL DEFAULT now())";
    TestDatabase viaGodwit = database(pg);
    viaGodwit.execute(diesel);
    MigrateResult up =
        viaGodwit
            .configure(migrations)
            .set(dev.godwit.api.ConfigKey.BASELINE_ON_MIGRATE, true)
            .set(dev.godwit.api.ConfigKey.BASELINE_VERSION, "0")
            .load()
            .migrate();
    assertThat(up.applied()).hasSize(342);

    String psql = psqlOrSkip();
    TestDatabase viaPsql = database(pg);
    viaPsql.execute(diesel);
    psql(psql, viaPsql, pairs.stream().map(Corpus.Pair::up).toList());
    assertThat(Corpus.postgresSnapshot(viaGodwit)).isEqualTo(Corpus.postgresSnapshot(viaPsql));
  }

  @Test
  void oryKratosMySqlAppliesLikeTheMariaDbClientUpToTheFileMariaDbRejects() throws Exception {
    Optional<MariaDbServer> found = MariaDbServer.find();
    if (found.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = found.get();
    List<Corpus.Pair> pairs = Corpus.oryKratos(corpus("ory-kratos/mysql"));
    // The set targets MySQL 8; MariaDB needs the relaxed sql_mode the corpus README names.
    String mode = "?sessionVariables=sql_mode=NO_ENGINE_SUBSTITUTION";
    Path migrations = Corpus.asGodwitMigrations(pairs, dir.resolve("kratos-mysql"), false);
    TestDatabase viaGodwit =
        new TestDatabase(
            TestDatabase.Kind.MARIADB, m.createDatabase() + mode, m.user(), m.password());
    Godwit godwit = viaGodwit.configure(migrations).load();
    try {
      godwit.migrate();
      throw new AssertionError("MariaDB accepted the generated column it is documented to reject");
    } catch (MigrationFailedException e) {
      assertThat(e.script()).contains("create_pending_traits_changes");
    }
    long applied =
        godwit.info().migrations().stream().filter(i -> i.state().name().equals("SUCCESS")).count();
    assertThat(applied).isEqualTo(344);

    String client = Corpus.client("mariadb");
    if (client == null) {
      client = Corpus.client("mysql");
    }
    if (client == null) {
      String reason = "no mariadb client is installed, so the comparison cannot run";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + reason);
      }
      Assumptions.assumeTrue(false, reason);
    }
    String viaClientUrl = m.createDatabase();
    String database = viaClientUrl.substring(viaClientUrl.lastIndexOf('/') + 1);
    // The client runs the 345th file too: like Godwit, it stops at the failing statement and
    // leaves the statements before it applied.
    for (int i = 0; i < 345; i++) {
      List<String> cmd = new ArrayList<>(List.of(client, "-h", "127.0.0.1", "-u", m.user()));
      if (!m.password().isEmpty()) {
        cmd.add("-p" + m.password());
      }
      cmd.add("--init-command=SET SESSION sql_mode='NO_ENGINE_SUBSTITUTION'");
      cmd.add(database);
      Corpus.run(cmd, pairs.get(i).up(), i < 344);
    }
    TestDatabase viaClient =
        new TestDatabase(TestDatabase.Kind.MARIADB, viaClientUrl, m.user(), m.password());
    assertThat(Corpus.mariaDbSnapshot(viaGodwit)).isEqualTo(Corpus.mariaDbSnapshot(viaClient));
  }
}
