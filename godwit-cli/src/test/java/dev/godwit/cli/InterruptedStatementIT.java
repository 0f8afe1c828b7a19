package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner halted (as kill -9 halts it) inside a migration without a transaction, at the exact
 * points a timed kill hits only by luck: after statement 1 committed and before its completion was
 * recorded, or after its intent was recorded and before it ran. The next run names the statement
 * whose outcome is unknown, says what the catalog shows, and {@code migrate --resume} continues
 * from the right statement.
 */
class InterruptedStatementIT {
  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();

  @TempDir Path dir;

  private String url;
  private String user;
  private String password;

  private void mariaDb() {
    Optional<MariaDbServer> maria = MariaDbServer.find();
    if (maria.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + MariaDbServer.unavailableReason());
      }
      Assumptions.assumeTrue(false, MariaDbServer.unavailableReason());
    }
    MariaDbServer m = maria.get();
    url = m.createDatabase();
    user = m.user();
    password = m.password();
  }

  private void postgres() {
    PostgresServer pg = PostgresServers.newest();
    url = pg.createDatabase();
    user = pg.user();
    password = pg.password();
  }

  private void twoStatements() throws IOException {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V28__first.sql"), "CREATE TABLE t28 (id INT);\n");
    Files.writeString(
        sql.resolve("V29__two.sql"),
        "CREATE TABLE t29 (id INT);\nALTER TABLE t29 ADD COLUMN note VARCHAR(20);\n");
    Files.writeString(sql.resolve("V29__two.sql.conf"), "executeInTransaction=false\n");
  }

  @Test
  void mariaDbStatementAppliedBeforeItsCompletionWasRecorded() throws Exception {
    mariaDb();
    twoStatements();
    appliedBeforeRecorded();
  }

  @Test
  void postgresStatementAppliedBeforeItsCompletionWasRecorded() throws Exception {
    postgres();
    twoStatements();
    appliedBeforeRecorded();
  }

  private void appliedBeforeRecorded() throws Exception {
    Run killed = cli("-Dgodwit.test.halt=after:V29__two.sql:1", "migrate");
    assertThat(killed.exit).as(killed.err).isEqualTo(137);
    assertThat(tableExists("t29")).isTrue();

    Run next = cli(null, "--json", "migrate");
    assertThat(next.exit).as(next.err).isEqualTo(12);
    assertThat(next.err)
        .contains("V29, statement 1 of 2 `CREATE TABLE t29 (id INT)` was interrupted: it may have")
        .contains("table t29 is present")
        .contains("migrate --resume")
        .contains("repair --mark-applied 29")
        .doesNotContain("0 of 2");
    JsonNode in = new ObjectMapper().readTree(next.out).get("error").get("interrupted");
    assertThat(in.get("version").asText()).isEqualTo("29");
    assertThat(in.get("statement").asInt()).isEqualTo(1);
    assertThat(in.get("statements").asInt()).isEqualTo(2);
    assertThat(in.get("line").asInt()).isEqualTo(1);
    assertThat(in.get("outcome").asText()).isEqualTo("APPLIED");

    Run info = cli(null, "info");
    assertThat(info.out).contains("statement 1 of 2 interrupted");

    Run resumed = cli(null, "migrate", "--resume");
    assertThat(resumed.exit).as(resumed.err).isZero();
    assertThat(columnExists("t29", "note")).isTrue();
    assertThat(count("SELECT COUNT(*) FROM godwit_schema_history WHERE version = '29' AND success"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM godwit_schema_history")).isEqualTo(2);
    assertThat(cli(null, "validate").exit).isZero();
  }

  @Test
  void mariaDbStatementNotYetRunIsRunAgain() throws Exception {
    mariaDb();
    twoStatements();
    Run killed = cli("-Dgodwit.test.halt=started:V29__two.sql:2", "migrate");
    assertThat(killed.exit).as(killed.err).isEqualTo(137);
    assertThat(columnExists("t29", "note")).isFalse();

    Run next = cli(null, "migrate");
    assertThat(next.exit).as(next.err).isEqualTo(12);
    assertThat(next.err)
        .contains("V29, statement 2 of 2 `ALTER TABLE t29 ADD COLUMN note VARCHAR(20)` was")
        .contains("column t29.note is absent");

    Run resumed = cli(null, "migrate", "--resume");
    assertThat(resumed.exit).as(resumed.err).isZero();
    assertThat(columnExists("t29", "note")).isTrue();
    assertThat(cli(null, "validate").exit).isZero();
  }

  @Test
  void mariaDbKilledBetweenStatementsIsContinuedByPlainMigrate() throws Exception {
    mariaDb();
    twoStatements();
    // After statement 1 and its record, before statement 2's intent: nothing is in doubt.
    Run killed = cli("-Dgodwit.test.halt=before:V29__two.sql:2", "migrate");
    assertThat(killed.exit).isEqualTo(137);
    Run next = cli(null, "migrate");
    assertThat(next.exit).as(next.err).isZero();
    assertThat(columnExists("t29", "note")).isTrue();
    assertThat(count("SELECT COUNT(*) FROM godwit_schema_history WHERE success")).isEqualTo(2);
  }

  @Test
  void mariaDbStatementTheCatalogCannotJudgeIsLeftToTheUser() throws Exception {
    mariaDb();
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__mixed.sql"),
        "CREATE TABLE u (id INT);\nINSERT INTO u VALUES (1);\nCREATE TABLE w (id INT);\n");
    Run killed = cli("-Dgodwit.test.halt=after:V1__mixed.sql:2", "migrate");
    assertThat(killed.exit).isEqualTo(137);

    Run resume = cli(null, "migrate", "--resume");
    assertThat(resume.exit).as(resume.err).isEqualTo(12);
    assertThat(resume.err)
        .contains("V1, statement 2 of 3 `INSERT INTO u VALUES (1)` was interrupted")
        .contains("cannot tell")
        .contains("repair --mark-applied 1");
    // The operator sees the row and completes the rest by hand.
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE w (id INT)");
    }
    assertThat(cli(null, "repair", "--mark-applied", "1").exit).isZero();
    assertThat(cli(null, "validate").exit).isZero();
    assertThat(count("SELECT COUNT(*) FROM u")).isEqualTo(1);
  }

  @Test
  void postgresConcurrentIndexBuildInterruptedIsBuiltAgain() throws Exception {
    postgres();
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (a INT, b INT);\n");
    Files.writeString(
        sql.resolve("V2__idx.sql"),
        "CREATE INDEX CONCURRENTLY t_a ON t (a);\nCREATE INDEX CONCURRENTLY t_b ON t (b);\n");
    Run killed = cli("-Dgodwit.test.halt=started:V2__idx.sql:2", "migrate");
    assertThat(killed.exit).isEqualTo(137);
    Run next = cli(null, "migrate");
    assertThat(next.exit).isEqualTo(12);
    assertThat(next.err).contains("index t_b is absent").contains("runs it again");
    assertThat(cli(null, "migrate", "--resume").exit).isZero();
    assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 't'")).isEqualTo(2);
    assertThat(cli(null, "validate").exit).isZero();
  }

  private boolean tableExists(String table) throws SQLException {
    return count(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                + here()
                + " AND table_name = '"
                + table
                + "'")
        > 0;
  }

  private boolean columnExists(String table, String column) throws SQLException {
    return count(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                + here()
                + " AND table_name = '"
                + table
                + "' AND column_name = '"
                + column
                + "'")
        > 0;
  }

  /** This test's schema: each test has a database of its own on a shared server. */
  private String here() {
    return url.startsWith("jdbc:postgresql:") ? "current_schema()" : "DATABASE()";
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private record Run(int exit, String out, String err) {}

  private Run cli(String property, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    if (property != null) {
      cmd.add(property);
    }
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
            "--locations",
            "filesystem:" + dir.resolve("sql")));
    cmd.addAll(List.of(command));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not finish: " + cmd);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
