package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
    assertThat(dev.err()).containsPattern("WARNING: ERROR rename-column \\S*V2__rename.sql:2: ");
    // One line per finding; the recipe is behind godwit lint (or --verbose).
    assertThat(dev.err())
        .doesNotContain("Safe recipe:")
        .contains("godwit lint --explain <rule> for rename-column");
    assertThat(dev.err().lines().filter(l -> l.contains("ERROR rename-column"))).hasSize(1);
  }

  private static List<String> rules(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("rule").asText() + "@" + f.get("line").asInt()));
    return out;
  }

  @Test
  void aFileWhoseScriptConfigWrapsItInATransactionIsLintedAsWrapped() throws Exception {
    Path index = sql.resolve("V3__index.sql");
    Files.writeString(index, "CREATE INDEX CONCURRENTLY users_email_idx2 ON users (email);\n");
    Files.writeString(sql.resolve("V3__index.sql.conf"), "executeInTransaction=true\n");
    String[] lint = {
      "lint", "--dialect", "pg", "--json", "--locations", "filesystem:" + sql, index.toString()
    };

    CliRun wrapped = godwit(lint);
    assertThat(rules(wrapped.json().get("findings")))
        .as(wrapped.err())
        .contains("statement-not-allowed-in-transaction@1");
    assertThat(wrapped.exit()).isEqualTo(8);

    // Without the script config the runner runs it on its own, as the linter then reads it.
    Files.delete(sql.resolve("V3__index.sql.conf"));
    CliRun alone = godwit(lint);
    assertThat(rules(alone.json().get("findings")))
        .as(alone.err())
        .doesNotContain("statement-not-allowed-in-transaction@1");
  }

  @Test
  void aFileLintedAgainstAUrlUsesTheLiveTableSizesAsPendingDoes() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    Path project = Files.createDirectories(dir.resolve("sized"));
    Files.writeString(
        project.resolve("V1__tables.sql"),
        "CREATE TABLE small AS SELECT g AS id FROM generate_series(1, 40) g;\n"
            + "CREATE TABLE big AS SELECT g AS id FROM generate_series(1, 5000) g;\n"
            + "ANALYZE small;\nANALYZE big;\n");
    Path cfg = dir.resolve("sized.toml");
    Files.writeString(
        cfg,
        "url = \""
            + url
            + "\"\nuser = \""
            + pg.user()
            + "\"\nlocations = [\"filesystem:"
            + project
            + "\"]\n");
    assertThat(godwit("--config", cfg.toString(), "migrate").exit()).isZero();
    Path index = project.resolve("V2__indexes.sql");
    Files.writeString(
        index, "CREATE INDEX small_id ON small (id);\nCREATE INDEX big_id ON big (id);\n");

    CliRun file = godwit("--config", cfg.toString(), "lint", "--json", index.toString());
    CliRun pending = godwit("--config", cfg.toString(), "lint", "--json", "--pending");

    for (CliRun run : List.of(file, pending)) {
      JsonNode findings = run.json().get("findings");
      Map<Integer, String> severityByLine = new HashMap<>();
      findings.forEach(
          f -> {
            if (f.get("rule").asText().equals("create-index-non-concurrently")) {
              severityByLine.put(f.get("line").asInt(), f.get("severity").asText());
            }
          });
      assertThat(severityByLine).as(run.out() + run.err()).containsEntry(1, "info");
      assertThat(severityByLine.get(2)).as(run.out()).isIn("warn", "error");
    }
    assertThat(file.exit()).isEqualTo(pending.exit());
  }

  @Test
  void customPrefixesSeparatorsAndClasspathLocationsAreHonoured() throws Exception {
    Path custom = Files.createDirectories(dir.resolve("custom"));
    Files.writeString(custom.resolve("M1--users.sql"), "CREATE TABLE users (id bigint);\n");
    Files.writeString(custom.resolve("D1--users.sql"), "DROP TABLE users;\n");
    Path cfg = dir.resolve("custom.toml");
    Files.writeString(
        cfg,
        "sqlMigrationPrefix = \"M\"\nundoSqlMigrationPrefix = \"D\"\n"
            + "sqlMigrationSeparator = \"--\"\nlocations = [\"filesystem:"
            + custom
            + "\"]\n");

    CliRun all = godwit("--config", cfg.toString(), "lint", "--dialect", "pg", "--all", "--json");
    // D1--users.sql is the undo script of version 1: a down migration, not a drop in an up one.
    assertThat(rules(all.json().get("findings")))
        .as(all.err())
        .contains("down-migration-data-loss@1")
        .doesNotContain("drop-table@1");

    Path jar = dir.resolve("migrations.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String d : List.of("db/", "db/lintcp/")) {
        out.putNextEntry(new JarEntry(d));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("db/lintcp/V1__legacy.sql"));
      out.write("DROP TABLE legacy;\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
      Thread.currentThread().setContextClassLoader(loader);
      CliRun cp =
          godwit(
              "lint", "--dialect", "pg", "--all", "--json", "--locations", "classpath:db/lintcp");
      JsonNode findings = cp.json().get("findings");
      assertThat(rules(findings)).as(cp.err()).containsExactly("drop-table@1");
      assertThat(findings.get(0).get("file").asText())
          .isEqualTo("classpath:db/lintcp/V1__legacy.sql");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }
}
