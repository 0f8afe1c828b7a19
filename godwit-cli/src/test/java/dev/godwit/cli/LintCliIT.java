package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code godwit lint}, and migrate refusing unsafe migrations in production. */
class LintCliIT {
  @TempDir Path dir;
  private Path sql;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void files() throws IOException {
    sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__users.sql"),
        "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n");
    Files.writeString(
        sql.resolve("V2__rename.sql"),
        "-- Rename for clarity.\nALTER TABLE users RENAME COLUMN name TO full_name;\n"
            + "CREATE INDEX users_email_idx ON users (email);\n");
  }

  private CliRun godwit(String... args) {
    return CliRun.run(env, args);
  }

  @Test
  void findsARenameAsAnErrorWithFileLineAndRecipe() throws Exception {
    CliRun text =
        godwit(
            "lint",
            "--dialect",
            "pg",
            "--locations",
            "filesystem:" + sql,
            sql.resolve("V2__rename.sql").toString());
    assertThat(text.exit()).isEqualTo(8);
    assertThat(text.out())
        .contains("V2__rename.sql:2:1: error [rename-column]")
        .contains("Safe recipe");

    CliRun json =
        godwit(
            "lint",
            "--dialect",
            "pg",
            "--json",
            "--locations",
            "filesystem:" + sql,
            sql.toString());
    JsonNode findings = json.json().get("findings");
    assertThat(findings).hasSize(2);
    JsonNode first = findings.get(0);
    assertThat(first.get("rule").asText()).isEqualTo("rename-column");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("file").asText()).endsWith("V2__rename.sql");
    assertThat(first.get("line").asInt()).isEqualTo(2);
    assertThat(first.get("message").asText()).contains("breaks the application version");

    CliRun warnOnly =
        godwit(
            "lint",
            "--dialect",
            "pg",
            "--fail-on",
            "error",
            "--disable",
            "rename-column",
            sql.toString());
    assertThat(warnOnly.exit()).isZero();
    assertThat(
            godwit(
                    "lint",
                    "--dialect",
                    "pg",
                    "--fail-on",
                    "warn",
                    "--disable",
                    "rename-column",
                    sql.toString())
                .exit())
        .isEqualTo(8);
  }

  @Test
  void sarifIsVersion210WithOneResultPerFinding() throws Exception {
    CliRun sarif = godwit("lint", "--dialect", "pg", "--sarif", sql.toString());
    JsonNode doc = new ObjectMapper().readTree(sarif.out());
    assertThat(doc.get("version").asText()).isEqualTo("2.1.0");
    JsonNode results = doc.get("runs").get(0).get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("ruleId").asText()).isEqualTo("rename-column");
  }

  @Test
  void theLintTableOfGodwitTomlAndSuppressionsApply() throws Exception {
    Path cfg = dir.resolve("godwit.toml");
    Files.writeString(
        cfg,
        "url = \"jdbc:postgresql://127.0.0.1:1/none\"\nlocations = [\"filesystem:"
            + sql
            + "\"]\n[lint]\ndisable = [\"create-index-non-concurrently\"]\n"
            + "severity = { rename-column = \"warn\" }\n");
    CliRun run = godwit("--config", cfg.toString(), "lint", "--all", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode findings = run.json().get("findings");
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).get("severity").asText()).isEqualTo("warn");

    Files.writeString(
        sql.resolve("V2__rename.sql"),
        "-- godwit:allow rename-column every reader uses the users_v view\n"
            + "ALTER TABLE users RENAME COLUMN name TO full_name;\n");
    CliRun suppressed = godwit("lint", "--dialect", "pg", "--json", sql.toString());
    assertThat(suppressed.exit()).isZero();
    assertThat(suppressed.json().get("findings").get(0).get("suppressed").asBoolean()).isTrue();

    Files.writeString(cfg, "[lint]\ndisabel = []\n");
    CliRun typo = godwit("--config", cfg.toString(), "lint", "--dialect", "pg", sql.toString());
    assertThat(typo.exit()).isEqualTo(3);
    assertThat(typo.err()).contains("lint.disabel").contains("did you mean 'disable'");
  }

  @Test
  void productionMigrateStopsBeforeAnythingRunsAndElsewhereWarns() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String prodUrl = pg.createDatabase();
    Path cfg = dir.resolve("godwit.toml");
    Files.writeString(
        cfg,
        "user = \""
            + pg.user()
            + "\"\nlocations = [\"filesystem:"
            + sql
            + "\"]\n"
            + "[environments.prod]\nurl = \""
            + prodUrl
            + "\"\nproduction = true\n"
            + "[environments.dev]\nurl = \""
            + pg.createDatabase()
            + "\"\n");
    CliRun prod = godwit("--config", cfg.toString(), "--env", "prod", "migrate");
    assertThat(prod.exit()).isEqualTo(8);
    assertThat(prod.err()).contains("stopped before running anything").contains("rename-column");
    try (Connection c = DriverManager.getConnection(prodUrl, pg.user(), pg.password());
        ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('users') IS NULL")) {
      rs.next();
      assertThat(rs.getBoolean(1)).as("nothing ran").isTrue();
    }
    CliRun dev = godwit("--config", cfg.toString(), "--env", "dev", "migrate");
    assertThat(dev.exit()).as(dev.err()).isZero();
    assertThat(dev.err()).contains("WARNING: ERROR rename-column");
  }
}
