package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lockTimeout, lockRetries and statementTimeout on the command line: settings, plan, exit 10. */
class LockTimeoutCliIT {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private Path migrations() throws IOException {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(sql.resolve("V2__c.sql"), "ALTER TABLE t ADD COLUMN c INT;\n");
    return sql;
  }

  private String h2() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  @Test
  void planShowsEachMigrationsLockPolicyAsTextAndJson() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    Path sql = migrations();
    Files.writeString(sql.resolve("V2__c.sql.conf"), "lockTimeout=2s\nlockRetries=3\n");
    String[] common = {
      "--url",
      pg.createDatabase(),
      "--user",
      pg.user(),
      "--password",
      pg.password(),
      "--locations",
      sql.toString()
    };
    CliRun json = CliRun.run(env, concat(common, "plan", "--json", "--statement-timeout", "1m"));
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode first = json.json().get("migrations").get(0).get("lockPolicy");
    assertThat(first.get("lockTimeoutMs").asLong()).isEqualTo(500);
    assertThat(first.get("lockRetries").asInt()).isEqualTo(30);
    assertThat(first.get("retryUnit").asText()).isEqualTo("migration");
    assertThat(first.get("statementTimeoutMs").asLong()).isEqualTo(60_000);
    assertThat(first.get("source").asText()).isEqualTo("settings");
    assertThat(first.get("sql").get(0).asText()).isEqualTo("SET LOCAL lock_timeout = '500ms'");
    assertThat(first.get("sql").get(1).asText())
        .isEqualTo("SET LOCAL statement_timeout = '60000ms'");
    JsonNode second = json.json().get("migrations").get(1).get("lockPolicy");
    assertThat(second.get("lockTimeoutMs").asLong()).isEqualTo(2000);
    assertThat(second.get("lockRetries").asInt()).isEqualTo(3);
    assertThat(second.get("source").asText()).endsWith("V2__c.sql.conf");

    CliRun text = CliRun.run(env, concat(common, "plan"));
    assertThat(text.out())
        .contains(
            "  lock policy: lock_timeout 500ms, up to 30 retries of the whole migration (pauses"
                + " 500ms doubling to 5s, each pause scaled by a random 50-100%), statement_timeout"
                + " off [settings]\n    runs first: SET LOCAL lock_timeout = '500ms'")
        .contains("lock policy: lock_timeout 2s, up to 3 retries");

    // H2 has no lock timeout Godwit could set: plan says so, and nothing runs first.
    CliRun h2 = CliRun.run(env, "--url", h2(), "--locations", sql.toString(), "plan", "--json");
    JsonNode none = h2.json().get("migrations").get(0).get("lockPolicy");
    assertThat(none.get("sql")).isEmpty();
    assertThat(none.get("lockRetries").asInt()).isZero();
    assertThat(none.get("source").asText()).isEqualTo("not applied: H2 has no lock timeout");
  }

  @Test
  void badDurationsAreConfigurationErrorsNamingTheSetting() throws IOException {
    Path sql = migrations();
    String[] common = {"--url", h2(), "--user", "sa", "--locations", sql.toString()};
    CliRun flag = CliRun.run(env, concat(common, "plan", "--lock-timeout", "500"));
    assertThat(flag.exit()).isEqualTo(3);
    assertThat(flag.err()).contains("'lockTimeout' needs a unit: 500ms or 500s");
    Path toml = dir.resolve("godwit.toml");
    Files.writeString(toml, "url = \"" + h2() + "\"\nlockTimeout = 2\n");
    CliRun file = CliRun.run(env, "--config", toml.toString(), "plan");
    assertThat(file.exit()).isEqualTo(3);
    assertThat(file.err()).contains("godwit.toml:2:").contains("'lockTimeout' must be a duration");
    env.put("GODWIT_LOCK_TIMEOUT", "2s");
    env.put("GODWIT_LOCK_RETRIES", "-1");
    CliRun retries = CliRun.run(env, concat(common, "plan"));
    assertThat(retries.exit()).isEqualTo(3);
    assertThat(retries.err())
        .contains("'lockRetries' must be a whole number of retries, 0 or more, not '-1'");
  }

  @Test
  void retriesRunningOutExitWithTenNamingTheBlocker() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    Path sql = migrations();
    String[] common = {
      "--url", url, "--user", pg.user(), "--password", pg.password(), "--locations", sql.toString()
    };
    assertThat(CliRun.run(env, concat(common, "migrate", "--target", "1")).exit()).isZero();
    Properties props = new Properties();
    props.setProperty("user", pg.user());
    props.setProperty("password", pg.password());
    props.setProperty("ApplicationName", "nightly-report");
    try (Connection blocker = DriverManager.getConnection(url, props);
        Statement st = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
      }
      CliRun run =
          CliRun.run(
              env,
              concat(
                  common, "migrate", "--json", "--lock-timeout", "200ms", "--lock-retries", "1"));
      assertThat(run.exit()).as(run.err()).isEqualTo(10);
      JsonNode error = run.json().get("error");
      assertThat(error.get("code").asText()).isEqualTo("STATEMENT_LOCK_TIMEOUT");
      assertThat(error.get("exitCode").asInt()).isEqualTo(10);
      assertThat(error.get("attempts").asInt()).isEqualTo(2);
      assertThat(error.get("line").asInt()).isEqualTo(1);
      assertThat(error.get("blockers").get(0).asText()).contains("application 'nightly-report'");
      assertThat(run.err())
          .contains("ERROR: Migration")
          .contains("gave up after 2 attempts")
          .contains("--lock-retries");
    }
    assertThat(CliRun.run(env, concat(common, "migrate")).exit()).isZero();
  }

  @Test
  void helpListsTheSettingsAndTheExitCode() {
    CliRun help = CliRun.run(env, "--help");
    assertThat(help.out())
        .contains("--lock-timeout <duration>")
        .contains("[500ms]")
        .contains("--lock-retries <integer>")
        .contains("--statement-timeout <duration>")
        .contains("10  a migration's statement did not get its table lock within lockTimeout");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
