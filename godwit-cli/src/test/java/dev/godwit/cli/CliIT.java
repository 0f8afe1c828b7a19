package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: outputs, JSON shapes, exit codes, configuration sources. */
class CliIT {
  @TempDir Path dir;
  private Path migrations;
  private String url;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void project() throws IOException {
    migrations = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(migrations.resolve("V1__create_t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(migrations.resolve("V2__fill_t.sql"), "INSERT INTO t VALUES (1);\n");
    Files.writeString(migrations.resolve("U2__fill_t.sql"), "DELETE FROM t;\n");
    Files.writeString(
        migrations.resolve("R__v.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM t;\n");
    url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  private Path config(String extra) throws IOException {
    Path file = dir.resolve("godwit.toml");
    Files.writeString(
        file,
        "url = \""
            + url
            + "\"\nuser = \"sa\"\nlocations = [\"filesystem:"
            + migrations
            + "\"]\n"
            + extra);
    return file;
  }

  private CliRun godwit(String... args) {
    return CliRun.run(env, args);
  }

  @Test
  void phasePreLeavesPostDeployMigrationsPendingAndSaysSo() throws IOException {
    Files.writeString(
        migrations.resolve("V3__drop_t.sql"), "-- godwit:phase post\nDROP TABLE t;\n");
    Files.writeString(migrations.resolve("V4__t2.sql"), "CREATE TABLE t2 (id INT);\n");
    Files.delete(migrations.resolve("R__v.sql"));
    Path cfg = config("");
    CliRun plan = godwit("--config", cfg.toString(), "plan", "--phase", "pre", "--json");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.json().get("command").asText()).isEqualTo("migrate --phase pre");
    assertThat(plan.json().get("migrations")).hasSize(3);

    CliRun pre = godwit("--config", cfg.toString(), "migrate", "--phase", "pre", "--json");
    assertThat(pre.exit()).as(pre.err()).isZero();
    assertThat(pre.json().get("migrationsApplied").asInt()).isEqualTo(3);
    CliRun info = godwit("--config", cfg.toString(), "info", "--json");
    JsonNode v3 = info.json().get("migrations").get(3);
    assertThat(v3.get("version").asText()).isEqualTo("3");
    assertThat(v3.get("phase").asText()).isEqualTo("post");
    assertThat(v3.get("waitsForPostDeploy").asBoolean()).isTrue();
    CliRun text = godwit("--config", cfg.toString(), "info");
    assertThat(text.out()).contains("Pending (waiting for the post-deploy phase)");

    CliRun post = godwit("--config", cfg.toString(), "migrate", "--phase", "post");
    assertThat(post.exit()).as(post.err()).isZero();
    assertThat(post.out()).contains("Applied 1 migration");

    CliRun bad = godwit("--config", cfg.toString(), "migrate", "--phase", "later");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--phase takes pre (before the new code is deployed) or post");
  }

  @Test
  void migrateThenInfoAsJsonHaveTheDocumentedShape() throws IOException {
    Path cfg = config("");
    CliRun migrate = godwit("--config", cfg.toString(), "migrate", "--json");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    JsonNode m = migrate.json();
    assertThat(m.get("migrationsApplied").asInt()).isEqualTo(3);
    assertThat(m.get("targetVersion").asText()).isEqualTo("2");
    assertThat(m.get("applied").get(0).get("script").asText()).isEqualTo("V1__create_t.sql");

    CliRun info = godwit("--config", cfg.toString(), "info", "--json");
    assertThat(info.exit()).isZero();
    JsonNode doc = info.json();
    assertThat(doc.get("currentVersion").asText()).isEqualTo("2");
    JsonNode first = doc.get("migrations").get(0);
    for (String field :
        new String[] {
          "version",
          "description",
          "type",
          "script",
          "state",
          "checksum",
          "installedOn",
          "executionTimeMs"
        }) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    assertThat(first.get("version").asText()).isEqualTo("1");
    assertThat(first.get("state").asText()).isEqualTo("SUCCESS");
    assertThat(first.get("checksum").isInt()).isTrue();
    JsonNode repeatable = doc.get("migrations").get(2);
    assertThat(repeatable.get("version").isNull()).isTrue();

    CliRun again = godwit("--config", cfg.toString(), "migrate");
    assertThat(again.exit()).isZero();
    // Nothing applied: one line, no table (a deploy's no-op run reads the history only once).
    assertThat(again.out()).contains("Nothing to migrate").doesNotContain("| Versioned");
  }

  @Test
  void planJsonListsStatementsWithLinesAndChangesNothing() throws IOException {
    Path cfg = config("");
    CliRun plan = godwit("--config", cfg.toString(), "plan", "--json");
    assertThat(plan.exit()).as(plan.err()).isZero();
    JsonNode first = plan.json().get("migrations").get(0);
    assertThat(first.get("version").asText()).isEqualTo("1");
    assertThat(first.get("script").asText()).isEqualTo("V1__create_t.sql");
    // H2 commits DDL by itself, so a DDL migration runs statement by statement there.
    assertThat(first.get("transactional").asBoolean()).isFalse();
    assertThat(plan.json().get("migrations").get(1).get("transactional").asBoolean()).isTrue();
    assertThat(first.get("statements").get(0).get("line").asInt()).isEqualTo(1);
    assertThat(first.get("statements").get(0).get("sql").asText())
        .isEqualTo("CREATE TABLE t (id INT)");
    CliRun info = godwit("--config", cfg.toString(), "info", "--json");
    assertThat(info.json().get("currentVersion").isNull()).isTrue();
  }

  @Test
  void exitCodesAreDistinctPerKindOfFailure() throws IOException {
    Path cfg = config("");
    assertThat(godwit("--config", cfg.toString(), "migrat").exit()).isEqualTo(2);
    assertThat(godwit("--config", cfg.toString(), "--no-such-flag", "info").exit()).isEqualTo(2);
    assertThat(godwit("--config", dir.resolve("missing.toml").toString(), "info").exit())
        .isEqualTo(3);
    assertThat(
            godwit(
                    "--url",
                    "jdbc:postgresql://127.0.0.1:1/x",
                    "--locations",
                    migrations.toString(),
                    "info")
                .exit())
        .isEqualTo(4);
    assertThat(godwit("--config", cfg.toString(), "migrate").exit()).isZero();
    Files.writeString(migrations.resolve("V2__fill_t.sql"), "INSERT INTO t VALUES (2);\n");
    CliRun validate = godwit("--config", cfg.toString(), "validate", "--json");
    assertThat(validate.exit()).isEqualTo(5);
    assertThat(validate.json().get("valid").asBoolean()).isFalse();
    assertThat(validate.json().get("issues").get(0).get("kind").asText())
        .isEqualTo("CHECKSUM_MISMATCH");
    CliRun migrate = godwit("--config", cfg.toString(), "migrate", "--json");
    assertThat(migrate.exit()).isEqualTo(5);
    assertThat(migrate.json().get("error").get("code").asText()).isEqualTo("VALIDATION");
    assertThat(godwit("--config", cfg.toString(), "repair").exit()).isZero();
    Files.writeString(migrations.resolve("V3__bad.sql"), "INSERT INTO nope VALUES (1);\n");
    CliRun failed = godwit("--config", cfg.toString(), "migrate");
    assertThat(failed.exit()).isEqualTo(6);
    assertThat(failed.err()).contains("V3__bad.sql").contains("line 1");
    assertThat(godwit("--config", cfg.toString(), "clean").exit()).isEqualTo(9);
  }

  @Test
  void flagsBeatEnvironmentVariablesWhichBeatTheFile() throws IOException {
    Path cfg = config("target = \"1\"\n");
    env.put("GODWIT_TARGET", "2");
    CliRun viaEnv = godwit("--config", cfg.toString(), "plan", "--json");
    assertThat(viaEnv.json().get("migrations")).hasSize(3);
    CliRun viaFlag = godwit("--config", cfg.toString(), "--target", "1", "plan", "--json");
    assertThat(viaFlag.json().get("migrations")).hasSize(2);
    env.remove("GODWIT_TARGET");
    CliRun viaFile = godwit("--config", cfg.toString(), "plan", "--json");
    assertThat(viaFile.json().get("migrations")).hasSize(2);
  }

  @Test
  void environmentsSelectSettingsAndSecretsComeFromVariables() throws IOException {
    String other = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Path cfg =
        config(
            "[environments.ci]\nurl = \""
                + other
                + "\"\npassword = \"${env.CI_DB_PASSWORD}\"\n"
                + "production = true\n");
    CliRun missing = godwit("--config", cfg.toString(), "--env", "ci", "info");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err()).contains("CI_DB_PASSWORD").contains("godwit.toml:6:");
    env.put("CI_DB_PASSWORD", "");
    assertThat(godwit("--config", cfg.toString(), "--env", "ci", "migrate").exit()).isZero();
    CliRun undo = godwit("--config", cfg.toString(), "--env", "ci", "undo");
    assertThat(undo.exit()).isEqualTo(9);
    assertThat(undo.err()).contains("production");
    assertThat(
            godwit("--config", cfg.toString(), "--env", "ci", "undo", "--allow-production").exit())
        .isZero();
    CliRun typo = godwit("--config", cfg.toString(), "--env", "cj", "info");
    assertThat(typo.err()).contains("did you mean 'ci'");
  }

  @Test
  void unknownSettingsAndTomlErrorsNameTheLine() throws IOException {
    Path cfg = config("lcoations = [\"x\"]\n");
    CliRun unknown = godwit("--config", cfg.toString(), "info");
    assertThat(unknown.exit()).isEqualTo(3);
    assertThat(unknown.err()).contains("godwit.toml:4:1").contains("did you mean 'locations'");
    Files.writeString(cfg, "url = \"jdbc:h2:mem:x\"\ntable = godwit\n");
    CliRun syntax = godwit("--config", cfg.toString(), "info");
    assertThat(syntax.exit()).isEqualTo(3);
    assertThat(syntax.err()).contains("godwit.toml:2:9");
    env.put("GODWIT_LOCATION", "x");
    CliRun badVariable = godwit("--url", url, "info");
    assertThat(badVariable.exit()).isEqualTo(3);
    assertThat(badVariable.err()).contains("GODWIT_LOCATIONS");
  }

  @Test
  void passwordsNeverAppearInOutput() throws IOException {
    CliRun run =
        godwit(
            "--url",
            "jdbc:postgresql://127.0.0.1:1/db?password=topsecret",
            "--password",
            "topsecret2",
            "--locations",
            migrations.toString(),
            "--json",
            "info");
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.out() + run.err()).doesNotContain("topsecret");
    assertThat(run.json().get("error").get("exitCode").asInt()).isEqualTo(4);
  }

  @Test
  void versionAndHelpWork() {
    assertThat(godwit("--version").out()).startsWith("godwit ");
    CliRun help = godwit("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("migrate")
        .contains("--baseline-version")
        .contains("Exit codes");
    assertThat(godwit("undo", "--help").out()).contains("--count");
  }

  @Test
  void migratePrintsTheInfoTableFromItsOwnSession() throws Exception {
    // A beforeInfo callback counts the info commands run: migrate must run none.
    Files.writeString(
        migrations.resolve("beforeInfo.sql"),
        "CREATE TABLE IF NOT EXISTS info_runs (n INT);\nINSERT INTO info_runs VALUES (1);\n");
    Path cfg = config("");
    CliRun migrate = godwit("--config", cfg.toString(), "migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(infoRuns()).isZero();

    CliRun info = godwit("--config", cfg.toString(), "info");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(infoRuns()).isEqualTo(1);
    assertThat(info.out()).contains("| Versioned").contains("| Repeatable");
    // By default a summary and a line per migration; --verbose adds the table.
    assertThat(migrate.out()).startsWith("Applied 3 migrations in ").doesNotContain("| Versioned");
    assertThat(migrate.out().lines()).hasSize(4);

    Files.writeString(migrations.resolve("V3__more.sql"), "INSERT INTO t VALUES (3);\n");
    CliRun verbose = godwit("--config", cfg.toString(), "--verbose", "migrate");
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    CliRun after = godwit("--config", cfg.toString(), "info");
    assertThat(verbose.out())
        .startsWith("Applied 1 migration in ")
        .endsWith(System.lineSeparator() + System.lineSeparator() + after.out());
    assertThat(infoRuns()).isEqualTo(2);
  }

  @Test
  void validateCallsPendingMigrationsPendingNotProblems() throws IOException {
    Path cfg = config("");
    assertThat(godwit("--config", cfg.toString(), "migrate").exit()).isZero();
    Files.writeString(migrations.resolve("V3__a.sql"), "INSERT INTO t VALUES (3);\n");
    Files.writeString(migrations.resolve("V4__b.sql"), "INSERT INTO t VALUES (4);\n");

    CliRun validate = godwit("--config", cfg.toString(), "validate");
    // Flyway's validate fails on pending migrations too (ignoreMigrationPatterns "*:future").
    assertThat(validate.exit()).isEqualTo(5);
    assertThat(validate.out())
        .startsWith("Validation failed: 2 migrations pending (not applied yet)")
        .doesNotContain("problem");
    CliRun json = godwit("--config", cfg.toString(), "validate", "--json");
    assertThat(json.json().get("pending").asInt()).isEqualTo(2);
    assertThat(json.json().get("problems").asInt()).isZero();

    // A changed file is a problem of the history; the pending ones are still counted apart.
    Files.writeString(migrations.resolve("V2__fill_t.sql"), "INSERT INTO t VALUES (2);\n");
    CliRun both = godwit("--config", cfg.toString(), "validate");
    assertThat(both.out())
        .startsWith("Validation failed: 1 problem in ")
        .contains(", and 2 migrations pending (not applied yet)")
        .contains("[CHECKSUM_MISMATCH]");
    assertThat(
            godwit(
                    "--config",
                    cfg.toString(),
                    "--ignore-migration-patterns",
                    "*:pending",
                    "validate")
                .exit())
        .isEqualTo(5);
  }

  private int infoRuns() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet tables = c.getMetaData().getTables(null, null, "INFO_RUNS", null)) {
      if (!tables.next()) {
        return 0;
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM info_runs")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
