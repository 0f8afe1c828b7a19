package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.api.Godwit;
import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 suite (issue 17): the CLI runs as a process on a set of transactional and
 * non-transactional migrations, is killed with SIGKILL after a random delay (seeded; the seed is
 * printed, {@code -Dgodwit.kill.seed=N} repeats a run), and is then run again as a user would,
 * following what it says ({@code migrate}, then {@code migrate --resume} when it names an
 * interrupted statement the catalog decides), until it completes. Every time: each migration's
 * objects are in the catalog exactly when its history row is, no version has two rows, the
 * transactional data migrations ran exactly once, no runner holds the migration lock (a new run
 * takes it without waiting), and validate is green. {@code -Dgodwit.kills=N} sets the kills per
 * database (default 50).
 */
class KillSuiteIT {
  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();
  private static final int KILLS = Integer.getInteger("godwit.kills", 50);

  @TempDir Path dir;

  /**
   * One migration of the set: its file, whether it runs in a transaction, and a query counting the
   * objects (or rows) it leaves, with how many it leaves when applied and when not.
   */
  private record Step(String file, String sql, boolean transactional, String probe, long applied) {}

  private String url;
  private String user;
  private String password;
  private boolean maria;
  private List<Step> steps;
  private Path cds;

  @Test
  void postgres() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    url = pg.createDatabase();
    user = pg.user();
    password = pg.password();
    maria = false;
    steps = postgresSteps();
    suite("PostgreSQL");
  }

  @Test
  void mariaDb() throws Exception {
    Optional<MariaDbServer> found = MariaDbServer.find();
    if (found.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = found.get();
    url = m.createDatabase();
    user = m.user();
    password = m.password();
    maria = true;
    steps = mariaDbSteps();
    suite("MariaDB");
  }

  /** PostgreSQL: transactional migrations, CONCURRENTLY index builds, and forced statement mode. */
  private static List<Step> postgresSteps() {
    return List.of(
        new Step(
            "V1__a.sql",
            "CREATE TABLE a (id INT PRIMARY KEY, x INT);\n"
                + "INSERT INTO a SELECT g, g % 97 FROM generate_series(1, 20000) g;\n",
            true,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name = 'a'",
            1),
        new Step(
            "V2__index.sql",
            "CREATE INDEX CONCURRENTLY a_x ON a (x);\n"
                + "CREATE INDEX CONCURRENTLY a_x_id ON a (x, id);\n",
            false,
            indexProbePg("'a_x', 'a_x_id'"),
            2),
        new Step(
            "V3__b.sql",
            "CREATE TABLE b (id INT, note TEXT);\nINSERT INTO b VALUES (1, 'one');\n",
            true,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name = 'b'",
            1),
        new Step(
            "V4__statements.sql",
            "CREATE TABLE c (id INT);\n"
                + "ALTER TABLE c ADD COLUMN label TEXT;\n"
                + "CREATE TABLE d (id INT);\n"
                + "DROP TABLE d;\n"
                + "ALTER TABLE b DROP COLUMN note;\n",
            false,
            "SELECT CASE WHEN (SELECT COUNT(*) FROM information_schema.columns WHERE"
                + " table_schema = current_schema() AND table_name = 'c' AND column_name ="
                + " 'label') = 1 AND (SELECT COUNT(*) FROM information_schema.columns WHERE"
                + " table_schema = current_schema() AND table_name = 'b' AND column_name ="
                + " 'note') = 0 THEN 1 ELSE 0 END",
            1),
        new Step("V5__seed.sql", "INSERT INTO b (id) VALUES (2);\n", true, "SELECT 0", 0),
        new Step(
            "V6__unique.sql",
            "CREATE UNIQUE INDEX CONCURRENTLY b_id ON b (id);\n"
                + "CREATE INDEX CONCURRENTLY b_tmp ON b (id);\n"
                + "DROP INDEX CONCURRENTLY b_tmp;\n",
            false,
            "SELECT CASE WHEN ("
                + indexProbePg("'b_id'")
                + ") = 1 AND ("
                + indexProbePg("'b_tmp'")
                + ") = 0 THEN 1 ELSE 0 END",
            1));
  }

  private static String indexProbePg(String names) {
    return "SELECT COUNT(*) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN"
        + " pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = current_schema() AND"
        + " i.relname IN ("
        + names
        + ") AND x.indisvalid";
  }

  /** MariaDB: every DDL statement commits by itself; data-only migrations are transactional. */
  private static List<Step> mariaDbSteps() {
    String tables =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND"
            + " table_name IN ";
    return List.of(
        new Step("V1__a.sql", "CREATE TABLE a (id INT PRIMARY KEY);\n", false, tables + "('a')", 1),
        new Step(
            "V2__b.sql",
            "CREATE TABLE b (id INT);\n"
                + "ALTER TABLE b ADD COLUMN note VARCHAR(20);\n"
                + "CREATE INDEX b_note ON b (note);\n",
            false,
            "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND index_name = 'b_note'",
            1),
        new Step("V3__seed.sql", "INSERT INTO a VALUES (1), (2), (3);\n", true, "SELECT 0", 0),
        new Step(
            "V4__c.sql",
            "CREATE TABLE c (id INT);\nCREATE TABLE d (id INT);\nDROP TABLE c;\n",
            false,
            tables + "('d')",
            1),
        new Step(
            "V5__a_label.sql",
            "ALTER TABLE a ADD COLUMN label VARCHAR(10);\nCREATE INDEX a_label ON a (label);\n",
            false,
            "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND index_name = 'a_label'",
            1),
        new Step(
            "V6__seed.sql", "INSERT INTO b (id, note) VALUES (1, 'x');\n", true, "SELECT 0", 0),
        new Step(
            "V7__f.sql",
            "CREATE TABLE f (id INT);\n"
                + "ALTER TABLE f ADD COLUMN g INT;\n"
                + "CREATE INDEX f_g ON f (g);\n"
                + "DROP INDEX f_g ON f;\n"
                + "ALTER TABLE f DROP COLUMN g;\n",
            false,
            "SELECT CASE WHEN ("
                + tables
                + "('f')) = 1 AND (SELECT COUNT(*) FROM information_schema.columns WHERE"
                + " table_schema = DATABASE() AND table_name = 'f' AND column_name = 'g') = 0"
                + " THEN 1 ELSE 0 END",
            1));
  }

  /** Where each kill landed, and how the database was brought back. */
  private static final class Counts {
    final Map<String, Integer> landed = new LinkedHashMap<>();
    final Map<String, Integer> recovered = new LinkedHashMap<>();
    int runs;

    void landed(String where) {
      landed.merge(where, 1, Integer::sum);
    }

    void recovered(String how) {
      recovered.merge(how, 1, Integer::sum);
    }
  }

  private void suite(String database) throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    for (Step s : steps) {
      Files.writeString(sql.resolve(s.file()), s.sql());
      if (!s.transactional() && !maria) {
        Files.writeString(sql.resolve(s.file() + ".conf"), "executeInTransaction=false\n");
      }
    }
    cds = classDataArchive();
    long seed = Long.getLong("godwit.kill.seed", System.nanoTime());
    System.out.printf(
        Locale.ROOT, "[kill suite] %s: seed %d (-Dgodwit.kill.seed=%d)%n", database, seed, seed);
    Random random = new Random(seed);

    // Aiming: a JVM's start-up varies by more than the migrations take, so most kills come a
    // random delay (0-150 ms) after a random point of progress the database shows: the j-th
    // history row written (a migration without a transaction writes its row before it starts, one
    // in a transaction when it commits). One in five comes a random delay after the start, over
    // start-up and connecting (0 to when one full run made its history table).
    String prefix = schemaPrefix();
    long[] window = window(prefix + "calib");
    System.out.printf(
        Locale.ROOT,
        "[kill suite] %s: class data sharing %s; a full migrate takes %d ms, its history table"
            + " appears at %d ms; kills at 0-%d ms after the start, or 0-150 ms after history row"
            + " j (random)%n",
        database,
        cds == null ? "off" : "on",
        window[2],
        window[0],
        window[0]);

    Counts counts = new Counts();
    List<String> schemas = new ArrayList<>(List.of(prefix + "calib"));
    for (int i = 0; i < KILLS; i++) {
      String schema = prefix + i;
      schemas.add(schema);
      boolean early = random.nextInt(5) == 0;
      int row = 1 + random.nextInt(steps.size());
      long delay = early ? (long) (random.nextDouble() * window[0]) : random.nextInt(151);
      connect(schema).close(); // on MariaDB, its database exists before the run starts
      Process p = start(schema, "migrate");
      if (!early) {
        awaitHistoryRows(p, schema, row);
      }
      boolean exited = p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!exited) {
        p.destroyForcibly(); // SIGKILL
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String where = exited ? "after (the run had ended)" : landed(schema);
      counts.landed(where);
      checkHistoryMatchesCatalog(
          schema,
          "kill "
              + i
              + " at "
              + delay
              + " ms after "
              + (early ? "the start" : "history row " + row)
              + " ("
              + where
              + ")");
      recover(schema, counts, "kill " + i + " (seed " + seed + ")");
      checkComplete(schema, "kill " + i + " (seed " + seed + ")");
    }
    dropSchemas(schemas);

    System.out.printf(
        Locale.ROOT,
        "[kill suite] %s: %d kills, landed %s; recovered %s; %d recovery runs; every check passed"
            + " %d times (seed %d)%n",
        database,
        KILLS,
        counts.landed,
        counts.recovered,
        counts.runs,
        KILLS,
        seed);
    assertThat(counts.landed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(KILLS);
  }

  /** Where the kill landed, from what the database shows. */
  private String landed(String schema) throws SQLException {
    try (Connection c = connect(schema)) {
      if (!historyExists(c)) {
        return "before (no history yet)";
      }
      long rows = count(c, "SELECT COUNT(*) FROM godwit_schema_history WHERE version IS NOT NULL");
      long done =
          count(
              c,
              "SELECT COUNT(*) FROM godwit_schema_history WHERE version IS NOT NULL AND "
                  + (maria ? "success" : "success"));
      if (rows == 0) {
        return "before (no migration started)";
      }
      if (done == steps.size()) {
        return "after (all recorded)";
      }
      if (rows > done
          && count(
                  c,
                  "SELECT COUNT(*) FROM godwit_schema_history_progress WHERE resolution IS NULL AND"
                      + " statement_started > statements_applied")
              > 0) {
        return "mid-statement (outcome not recorded)";
      }
      return rows > done
          ? "mid-migration (between statements)"
          : "mid-run (between migrations, or in a transaction)";
    }
  }

  /**
   * Right after a kill: a migration with a successful row has its objects; one with no row has none
   * of them (its DDL never ran unrecorded). The one in flight has a failed row.
   */
  private void checkHistoryMatchesCatalog(String schema, String when) throws SQLException {
    try (Connection c = connect(schema)) {
      if (!historyExists(c)) {
        for (Step s : steps) {
          if (s.applied() > 0) {
            assertThat(count(c, s.probe())).as("%s: %s without history", when, s.file()).isZero();
          }
        }
        return;
      }
      for (int v = 1; v <= steps.size(); v++) {
        Step s = steps.get(v - 1);
        long success =
            count(
                c,
                "SELECT COUNT(*) FROM godwit_schema_history WHERE version = '"
                    + v
                    + "' AND success");
        long any =
            count(c, "SELECT COUNT(*) FROM godwit_schema_history WHERE version = '" + v + "'");
        assertThat(any).as("%s: rows of V%d", when, v).isLessThanOrEqualTo(1);
        if (success == 1) {
          assertThat(count(c, s.probe()))
              .as("%s: objects of applied %s", when, s.file())
              .isEqualTo(s.applied());
        } else if (any == 0 && s.applied() > 0) {
          assertThat(count(c, s.probe()))
              .as("%s: objects of unrecorded %s", when, s.file())
              .isZero();
        }
      }
    }
  }

  /** Runs the CLI as a user would, doing what each run says, until migrate succeeds. */
  private void recover(String schema, Counts counts, String when) throws Exception {
    List<String> next = List.of("--json", "migrate");
    List<String> said = new ArrayList<>();
    for (int attempt = 0; attempt < 6; attempt++) {
      Run r = run(schema, next);
      counts.runs++;
      said.add(String.join(" ", next) + " -> " + r.exit + ": " + r.err);
      if (r.exit == 0) {
        counts.recovered(
            next.contains("--resume")
                ? "migrate --resume after an interrupted statement"
                : attempt == 0 ? "migrate" : "migrate after a lock wait");
        return;
      }
      if (r.exit == 12) {
        JsonNode in = new ObjectMapper().readTree(r.out).get("error").get("interrupted");
        String outcome = in.get("outcome").asText();
        assertThat(outcome).as("%s: the catalog decides %s", when, in).isNotEqualTo("UNKNOWN");
        counts.recovered("catalog: " + outcome);
        next = List.of("--json", "migrate", "--resume");
        continue;
      }
      if (r.exit == 7) {
        next = List.of("--json", "migrate");
        continue;
      }
      throw new AssertionError(when + ": recovery failed:\n" + String.join("\n", said));
    }
    throw new AssertionError(when + ": no recovery after 6 runs:\n" + String.join("\n", said));
  }

  /** After recovery: everything applied once, objects all there, lock free, validate green. */
  private void checkComplete(String schema, String when) throws SQLException {
    try (Connection c = connect(schema)) {
      assertThat(count(c, "SELECT COUNT(*) FROM godwit_schema_history WHERE version IS NOT NULL"))
          .as("%s: history rows", when)
          .isEqualTo(steps.size());
      assertThat(
              count(
                  c,
                  "SELECT COUNT(DISTINCT version) FROM godwit_schema_history WHERE version IS NOT"
                      + " NULL AND success"))
          .as("%s: distinct successful versions", when)
          .isEqualTo(steps.size());
      for (Step s : steps) {
        assertThat(count(c, s.probe()))
            .as("%s: objects of %s", when, s.file())
            .isEqualTo(s.applied());
      }
      // The transactional data migrations ran exactly once.
      if (maria) {
        assertThat(count(c, "SELECT COUNT(*) FROM a")).as("%s: rows of a", when).isEqualTo(3);
        assertThat(count(c, "SELECT COUNT(*) FROM b")).as("%s: rows of b", when).isEqualTo(1);
        assertThat(count(c, "SELECT COUNT(*) FROM f")).as("%s: rows of f", when).isZero();
      } else {
        assertThat(count(c, "SELECT COUNT(*) FROM a")).as("%s: rows of a", when).isEqualTo(20000);
        assertThat(count(c, "SELECT COUNT(*) FROM b")).as("%s: rows of b", when).isEqualTo(2);
        assertThat(
                count(
                    c,
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema ="
                        + " current_schema() AND table_name = 'd'"))
            .as("%s: d dropped", when)
            .isZero();
      }
    }
    // No stale lock: a new runner takes it at once (no waiting allowed), and validate is green.
    Godwit godwit =
        Godwit.configure()
            .url(url, user, password)
            .schemas(schema)
            .locations("filesystem:" + dir.resolve("sql"))
            .lockWaitTimeout(0)
            .load();
    assertThat(godwit.repair().changes()).as("%s: repair finds nothing", when).isEmpty();
    assertThat(godwit.validate().valid()).as("%s: validate", when).isTrue();
  }

  private String schemaPrefix() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      String db = maria ? c.getCatalog() : "kill";
      return (db + "_k" + Long.toString(System.nanoTime() % 1_000_000, 36) + "_")
          .toLowerCase(Locale.ROOT);
    }
  }

  private void dropSchemas(List<String> schemas) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      for (String s : schemas) {
        st.execute(
            maria
                ? "DROP DATABASE IF EXISTS `" + s + "`"
                : "DROP SCHEMA IF EXISTS " + s + " CASCADE");
      }
    }
  }

  private Connection connect(String schema) throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    try (Statement st = c.createStatement()) {
      if (maria) {
        st.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "`");
        st.execute("USE `" + schema + "`");
      } else {
        st.execute("SET search_path TO " + schema);
      }
    }
    return c;
  }

  private static boolean historyExists(Connection c) throws SQLException {
    return count(
            c,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_name ="
                + " 'godwit_schema_history' AND table_schema = "
                + (c.getMetaData().getURL().startsWith("jdbc:postgresql:")
                    ? "current_schema()"
                    : "DATABASE()"))
        > 0;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * When, in milliseconds after its start, a full migrate's history table appears, when its first
   * migration is recorded, and when the run ends: to aim the kills (nothing is asserted on it).
   */
  private long[] window(String schema) throws Exception {
    connect(schema).close();
    long start = System.nanoTime();
    Process p = start(schema, "migrate");
    awaitHistoryTable(p, schema);
    long table = (System.nanoTime() - start) / 1_000_000;
    long first = -1;
    try (Connection c = connect(schema)) {
      while (p.isAlive() && first < 0) {
        if (count(c, "SELECT COUNT(*) FROM godwit_schema_history WHERE version IS NOT NULL") > 0) {
          first = (System.nanoTime() - start) / 1_000_000;
        }
        Thread.sleep(2);
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    long end = (System.nanoTime() - start) / 1_000_000;
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
    return new long[] {table, first < 0 ? table : first, end};
  }

  /** Waits until the history has {@code rows} rows of migrations (or the run has ended). */
  private void awaitHistoryRows(Process p, String schema, int rows) throws Exception {
    try (Connection c = connect(schema)) {
      while (p.isAlive()
          && (!historyExists(c)
              || count(c, "SELECT COUNT(*) FROM godwit_schema_history WHERE version IS NOT NULL")
                  < rows)) {
        Thread.sleep(2);
      }
    }
  }

  /** Waits until the run has made its history table (or has ended). */
  private void awaitHistoryTable(Process p, String schema) throws Exception {
    try (Connection c = connect(schema)) {
      while (p.isAlive() && !historyExists(c)) {
        Thread.sleep(2);
      }
    }
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String schema, List<String> command) throws Exception {
    Process p = start(schema, command.toArray(String[]::new));
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not finish: " + command);
    }
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Process start(String schema, String... command) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    if (cds != null) {
      cmd.add("-XX:SharedArchiveFile=" + cds);
      cmd.add("-Xshare:auto");
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(
        List.of(
            "--url",
            url,
            "--user",
            user,
            "--password",
            password,
            "--schemas",
            schema,
            "--locations",
            "filesystem:" + dir.resolve("sql")));
    cmd.addAll(List.of(command));
    return new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }

  /**
   * A class data sharing archive of the CLI's classes, made by one run on an in-memory database, so
   * that each of the suite's runs starts faster; null when the JVM cannot make one.
   */
  private Path classDataArchive() throws Exception {
    Path jsa = dir.resolve("kill-suite.jsa");
    Path h2 = Files.createDirectories(dir.resolve("cds-sql"));
    Files.writeString(h2.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
    Process p =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + jsa,
                "-jar",
                JAR.toString(),
                "--url",
                "jdbc:h2:mem:cds",
                "--locations",
                "filesystem:" + h2,
                "migrate")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("cds.txt").toFile())
            .start();
    return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(jsa) ? jsa : null;
  }
}
