package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PropertyReaderTest {

  private static StandardEnvironment env(Map<String, Object> properties) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return env;
  }

  @Test
  void everySettingIsAKebabCaseProperty() {
    assertThat(SpringSettings.property(ConfigKey.BASELINE_VERSION))
        .isEqualTo("spring.godwit.baseline-version");
    assertThat(SpringSettings.property(ConfigKey.LOCK_TIMEOUT))
        .isEqualTo("spring.godwit.lock-timeout");
    assertThat(SpringSettings.property(ConfigKey.SQL_MIGRATION_SUFFIXES))
        .isEqualTo("spring.godwit.sql-migration-suffixes");
  }

  @Test
  void readsTypedValuesAndDefaultsTheLocationToTheClassPath() {
    PropertyReader.Settings s =
        PropertyReader.read(
            env(
                Map.of(
                    "spring.godwit.lock-timeout", "2s",
                    "spring.godwit.schemas", "app,audit",
                    "spring.godwit.out-of-order", "true",
                    "spring.godwit.lock-retries", "5",
                    "spring.godwit.placeholders.tenant", "acme")));
    assertThat(s.values())
        .containsEntry(ConfigKey.LOCK_TIMEOUT, Duration.ofSeconds(2))
        .containsEntry(ConfigKey.SCHEMAS, List.of("app", "audit"))
        .containsEntry(ConfigKey.OUT_OF_ORDER, true)
        .containsEntry(ConfigKey.LOCK_RETRIES, 5)
        .containsEntry(ConfigKey.PLACEHOLDERS, Map.of("tenant", "acme"))
        .containsEntry(ConfigKey.LOCATIONS, List.of("classpath:db/migration"));
    assertThat(s.enabled()).isTrue();
    assertThat(s.notice()).isNull();
  }

  @Test
  void indexedListsBindAsSpringDoes() {
    PropertyReader.Settings s =
        PropertyReader.read(
            env(
                Map.of(
                    "spring.godwit.locations[0]", "classpath:a",
                    "spring.godwit.locations[1]", "filesystem:b")));
    assertThat(s.values())
        .containsEntry(ConfigKey.LOCATIONS, List.of("classpath:a", "filesystem:b"));
  }

  @Test
  void aValueTheSettingRefusesNamesTheProperty() {
    assertThatThrownBy(
            () -> PropertyReader.read(env(Map.of("spring.godwit.baseline-version", "one"))))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Property 'spring.godwit.baseline-version'")
        .hasMessageContaining("'one'");
  }

  @Test
  void anUnknownPropertyIsRefusedWithAHint() {
    assertThatThrownBy(() -> PropertyReader.read(env(Map.of("spring.godwit.lock-timout", "1s"))))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("spring.godwit.lock-timout")
        .hasMessageContaining("did you mean 'lock-timeout'");
  }

  @Test
  void thePasswordIsNeverInAMessage() {
    assertThatThrownBy(
            () ->
                PropertyReader.read(
                    env(
                        Map.of(
                            "spring.godwit.password", "s3cret",
                            "spring.godwit.url", "not a url"))))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("spring.godwit.url")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void flywayPropertiesAreReadWhenNoGodwitPropertyIsSet() {
    PropertyReader.Settings s =
        PropertyReader.read(
            env(
                Map.of(
                    "spring.flyway.locations", "classpath:db/legacy",
                    "spring.flyway.baseline-on-migrate", "true",
                    "spring.flyway.clean-disabled", "false",
                    "spring.flyway.lock-retry-count", "30",
                    "spring.flyway.connect-retries-interval", "2m",
                    "spring.flyway.placeholders.owner", "ops",
                    "spring.flyway.init-sqls", "SET x = 1,SET y = 2",
                    "spring.flyway.driver-class-name", "org.h2.Driver",
                    "spring.flyway.skip-default-callbacks", "true")));
    assertThat(s.source()).isEqualTo("spring.flyway");
    assertThat(s.values())
        .containsEntry(ConfigKey.LOCATIONS, List.of("classpath:db/legacy"))
        .containsEntry(ConfigKey.BASELINE_ON_MIGRATE, true)
        .containsEntry(ConfigKey.CLEAN_ENABLED, true)
        .containsEntry(ConfigKey.LOCK_WAIT_TIMEOUT, 30)
        .containsEntry(ConfigKey.CONNECT_RETRIES_INTERVAL, 120)
        .containsEntry(ConfigKey.PLACEHOLDERS, Map.of("owner", "ops"))
        .containsEntry(ConfigKey.INIT_SQL, "SET x = 1\nSET y = 2")
        .containsEntry(ConfigKey.DRIVER, "org.h2.Driver");
    assertThat(s.notice())
        .startsWith("Godwit: no spring.godwit.* properties are set; reading spring.flyway.*")
        .endsWith("(ignored: skip-default-callbacks)");
  }

  /** Variables as Spring reads them (a source named *systemEnvironment gets their mapping). */
  private static StandardEnvironment variables(Map<String, Object> variables) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
    return env;
  }

  @Test
  void environmentVariablesInSpringsFormAreKnownSettings() {
    PropertyReader.Settings s =
        PropertyReader.read(
            variables(
                Map.of(
                    "SPRING_GODWIT_LOCKTIMEOUT", "3s",
                    "SPRING_GODWIT_OUTOFORDER", "true",
                    "SPRING_GODWIT_SCHEMAS", "app")));
    assertThat(s.values())
        .containsEntry(ConfigKey.LOCK_TIMEOUT, Duration.ofSeconds(3))
        .containsEntry(ConfigKey.OUT_OF_ORDER, true)
        .containsEntry(ConfigKey.SCHEMAS, List.of("app"));
    assertThatThrownBy(
            () -> PropertyReader.read(variables(Map.of("SPRING_GODWIT_LOCKTIMOUT", "3s"))))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Unknown property 'spring.godwit.locktimout'");
  }

  @Test
  void flywayEnvironmentVariablesAreReadToo() {
    PropertyReader.Settings s =
        PropertyReader.read(
            variables(
                Map.of(
                    "SPRING_FLYWAY_BASELINEONMIGRATE", "true",
                    "SPRING_FLYWAY_LOCATIONS", "classpath:db/legacy",
                    "SPRING_FLYWAY_SKIPDEFAULTCALLBACKS", "true")));
    assertThat(s.values())
        .containsEntry(ConfigKey.BASELINE_ON_MIGRATE, true)
        .containsEntry(ConfigKey.LOCATIONS, List.of("classpath:db/legacy"));
    assertThat(s.notice()).endsWith("(ignored: skipdefaultcallbacks)");
  }

  @Test
  void flywayEnabledFalseTurnsTheMigrationOff() {
    assertThat(PropertyReader.enabled(env(Map.of("spring.flyway.enabled", "false")))).isFalse();
    assertThat(PropertyReader.enabled(env(Map.of()))).isTrue();
    // Once a spring.godwit property is set, Flyway's are not read at all.
    StandardEnvironment both =
        env(Map.of("spring.flyway.enabled", "false", "spring.godwit.table", "history"));
    assertThat(PropertyReader.enabled(both)).isTrue();
    assertThat(PropertyReader.read(both).values()).doesNotContainKey(ConfigKey.CLEAN_ENABLED);
  }
}
