package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway project run as a container or CI job runs it: configured only by {@code FLYWAY_*}
 * variables, or through Flyway's single-dash command line, with extra jars from {@code jarDirs}.
 * The working directory holds no godwit.toml and no flyway.conf.
 */
class FlywayCommandLineIT {
  @TempDir Path dir;
  private Path migrations;
  private String url;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void project() throws IOException {
    migrations = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        migrations.resolve("V1__create.sql"), "CREATE TABLE ${table_name} (id INT);\n");
    Files.writeString(
        migrations.resolve("V2__fill.sql"), "INSERT INTO ${table_name} VALUES (1);\n");
    url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  private String query(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void flywayVariablesAloneConfigureGodwit() throws Exception {
    env.put("FLYWAY_URL", url);
    env.put("FLYWAY_USER", "sa");
    env.put("FLYWAY_PASSWORD", "");
    env.put("FLYWAY_LOCATIONS", "filesystem:" + migrations);
    env.put("FLYWAY_PLACEHOLDERS_TABLE_NAME", "items");

    CliRun migrate = CliRun.run(env, "migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(query("SELECT COUNT(*) FROM items")).isEqualTo("1");
    // Flyway's history table, as Flyway would have created it.
    assertThat(
            query("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"))
        .isEqualTo("2");

    CliRun info = CliRun.run(env, "info", "--json");
    assertThat(info.exit()).isZero();
    JsonNode rows = info.json().get("migrations");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get("state").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void godwitVariablesAndFlagsBeatFlywayVariables() throws Exception {
    env.put("FLYWAY_URL", url);
    env.put("FLYWAY_USER", "sa");
    env.put("FLYWAY_LOCATIONS", "filesystem:" + migrations);
    env.put("FLYWAY_PLACEHOLDERS_TABLE_NAME", "from_flyway");
    env.put("FLYWAY_TABLE", "from_flyway_variable");
    env.put("GODWIT_TABLE", "from_godwit_variable");

    CliRun migrate = CliRun.run(env, "migrate", "--placeholders.table_name=from_flag");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(query("SELECT COUNT(*) FROM from_flag")).isEqualTo("1");
    assertThat(query("SELECT COUNT(*) FROM \"from_godwit_variable\" WHERE \"version\" IS NOT NULL"))
        .isEqualTo("2");
  }

  @Test
  void flywaysSingleDashCommandLineWorksAsGodwits() throws Exception {
    CliRun migrate =
        CliRun.run(
            env,
            "-url=" + url,
            "-user=sa",
            "-locations=filesystem:" + migrations,
            "-placeholders.table_name=items",
            "-X",
            "-n",
            "migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(
            query("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"))
        .isEqualTo("2");

    CliRun info =
        CliRun.run(
            env,
            "info",
            "-url=" + url,
            "-user=sa",
            "-locations=filesystem:" + migrations,
            "-placeholders.table_name=items",
            "-outputType=json");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.json().get("migrations")).hasSize(2);
  }

  @Test
  void flywaysConfigFilesOptionNamesTheConfFile() throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("ci.conf"),
            "flyway.url="
                + url
                + "\nflyway.user=sa\nflyway.locations=filesystem:"
                + migrations
                + "\nflyway.placeholders.table_name=items\nflyway.initSql=SET @x = 1\n");
    CliRun run = CliRun.run(env, "-configFiles=" + conf, "migrate", "-q");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(query("SELECT COUNT(*) FROM items")).isEqualTo("1");
  }

  @Test
  void anUnsupportedFlywaySettingIsRefusedByName() throws Exception {
    env.put("FLYWAY_URL", url);
    env.put("FLYWAY_LOCATIONS", "filesystem:" + migrations);
    env.put("FLYWAY_DRY_RUN_OUTPUT", "dry.sql");
    CliRun run = CliRun.run(env, "info");
    assertThat(run.exit()).isEqualTo(ExitCode.CONFIGURATION.code);
    assertThat(run.err()).contains("dryRunOutput").contains("Moving from Flyway");

    CliRun flag = CliRun.run(Map.of(), "-url=" + url, "-dryRunOutput=x.sql", "info");
    assertThat(flag.exit()).isEqualTo(ExitCode.USAGE.code);
    assertThat(flag.err()).contains("-dryRunOutput is not supported");
  }

  @Test
  void jarDirsServeClasspathLocationsPackedInAJar() throws Exception {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    try (OutputStream file = Files.newOutputStream(jars.resolve("app.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      for (String folder : new String[] {"db/", "db/jarred/"}) {
        jar.putNextEntry(new JarEntry(folder));
        jar.closeEntry();
      }
      jar.putNextEntry(new JarEntry("db/jarred/V1__from_jar.sql"));
      jar.write("CREATE TABLE from_jar (id INT);\n".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    CliRun run =
        CliRun.run(
            env,
            "-url=" + url,
            "-user=sa",
            "-locations=classpath:db/jarred",
            "-jarDirs=" + jars,
            "migrate");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(query("SELECT COUNT(*) FROM from_jar")).isEqualTo("0");

    CliRun missing =
        CliRun.run(env, "--url", url, "--jar-dirs", dir.resolve("nope").toString(), "info");
    assertThat(missing.exit()).isEqualTo(ExitCode.CONFIGURATION.code);
    assertThat(missing.err()).contains("'jarDirs' setting names");
  }
}
