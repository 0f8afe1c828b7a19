package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as separate processes, as users and deploy jobs run it. */
class ProcessesIT {
  @TempDir Path dir;

  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();

  private static Process start(Path workDir, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.redirectOutput(workDir.resolve("out-" + System.nanoTime() + ".txt").toFile());
    pb.redirectError(workDir.resolve("err-" + System.nanoTime() + ".txt").toFile());
    return pb.start();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void eightProcessesMigrateOnePostgresDatabaseAndEveryMigrationRunsExactlyOnce() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    eightProcesses(pg.createDatabase(), pg.user(), pg.password());
  }

  @Test
  void eightProcessesMigrateOneMariaDbDatabaseAndEveryMigrationRunsExactlyOnce() throws Exception {
    Optional<MariaDbServer> maria = MariaDbServer.find();
    if (maria.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      System.out.println("SKIPPED: " + MariaDbServer.unavailableReason());
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = maria.get();
    eightProcesses(m.createDatabase(), m.user(), m.password());
  }

  private void eightProcesses(String url, String user, String password) throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    for (int i = 1; i <= 200; i++) {
      Files.writeString(
          sql.resolve("V" + i + "__step_" + i + ".sql"),
          "CREATE TABLE t"
              + i
              + " (id INT PRIMARY KEY, v TEXT);\nINSERT INTO t"
              + i
              + " VALUES (1, 'x');\n");
    }
    List<Path> workDirs = new ArrayList<>();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      Path work = Files.createDirectories(dir.resolve("runner" + p));
      workDirs.add(work);
      processes.add(
          start(
              work,
              List.of(
                  "--url",
                  url,
                  "--user",
                  user,
                  "--password",
                  password,
                  "--locations",
                  "filesystem:" + sql,
                  "--lock-wait-timeout",
                  "120",
                  "--json",
                  "migrate")));
    }
    int totalApplied = 0;
    int nothingToDo = 0;
    for (int p = 0; p < 8; p++) {
      Process proc = processes.get(p);
      assertThat(proc.waitFor(180, TimeUnit.SECONDS)).isTrue();
      Path work = workDirs.get(p);
      String out = "";
      String err = "";
      for (Path f : Files.list(work).toList()) {
        if (f.getFileName().toString().startsWith("out-")) {
          out = read(f);
        } else if (f.getFileName().toString().startsWith("err-")) {
          err = read(f);
        }
      }
      assertThat(proc.exitValue()).as("runner %d stderr: %s", p, err).isZero();
      int applied = CliRunJson.intField(out, "migrationsApplied");
      totalApplied += applied;
      if (applied == 0) {
        nothingToDo++;
      }
    }
    assertThat(totalApplied).isEqualTo(200);
    assertThat(nothingToDo).isEqualTo(7);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), count(DISTINCT version), min(CASE WHEN success THEN 1 ELSE 0"
                    + " END) FROM godwit_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(200);
      assertThat(rs.getInt(2)).isEqualTo(200);
      assertThat(rs.getInt(3)).isEqualTo(1);
    }
  }

  @Test
  void aFailingV5LeavesV1ToV4AppliedAndNothingOfV5() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    Path sql = Files.createDirectories(dir.resolve("sql"));
    for (int i = 1; i <= 4; i++) {
      Files.writeString(
          sql.resolve("V" + i + "__t" + i + ".sql"), "CREATE TABLE t" + i + " (id INT);\n");
    }
    Files.writeString(
        sql.resolve("V5__orders.sql"),
        "CREATE TABLE orders (id INT);\n\nINSERT INTO orders VALUES (1);\nINSERT INTO orders VALUES ('not a number');\n");
    Process p =
        start(
            dir,
            List.of(
                "--url",
                url,
                "--user",
                pg.user(),
                "--password",
                pg.password(),
                "--locations",
                "filesystem:" + sql,
                "migrate"));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = "";
    for (Path f : Files.list(dir).toList()) {
      if (f.getFileName().toString().startsWith("err-")) {
        err = read(f);
      }
    }
    assertThat(p.exitValue()).isEqualTo(6);
    assertThat(err).contains("V5__orders.sql").contains("line 4").contains("SQLSTATE 22P02");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement()) {
      ResultSet rs =
          st.executeQuery(
              "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM godwit_schema_history");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("1,2,3,4");
      rs = st.executeQuery("SELECT to_regclass('orders') IS NULL");
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
    }
  }

  @Test
  void aKilledRunnerLeavesNoStaleLock() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    Path sql = Files.createDirectories(dir.resolve("sql"));
    // The killed runner's backend keeps sleeping until PostgreSQL notices the client is gone, so
    // the first version touches no table the second one creates.
    Files.writeString(sql.resolve("V1__slow.sql"), "SELECT pg_sleep(60);\n");
    List<String> args =
        List.of(
            "--url",
            url,
            "--user",
            pg.user(),
            "--password",
            pg.password(),
            "--locations",
            "filesystem:" + sql,
            "--lock-wait-timeout",
            "20",
            "--json",
            "migrate");
    Path first = Files.createDirectories(dir.resolve("first"));
    Process killed = start(first, args);
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement()) {
      boolean locked = false;
      for (int i = 0; i < 300 && !locked; i++) {
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted");
        rs.next();
        locked = rs.getInt(1) > 0;
        if (!locked) {
          Thread.sleep(100);
        }
      }
      assertThat(locked).as("the first runner took the lock").isTrue();
    }
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Files.writeString(sql.resolve("V1__slow.sql"), "CREATE TABLE quick (id INT);\n");
    Path second = Files.createDirectories(dir.resolve("second"));
    Process next = start(second, args);
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = "";
    for (Path f : Files.list(second).toList()) {
      if (f.getFileName().toString().startsWith("out-")) {
        out = read(f);
      }
    }
    assertThat(next.exitValue()).as(out).isZero();
    assertThat(CliRunJson.intField(out, "migrationsApplied")).isEqualTo(1);
  }

  @Test
  void theLauncherStartsTheBuiltCliAtOnce() throws Exception {
    Path launcher = Paths.get("..", "godwit").toAbsolutePath().normalize();
    Process p =
        new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("godwit ").doesNotContain("building");
  }

  @Test
  void theLauncherMakesAClassDataSharingArchiveTheJvmAccepts() throws Exception {
    Path launcher = Paths.get("..", "godwit").toAbsolutePath().normalize();
    Path jsa = JAR.resolveSibling("godwit.jsa");
    Files.deleteIfExists(jsa);
    for (int run = 0; run < 2; run++) {
      Process p =
          new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isZero();
      // A stale or broken archive makes the JVM print "[warning][cds...]" on every start.
      assertThat(out).as("run %d", run).startsWith("godwit ").doesNotContain("warning");
      assertThat(jsa).as("archive after run %d", run).isRegularFile();
    }
    // The JVM really maps it: with -Xshare:on it refuses to start when it cannot.
    Process strict =
        new ProcessBuilder(
                "java",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + jsa,
                "-jar",
                JAR.toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    assertThat(strict.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(strict.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(strict.exitValue()).as(out).isZero();
  }
}
