package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batched backfill killed with SIGKILL at random points, several times, and continued by a plain
 * {@code migrate} each time: the non-idempotent {@code SET n = n + 1} leaves every one of 200,000
 * rows at exactly 1, so no row was changed twice and none skipped.
 */
class BackfillKillIT {
  private static final int ROWS = 200_000;
  private static final int KILLS = 3;
  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void postgres() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    killAndResume(pg.createDatabase(), pg.user(), pg.password(), false);
  }

  @Test
  void mariaDb() throws Exception {
    Optional<MariaDbServer> maria = MariaDbServer.find();
    if (maria.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = maria.get();
    killAndResume(m.createDatabase(), m.user(), m.password(), true);
  }

  private void killAndResume(String url, String user, String password, boolean maria)
      throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__counters.sql"),
        "CREATE TABLE counters (id INT PRIMARY KEY, n INT NOT NULL);\n");
    Files.writeString(
        sql.resolve("V2__backfill.sql"),
        "-- godwit:batch rows=4000\nUPDATE counters SET n = n + 1;\n");
    Files.writeString(sql.resolve("V2__backfill.sql.conf"), "executeInTransaction=false\n");
    List<String> args =
        List.of(
            "--url",
            url,
            "--user",
            user,
            "--password",
            password,
            "--locations",
            "filesystem:" + sql);
    List<String> v1 = new ArrayList<>(args);
    v1.addAll(List.of("--target", "1", "migrate"));
    assertThat(run(v1).waitFor(120, TimeUnit.SECONDS)).isTrue();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute(
          maria
              ? "INSERT INTO counters SELECT seq, 0 FROM seq_1_to_" + ROWS
              : "INSERT INTO counters SELECT g, 0 FROM generate_series(1, " + ROWS + ") g");
    }

    // Kill points spread over the rows, at random.
    Random random = new Random();
    TreeSet<Integer> points = new TreeSet<>();
    while (points.size() < KILLS) {
      points.add(5_000 + random.nextInt(ROWS - 20_000));
    }
    List<String> migrate = new ArrayList<>(args);
    migrate.add("migrate");
    List<Long> killedAt = new ArrayList<>();
    try (Connection watcher = DriverManager.getConnection(url, user, password)) {
      for (int point : points) {
        Process p = run(migrate);
        while (p.isAlive()) {
          if (rowsDone(watcher) >= point) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the runner
            break;
          }
          Thread.sleep(5);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the runner was killed, it did not finish").isNotZero();
        killedAt.add(rowsDone(watcher));
      }
    }
    // Each kill landed inside the backfill, each later than the one before.
    assertThat(killedAt).isSorted().allMatch(n -> n > 0 && n < ROWS);
    assertThat(count(url, user, password, "SELECT COUNT(*) FROM counters WHERE n = 1"))
        .isEqualTo(killedAt.get(killedAt.size() - 1));

    Process last = run(migrate);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(count(url, user, password, "SELECT COUNT(*) FROM counters WHERE n = 1"))
        .isEqualTo(ROWS);
    assertThat(count(url, user, password, "SELECT COUNT(*) FROM counters WHERE n <> 1")).isZero();
    assertThat(
            count(
                url,
                user,
                password,
                "SELECT COUNT(*) FROM godwit_schema_history WHERE version = '2' AND success"))
        .isEqualTo(1);
  }

  /** Rows the committed batches changed, as the progress table says; 0 before it exists. */
  private static long rowsDone(Connection c) {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COALESCE(MAX(batch_rows), 0) FROM godwit_schema_history_progress WHERE"
                    + " version = '2'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0; // the progress table is not there yet
    }
  }

  private static long count(String url, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Process run(List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.redirectOutput(dir.resolve("out-" + System.nanoTime() + ".txt").toFile());
    pb.redirectError(dir.resolve("err-" + System.nanoTime() + ".txt").toFile());
    return pb.start();
  }
}
