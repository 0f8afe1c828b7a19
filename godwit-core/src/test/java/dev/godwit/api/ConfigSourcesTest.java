package dev.godwit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration API reads godwit.toml, Flyway's files and the environment variables with the
 * command line's precedence: file, then its environment, then variables, then values in code.
 */
class ConfigSourcesTest {
  private static final String SECRET = "s3cret-Pa55";
  private Path dir;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void directory() throws IOException {
    dir =
        Files.createDirectories(
            Paths.get("target", "config-sources", UUID.randomUUID().toString()));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private GodwitConfig.Builder builder() {
    return Godwit.configure().environmentVariables(env);
  }

  @Test
  void fileThenEnvironmentSectionThenVariablesThenCode() throws IOException {
    Path toml =
        file(
            "godwit.toml",
            "url = \"jdbc:h2:mem:top\"\n"
                + "table = \"from_file\"\n"
                + "lockRetries = 3\n"
                + "batchSize = 7\n"
                + "[placeholders]\nowner = \"file\"\nregion = \"file\"\nzone = \"file\"\n"
                + "[environments.prod]\nurl = \"jdbc:h2:mem:prod\"\nlockTimeout = \"2s\"\n");
    env.put("GODWIT_TABLE", "from_variable");
    env.put("GODWIT_LOCK_RETRIES", "5");
    env.put("GODWIT_PLACEHOLDERS_REGION", "variable");
    env.put("GODWIT_PLACEHOLDERS_ZONE", "variable");
    GodwitConfig c =
        builder()
            .lockRetries(9)
            .placeholder("zone", "code")
            .fromEnvironment()
            .environment("prod")
            .configFile(toml)
            .build();
    assertThat(c.url()).isEqualTo("jdbc:h2:mem:prod");
    assertThat(c.duration(ConfigKey.LOCK_TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.number(ConfigKey.BATCH_SIZE)).isEqualTo(7);
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("from_variable");
    assertThat(c.number(ConfigKey.LOCK_RETRIES)).isEqualTo(9);
    assertThat(c.placeholders())
        .containsEntry("owner", "file")
        .containsEntry("region", "variable")
        .containsEntry("zone", "code");
    assertThat(c.environment()).isEqualTo("prod");
    assertThat(c.sources())
        .containsExactly(
            new ConfigSource(ConfigSource.Kind.GODWIT_FILE, List.of(toml.toString())),
            new ConfigSource(
                ConfigSource.Kind.GODWIT_VARIABLES,
                List.of(
                    "GODWIT_LOCK_RETRIES",
                    "GODWIT_PLACEHOLDERS_REGION",
                    "GODWIT_PLACEHOLDERS_ZONE",
                    "GODWIT_TABLE")));
    assertThat(c.isSet(ConfigKey.BATCH_SIZE)).isTrue();
    assertThat(c.isSet(ConfigKey.GROUP)).isFalse();
  }

  @Test
  void environmentVariableSelectsTheEnvironmentElseDefault() throws IOException {
    Path toml =
        file(
            "godwit.toml",
            "url = \"jdbc:h2:mem:top\"\n"
                + "[environments.default]\nurl = \"jdbc:h2:mem:default\"\n"
                + "[environments.ci]\nurl = \"jdbc:h2:mem:ci\"\n");
    assertThat(builder().configFile(toml).build().url()).isEqualTo("jdbc:h2:mem:default");
    env.put("GODWIT_ENV", "ci");
    GodwitConfig ci = builder().configFile(toml).fromEnvironment().build();
    assertThat(ci.url()).isEqualTo("jdbc:h2:mem:ci");
    assertThat(ci.environment()).isEqualTo("ci");
    // Without fromEnvironment() the variables are not settings, nor GODWIT_ENV a choice.
    assertThat(builder().configFile(toml).build().environment()).isEqualTo("default");
  }

  @Test
  void variablesAreSettingsOnlyWhenAskedButAlwaysReadByTheFile() throws IOException {
    env.put("DB_PASSWORD", SECRET);
    env.put("GODWIT_TABLE", "from_variable");
    Path toml = file("godwit.toml", "url = \"jdbc:h2:mem:a\"\npassword = \"${env.DB_PASSWORD}\"\n");
    GodwitConfig c = builder().configFile(toml).build();
    assertThat(c.string(ConfigKey.PASSWORD)).isEqualTo(SECRET);
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("godwit_schema_history");
    assertThat(c.sources())
        .extracting(ConfigSource::kind)
        .containsExactly(ConfigSource.Kind.GODWIT_FILE);
    assertThat(c.sources().toString()).doesNotContain(SECRET);
  }

  @Test
  void anUnsetVariableInTheFileIsAnErrorNamingFileLineAndKey() throws IOException {
    Path toml =
        file("godwit.toml", "url = \"jdbc:h2:mem:a\"\n\npassword = \"${env.NOT_SET_PW}\"\n");
    assertThatThrownBy(() -> builder().configFile(toml).build())
        .isInstanceOf(GodwitException.class)
        .hasMessageStartingWith(toml + ":3:1: ")
        .hasMessageContaining("'password' reads the environment variable NOT_SET_PW")
        .hasMessageContaining("Export it")
        .extracting(e -> ((GodwitException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
  }

  @Test
  void badValuesAndUnknownKeysNameFileLineColumnAndTheFix() throws IOException {
    Path bad = file("bad.toml", "url = \"jdbc:h2:mem:a\"\n  lockTimeout = 500\n");
    assertThatThrownBy(() -> builder().configFile(bad).build())
        .isInstanceOf(GodwitException.class)
        .hasMessageStartingWith(bad + ":2:3: ")
        .hasMessageContaining("lockTimeout")
        .hasMessageContaining("500ms");
    Path typo = file("typo.toml", "url = \"jdbc:h2:mem:a\"\nlocktimeout = \"2s\"\n");
    assertThatThrownBy(() -> builder().configFile(typo).build())
        .hasMessageStartingWith(typo + ":2:1: unknown setting 'locktimeout'")
        .hasMessageContaining("lockTimeout");
    Path missing = dir.resolve("absent.toml");
    assertThatThrownBy(() -> builder().configFile(missing).build())
        .hasMessageContaining("absent.toml does not exist");
  }

  @Test
  void secretsAreNeverEchoed() throws IOException {
    // An unquoted password is a syntax error that must not quote the value back.
    Path toml = file("godwit.toml", "url = \"jdbc:h2:mem:a\"\npassword = " + SECRET + "\n");
    assertThatThrownBy(() -> builder().configFile(toml).build())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining(toml + ":2:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    // Variables are reported by name only.
    env.put("GODWIT_URL", "jdbc:postgresql://db/app?password=" + SECRET);
    env.put("GODWIT_PASSWORD", SECRET);
    GodwitConfig c = builder().fromEnvironment().build();
    assertThat(c.sources().toString())
        .contains("GODWIT_URL", "GODWIT_PASSWORD")
        .doesNotContain(SECRET);
    // A bad password-bearing URL is refused with the password masked.
    env.put("GODWIT_URL", "postgres://app:" + SECRET + "@db/app");
    assertThatThrownBy(() -> builder().fromEnvironment().build())
        .isInstanceOf(GodwitException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("url").doesNotContain(SECRET));
  }

  @Test
  void unknownGodwitVariableIsAnErrorWithTheClosestNameUnlessTheFileReadsIt() throws IOException {
    env.put("GODWIT_URLL", "jdbc:h2:mem:a");
    assertThatThrownBy(() -> builder().fromEnvironment().build())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Unknown environment variable GODWIT_URLL")
        .hasMessageContaining("GODWIT_URL");
    env.remove("GODWIT_URLL");
    env.put("GODWIT_PG_URL", "jdbc:h2:mem:pg");
    env.put("GODWIT_CDS", "0");
    Path toml = file("godwit.toml", "url = \"${env.GODWIT_PG_URL}\"\n");
    assertThat(builder().configFile(toml).fromEnvironment().build().url())
        .isEqualTo("jdbc:h2:mem:pg");
  }

  @Test
  void flywayConfWithFlywaysVariablesThenGodwitsThenCode() throws IOException {
    env.put("DB_HOST", "db.internal");
    Path conf =
        file(
            "flyway.conf",
            "flyway.url=jdbc:postgresql://${DB_HOST}/app\n"
                + "flyway.table=from_conf\n"
                + "flyway.schemas=app,\\\n   audit\n"
                + "flyway.cleanDisabled=false\n"
                + "flyway.outOfOrder=true\n"
                + "other.key=x\n");
    env.put("FLYWAY_TABLE", "from_flyway_variable");
    env.put("FLYWAY_LOCK_RETRY_COUNT", "10");
    env.put("FLYWAY_OUT_OF_ORDER", "false");
    env.put("GODWIT_LOCK_WAIT_TIMEOUT", "20");
    GodwitConfig c = builder().configFile(conf).fromEnvironment().outOfOrder(true).build();
    assertThat(c.url()).isEqualTo("jdbc:postgresql://db.internal/app");
    assertThat(c.list(ConfigKey.SCHEMAS)).containsExactly("app", "audit");
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("from_flyway_variable");
    assertThat(c.flag(ConfigKey.CLEAN_ENABLED)).isTrue();
    assertThat(c.number(ConfigKey.LOCK_WAIT_TIMEOUT)).isEqualTo(20);
    assertThat(c.flag(ConfigKey.OUT_OF_ORDER)).isTrue();
    assertThat(c.string(ConfigKey.BASELINE_DESCRIPTION)).isEqualTo("<< Flyway Baseline >>");
    assertThat(c.sources())
        .extracting(ConfigSource::kind)
        .containsExactly(
            ConfigSource.Kind.FLYWAY_FILES,
            ConfigSource.Kind.FLYWAY_VARIABLES,
            ConfigSource.Kind.GODWIT_VARIABLES);
    assertThat(c.sources().get(1).names())
        .containsExactly("FLYWAY_LOCK_RETRY_COUNT", "FLYWAY_OUT_OF_ORDER", "FLYWAY_TABLE");
    assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("other.key"));
    // The file alone, without its variables, when they are not asked for.
    GodwitConfig fileOnly = builder().flywayConfig(conf).build();
    assertThat(fileOnly.string(ConfigKey.TABLE)).isEqualTo("from_conf");
    assertThat(fileOnly.number(ConfigKey.LOCK_WAIT_TIMEOUT)).isEqualTo(300);
  }

  @Test
  void flywayVariablesAloneUseFlywaysDefaultsAndAnUnsupportedOneIsNamed() {
    env.put("FLYWAY_URL", "jdbc:h2:mem:f");
    env.put("FLYWAY_PLACEHOLDERS_WHO", "me");
    GodwitConfig c = builder().fromEnvironment().build();
    assertThat(c.url()).isEqualTo("jdbc:h2:mem:f");
    assertThat(c.string(ConfigKey.TABLE)).isEqualTo("flyway_schema_history");
    assertThat(c.placeholders()).containsEntry("who", "me");
    assertThat(c.sources())
        .containsExactly(
            new ConfigSource(
                ConfigSource.Kind.FLYWAY_VARIABLES,
                List.of("FLYWAY_PLACEHOLDERS_WHO", "FLYWAY_URL")));
    assertThat(c.sources().get(0))
        .hasToString("the environment (FLYWAY_PLACEHOLDERS_WHO, FLYWAY_URL)");
    env.put("FLYWAY_DRY_RUN_OUTPUT", "dry.sql");
    assertThatThrownBy(() -> builder().fromEnvironment().build())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("dryRunOutput")
        .hasMessageContaining("Moving from Flyway");
  }

  @Test
  void discoverFindsGodwitTomlThenGodwitConfigThenFlywaysFiles() throws IOException {
    file("flyway.conf", "flyway.url=jdbc:h2:mem:conf\n");
    GodwitConfig flyway = builder().discover(dir).build();
    assertThat(flyway.url()).isEqualTo("jdbc:h2:mem:conf");
    assertThat(flyway.sources().get(0).kind()).isEqualTo(ConfigSource.Kind.FLYWAY_FILES);
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.toml"), "url = \"jdbc:h2:mem:e\"\n");
    env.put("GODWIT_CONFIG", elsewhere.toString());
    assertThat(builder().discover(dir).build().url()).isEqualTo("jdbc:h2:mem:e");
    Path local = file("godwit.toml", "url = \"jdbc:h2:mem:local\"\n");
    GodwitConfig found = builder().discover(dir).build();
    assertThat(found.url()).isEqualTo("jdbc:h2:mem:local");
    assertThat(found.sources())
        .containsExactly(
            new ConfigSource(ConfigSource.Kind.GODWIT_FILE, List.of(local.toString())));
  }

  @Test
  void anEnvironmentSelectedWithoutAFileIsAnError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> builder().discover(empty).environment("prod").build())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Environment 'prod' was selected but there is no godwit.toml");
    // Without sources to read, the name is only recorded, as before.
    assertThat(Godwit.configure().environment("prod").build().environment()).isEqualTo("prod");
  }

  @Test
  void flywaySettingsByFlywaysNamesAndTheirRefusal() {
    GodwitConfig c =
        Godwit.configure()
            .flywaySetting("cleanDisabled", "false")
            .flywaySetting("lockRetryCount", "10")
            .flywaySetting("placeholders.a", "1")
            .flywaySetting("placeholders.b", "2")
            .flywaySetting("postgresql.transactional.lock", "false")
            .build();
    assertThat(c.flag(ConfigKey.CLEAN_ENABLED)).isTrue();
    assertThat(c.number(ConfigKey.LOCK_WAIT_TIMEOUT)).isEqualTo(10);
    assertThat(c.placeholders()).containsEntry("a", "1").containsEntry("b", "2");
    // What Godwit does anyway sets nothing.
    assertThat(c.isSet(ConfigKey.GROUP)).isFalse();
    assertThatThrownBy(() -> Godwit.configure().flywaySetting("dryRunOutput", "x.sql"))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("no counterpart of the Flyway setting dryRunOutput");
    assertThatThrownBy(() -> Godwit.configure().flywaySetting("outOfOrder", "maybe"))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("outOfOrder");
  }

  @Test
  void aDerivedConfigurationKeepsItsValuesAndSources() throws IOException {
    Path toml = file("godwit.toml", "url = \"jdbc:h2:mem:a\"\ntable = \"t\"\n");
    GodwitConfig c = builder().configFile(toml).build();
    GodwitConfig derived = c.toBuilder().table("u").build();
    assertThat(derived.url()).isEqualTo("jdbc:h2:mem:a");
    assertThat(derived.string(ConfigKey.TABLE)).isEqualTo("u");
    assertThat(derived.sources()).isEqualTo(c.sources());
  }
}
