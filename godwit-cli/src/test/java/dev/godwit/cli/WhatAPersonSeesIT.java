package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.BufferedWriter;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person runs it, as separate processes with the logging the launcher sets up
 * (issue 17, defects 9 and 10): a line per migration and a summary by default, a runner waiting for
 * another's lock says so and for whom, and a statement too large for the heap ends with a message
 * rather than an OutOfMemoryError.
 */
class WhatAPersonSeesIT {
  @TempDir Path dir;

  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();

  /** A finished or running CLI process and the files its output goes to. */
  private record Run(Process process, Path out, Path err) {
    Run waitFor() throws InterruptedException {
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
      return this;
    }

    int exit() {
      return process.exitValue();
    }

    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }
  }

  private Run start(List<String> jvm, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(args);
    String id = UUID.randomUUID().toString();
    Path out = dir.resolve("out-" + id + ".txt");
    Path err = dir.resolve("err-" + id + ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    return new Run(pb.start(), out, err);
  }

  @Test
  void defaultOutputIsALinePerMigrationAndASummaryAndVerboseAddsTheDetails() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    Files.writeString(sql.resolve("V2__b.sql"), "CREATE TABLE b (id INT);\n");
    Files.writeString(sql.resolve("V3__c.sql"), "INSERT INTO a VALUES (1);\n");
    String url = "jdbc:h2:file:" + dir.resolve("db/h2");
    List<String> common = List.of("--url", url, "--user", "sa", "--locations", "filesystem:" + sql);

    List<String> args = new ArrayList<>(common);
    args.add("--target");
    args.add("2");
    args.add("migrate");
    Run plain = start(List.of(), args).waitFor();
    assertThat(plain.exit()).as(plain.stderr()).isZero();
    assertThat(plain.stdout().lines().toList())
        .hasSize(3)
        .first()
        .asString()
        .startsWith("Applied 2 migrations in ");
    // H2 commits DDL by itself: a detail, not news, on every migration.
    assertThat(plain.stderr()).doesNotContain("runs without a transaction").isEmpty();

    List<String> verboseArgs = new ArrayList<>(common);
    verboseArgs.add("--verbose");
    verboseArgs.add("migrate");
    Files.writeString(sql.resolve("V4__d.sql"), "CREATE TABLE d (id INT);\n");
    Run verbose = start(List.of(), verboseArgs).waitFor();
    assertThat(verbose.exit()).as(verbose.stderr()).isZero();
    assertThat(verbose.stderr()).contains("V4__d.sql runs without a transaction");
    assertThat(verbose.stdout()).startsWith("Applied 2 migrations in ").contains("| Versioned");
  }

  @Test
  void aRunnerWaitingForPostgresLockSaysForWhom() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    waitsForAnotherRunner(
        url,
        pg.user(),
        pg.password(),
        "SELECT pg_sleep(6);\n",
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database ="
            + " (SELECT oid FROM pg_database WHERE datname = current_database())",
        "application 'godwit'");
  }

  @Test
  void aRunnerWaitingForMariaDbLockSaysForWhom() throws Exception {
    Optional<MariaDbServer> maria = MariaDbServer.find();
    if (maria.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      System.out.println("SKIPPED: " + MariaDbServer.unavailableReason());
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = maria.get();
    String url = m.createDatabase();
    waitsForAnotherRunner(
        url,
        m.user(),
        m.password(),
        "DO SLEEP(6);\n",
        "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
            + " AND INFO LIKE 'DO SLEEP%'",
        "user '" + m.user() + "'");
  }

  private void waitsForAnotherRunner(
      String url, String user, String password, String slow, String busy, String holder)
      throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__slow.sql"), slow);
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--url", url, "--user", user));
    if (password != null && !password.isEmpty()) {
      args.addAll(List.of("--password", password));
    }
    args.addAll(List.of("--locations", "filesystem:" + sql, "--lock-wait-timeout", "60"));
    args.add("migrate");
    Run first = start(List.of(), args);
    // The second runner starts once the first holds the lock and sleeps in V1.
    boolean held = false;
    for (int i = 0; i < 150 && !held && first.process().isAlive(); i++) {
      try (Connection c = DriverManager.getConnection(url, user, password);
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(busy)) {
        held = rs.next() && rs.getInt(1) > 0;
      }
      if (!held) {
        Thread.sleep(100);
      }
    }
    assertThat(held).as("the first runner got under way: %s", first.stderr()).isTrue();
    Run second = start(List.of(), args).waitFor();
    first.waitFor();
    assertThat(first.exit()).as(first.stderr()).isZero();
    assertThat(second.exit()).as(second.stderr()).isZero();
    String err = second.stderr();
    assertThat(err)
        .contains("Waiting for the migration lock on ")
        .contains("another runner holds it (")
        .contains(holder)
        .contains("Waiting up to 60 s (lockWaitTimeout)")
        .contains("Took the migration lock on ");
    assertThat(err.indexOf("Waiting for the migration lock"))
        .isLessThan(err.indexOf("Took the migration lock"));
    assertThat(second.stdout()).contains("Nothing to migrate");
  }

  @Test
  void aFiftyMegabyteStatementUnderA128MegabyteHeapEndsWithAClearMessage() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__table.sql"), "CREATE TABLE big (id INT, v TEXT);\n");
    long size = 0;
    try (BufferedWriter w =
        Files.newBufferedWriter(sql.resolve("V2__huge.sql"), StandardCharsets.UTF_8)) {
      w.write("INSERT INTO big VALUES ");
      for (int i = 0; size < 50L * 1024 * 1024; i++) {
        String row = (i == 0 ? "" : ",") + "(" + i + ",'abcdefghijklmnopqrstuvwxyz0123456789')";
        w.write(row);
        size += row.length();
      }
      w.write(";\n");
    }
    List<String> args = new ArrayList<>(List.of("--url", url, "--user", pg.user()));
    if (pg.password() != null && !pg.password().isEmpty()) {
      args.addAll(List.of("--password", pg.password()));
    }
    args.addAll(List.of("--locations", "filesystem:" + sql, "migrate"));
    Run run = start(List.of("-Xmx128m"), args).waitFor();
    String err = run.stderr();
    assertThat(err).doesNotContain("Exception in thread").doesNotContain("\tat ");
    assertThat(run.exit()).as(err).isEqualTo(6);
    assertThat(err)
        .contains("V2__huge.sql:1: statement 1 (more than ")
        .contains(" MB; the file is 50.0 MB) does not fit in the memory the JVM may use (")
        .contains("GODWIT_JAVA_OPTS=-Xmx512m");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT string_agg(version, ',') FROM godwit_schema_history")) {
      rs.next();
      assertThat(rs.getString(1)).as("V1 applied, nothing of V2").isEqualTo("1");
    }
  }
}
