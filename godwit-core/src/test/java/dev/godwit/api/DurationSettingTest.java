package dev.godwit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSettingTest {
  private static Object parse(String text) {
    return ConfigKey.LOCK_TIMEOUT.parse(text);
  }

  @Test
  void acceptsMillisecondsSecondsMinutesHoursAndZero() {
    assertThat(parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(parse(" 3 S ")).isEqualTo(Duration.ofSeconds(3));
    assertThat(parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(parse("0")).isEqualTo(Duration.ZERO);
    assertThat(parse("0s")).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesABareNumberBecauseDatabasesReadItDifferently() {
    assertThatThrownBy(() -> parse("500"))
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("'lockTimeout' needs a unit: 500ms or 500s")
        .hasMessageContaining("PostgreSQL reads a bare number as milliseconds");
  }

  @Test
  void refusesOtherFormsNamingTheSetting() {
    for (String bad : new String[] {"-1s", "1.5s", "2d", "fast", "", "500 msec"}) {
      assertThatThrownBy(() -> ConfigKey.STATEMENT_TIMEOUT.parse(bad))
          .as(bad)
          .hasMessageContaining("'statementTimeout' must be a duration such as 500ms");
    }
    assertThatThrownBy(() -> parse("600h")).hasMessageContaining("at most 596h");
  }

  @Test
  void theDefaultsAreOnForLocksAndOffForStatements() {
    GodwitConfig config = GodwitConfig.builder().build();
    assertThat(config.duration(ConfigKey.LOCK_TIMEOUT)).isEqualTo(Duration.ofMillis(500));
    assertThat(config.number(ConfigKey.LOCK_RETRIES)).isEqualTo(30);
    assertThat(config.duration(ConfigKey.STATEMENT_TIMEOUT)).isEqualTo(Duration.ZERO);
    assertThat(ConfigKey.LOCK_TIMEOUT.flag()).isEqualTo("--lock-timeout");
    assertThat(ConfigKey.LOCK_RETRIES.envVar()).isEqualTo("GODWIT_LOCK_RETRIES");
  }

  @Test
  void theJavaApiTakesDurationsTextAndZero() {
    GodwitConfig config =
        GodwitConfig.builder()
            .set(ConfigKey.LOCK_TIMEOUT, "2s")
            .set(ConfigKey.STATEMENT_TIMEOUT, Duration.ofMinutes(5))
            .build();
    assertThat(config.duration(ConfigKey.LOCK_TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.duration(ConfigKey.STATEMENT_TIMEOUT)).isEqualTo(Duration.ofMinutes(5));
    assertThat(
            GodwitConfig.builder()
                .set(ConfigKey.LOCK_TIMEOUT, 0)
                .build()
                .duration(ConfigKey.LOCK_TIMEOUT))
        .isZero();
    assertThatThrownBy(() -> GodwitConfig.builder().set(ConfigKey.LOCK_TIMEOUT, 500))
        .hasMessageContaining("needs a unit");
  }
}
