package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flyway's configuration files and variables, read as Flyway reads them (flyway-compat.md §6). */
class FlywayConfigTest {
  private Path dir;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void directory() throws IOException {
    dir =
        Files.createDirectories(
            Paths.get("target", "flyway-config-test", UUID.randomUUID().toString()));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private ConfigLoader loader;

  private GodwitConfig load(Path file, Map<ConfigKey, String> flags) {
    loader = new ConfigLoader(env);
    return loader.load(file, null, flags, Map.of());
  }

  @Test
  void confFileWithVariablesContinuationsAndLists() throws IOException {
    env.put("DB_HOST", "db.internal");
    Path conf =
        file(
            "flyway.conf",
            "# comment\n"
                + "flyway.url=jdbc:postgresql://${DB_HOST}/app\n"
                + "flyway.schemas=app,\\\n   audit\n"
                + "flyway.locations=filesystem:${UNSET_DIR}sql\n"
                + "flyway.placeholders.Owner=app\n"
                + "flyway.cleanDisabled=false\n"
                + "flyway.lockRetryCount=10\n"
                + "flyway.group=true\n"
                + "flyway.postgresql.transactional.lock=false\n"
                + "other.key=x\n");
    GodwitConfig c = load(conf, Map.of());
    assertThat(c.url()).isEqualTo("jdbc:postgresql://db.internal/app");
    assertThat(c.list(ConfigKey.SCHEMAS)).containsExactly("app", "audit");
    assertThat(c.list(ConfigKey.LOCATIONS)).containsExactly("filesystem:sql");
    assertThat(c.placeholders()).containsEntry("owner", "app");
    assertThat(c.flag(ConfigKey.CLEAN_ENABLED)).isTrue();
    assertThat(c.number(ConfigKey.LOCK_WAIT_TIMEOUT)).isEqualTo(10);
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("flyway_schema_history");
    assertThat(c.isSet(ConfigKey.TABLE)).isTrue();
    assertThat(c.string(ConfigKey.BASELINE_DESCRIPTION)).isEqualTo("<< Flyway Baseline >>");
    assertThat(c.flag(ConfigKey.MIXED)).isFalse();
    assertThat(c.flag(ConfigKey.GROUP)).isTrue();
    assertThat(loader.warnings())
        .anySatisfy(w -> assertThat(w).contains("not flyway.* settings: other.key"));
  }

  @Test
  void variablesBeatTheFileNewStyleBeatsClassicAndGodwitsFlagsComeLast() throws IOException {
    Path conf = file("flyway.conf", "flyway.url=jdbc:h2:mem:a\nflyway.table=from_file\n");
    env.put("FLYWAY_TABLE", "classic");
    env.put("flyway_table", "new_style");
    env.put("FLYWAY_PLACEHOLDERS_GREETING", "hi");
    env.put("FLYWAY_OUT_OF_ORDER", "true");
    GodwitConfig c = load(conf, Map.of(ConfigKey.OUT_OF_ORDER, "false"));
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("new_style");
    assertThat(c.placeholders()).containsEntry("greeting", "hi");
    assertThat(c.flag(ConfigKey.OUT_OF_ORDER)).isFalse();
    assertThat(loader.warnings())
        .contains(
            "Using both new Environment variable flyway_table and old Environment variable"
                + " FLYWAY_TABLE. Please remove FLYWAY_TABLE.");
  }

  @Test
  void tomlEnvironmentOverridesWinOverVariables() throws IOException {
    env.put("DB_PASSWORD", "s3cret");
    env.put("FLYWAY_LOCATIONS", "filesystem:from_variable");
    Path toml =
        file(
            "flyway.toml",
            "id = \"x\"\n"
                + "[environments.default]\nurl = \"jdbc:h2:mem:default\"\n"
                + "[environments.prod]\nurl = \"jdbc:postgresql://db/app\"\nuser = \"app\"\n"
                + "password = \"${env.DB_PASSWORD}\"\nschemas = [\"app\"]\n"
                + "[environments.prod.flyway]\nlocations = [\"filesystem:prod_sql\"]\n"
                + "[flyway]\nenvironment = \"prod\"\nlocations = [\"filesystem:sql\"]\n"
                + "outOfOrder = true\n"
                + "[flyway.placeholders]\nowner = \"app\"\n");
    GodwitConfig c = load(toml, Map.of());
    assertThat(c.url()).isEqualTo("jdbc:postgresql://db/app");
    assertThat(c.string(ConfigKey.PASSWORD)).isEqualTo("s3cret");
    assertThat(c.list(ConfigKey.SCHEMAS)).containsExactly("app");
    assertThat(c.list(ConfigKey.LOCATIONS)).containsExactly("filesystem:prod_sql");
    assertThat(c.flag(ConfigKey.OUT_OF_ORDER)).isTrue();
    assertThat(c.placeholders()).containsEntry("owner", "app");
    assertThat(c.environment()).isEqualTo("prod");
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void urlUnderFlywayIsRefusedAsFlywayRefusesIt() throws IOException {
    Path toml = file("flyway.toml", "[flyway]\nurl = \"jdbc:h2:mem:x\"\n");
    assertThatThrownBy(() -> load(toml, Map.of()))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("belongs in an environment");
  }

  @Test
  void importWritesEnvironmentsAndLeavesOutLiteralPasswords() throws IOException {
    Path toml =
        file(
            "flyway.toml",
            "[environments.default]\nurl = \"jdbc:h2:mem:d\"\npassword = \"literal\"\n"
                + "[environments.ci]\nurl = \"jdbc:h2:mem:ci\"\npassword = \"${env.CI_PW}\"\n"
                + "driver = \"org.h2.Driver\"\n"
                + "dryRunOutput = \"dry.sql\"\n"
                + "[environments.ci.jdbcProperties]\nMODE = \"PostgreSQL\"\n"
                + "[flyway]\nenvironment = \"ci\"\ncleanDisabled = false\n"
                + "ignoreMigrationPatterns = [\"*:missing\"]\n"
                + "[flyway.placeholders]\n\"my key\" = \"v\\\"q\"\n");
    ConfigImport.Converted c = ConfigImport.convert(toml);
    assertThat(c.toml())
        .contains("table = \"flyway_schema_history\"")
        .contains("cleanEnabled = true")
        .contains("ignoreMigrationPatterns = [\"*:missing\"]")
        .contains("[placeholders]\n\"my key\" = \"v\\\"q\"")
        .contains("[environments.ci]\nurl = \"jdbc:h2:mem:ci\"\npassword = \"${env.CI_PW}\"")
        .doesNotContain("literal");
    assertThat(c.toml())
        .contains("driver = \"org.h2.Driver\"")
        .contains("jdbcProperties = { MODE = \"PostgreSQL\" }");
    assertThat(c.unsupported())
        .anySatisfy(u -> assertThat(u).startsWith("environments.ci.dryRunOutput"));
    assertThat(c.notes())
        .anySatisfy(n -> assertThat(n).contains("password is not copied"))
        .anySatisfy(n -> assertThat(n).contains("--env ci"));
    // The written file is a valid godwit.toml.
    Path written = file("godwit.toml", c.toml());
    env.put("CI_PW", "pw");
    GodwitConfig g = new ConfigLoader(env).load(written, "ci", Map.of(), Map.of());
    assertThat(g.url()).isEqualTo("jdbc:h2:mem:ci");
    assertThat(g.list(ConfigKey.IGNORE_MIGRATION_PATTERNS)).isEqualTo(List.of("*:missing"));
    assertThat(g.map(ConfigKey.JDBC_PROPERTIES)).containsEntry("MODE", "PostgreSQL");
    assertThat(g.string(ConfigKey.DRIVER)).isEqualTo("org.h2.Driver");
  }
}
