package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.PlanResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockTimeoutPolicyTest {
  private static final LockTimeoutPolicy DEFAULTS =
      LockTimeoutPolicy.of(GodwitConfig.builder().build());

  @Test
  void pausesDoubleFromHalfASecondUpToFiveSecondsScaledByJitter() {
    assertThat(LockTimeoutPolicy.pause(1, 0.0)).isEqualTo(Duration.ofMillis(250));
    assertThat(LockTimeoutPolicy.pause(1, 0.999)).isBetween(ms(499), ms(500));
    assertThat(LockTimeoutPolicy.pause(2, 0.0)).isEqualTo(ms(500));
    assertThat(LockTimeoutPolicy.pause(3, 0.5)).isEqualTo(ms(1500));
    assertThat(LockTimeoutPolicy.pause(4, 0.0)).isEqualTo(ms(2000));
    assertThat(LockTimeoutPolicy.pause(5, 0.999)).isBetween(ms(4990), ms(5000));
    for (int retry : new int[] {6, 10, 30, 64, 1000}) {
      assertThat(LockTimeoutPolicy.pause(retry, 0.0)).as("retry " + retry).isEqualTo(ms(2500));
      assertThat(LockTimeoutPolicy.pause(retry, 0.999)).isBetween(ms(4990), ms(5000));
    }
  }

  private static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }

  @Test
  void theDefaultsBoundOneWaitToHalfASecondAndRetryThirtyTimes() {
    assertThat(DEFAULTS.lockTimeout()).isEqualTo(ms(500));
    assertThat(DEFAULTS.retries()).isEqualTo(30);
    assertThat(DEFAULTS.statementTimeoutOn()).isFalse();
    assertThat(DEFAULTS.describe(true))
        .isEqualTo(
            "lock_timeout 500ms, up to 30 retries of the whole migration, statement_timeout off"
                + " (settings)");
    assertThat(DEFAULTS.describe(false)).contains("the statement that timed out");
  }

  @Test
  void aScriptsValuesWinOverTheSettingsAndItsDirectivesOverItsConf() {
    LockOverrides conf = new LockOverrides(ms(2000), null, null, "V2__x.sql.conf");
    LockOverrides header = new LockOverrides(null, 3, ms(60_000), "V2__x.sql (-- godwit: lines)");
    LockTimeoutPolicy p = DEFAULTS.with(conf).with(header);
    assertThat(p.lockTimeout()).isEqualTo(ms(2000));
    assertThat(p.retries()).isEqualTo(3);
    assertThat(p.statementTimeout()).isEqualTo(ms(60_000));
    assertThat(p.source()).isEqualTo("V2__x.sql.conf, V2__x.sql (-- godwit: lines)");
    assertThat(DEFAULTS.with(LockOverrides.NONE)).isSameAs(DEFAULTS);
    LockTimeoutPolicy later =
        DEFAULTS
            .with(new LockOverrides(ms(300), null, null, "a.conf"))
            .with(new LockOverrides(ms(400), null, null, "a.sql"));
    assertThat(later.lockTimeout()).isEqualTo(ms(400));
  }

  @Test
  void refusesNegativeRetriesNamingTheSetting() {
    // Checked when the configuration is built, before anything connects.
    assertThatThrownBy(() -> GodwitConfig.builder().set(ConfigKey.LOCK_RETRIES, -1).build())
        .hasMessageContaining(
            "'lockRetries' must be a whole number of retries, 0 or more, not '-1'");
  }

  @Test
  void formatsDurationsAsTheSettingsWriteThem() {
    assertThat(LockTimeoutPolicy.format(Duration.ZERO)).isEqualTo("off");
    assertThat(LockTimeoutPolicy.format(ms(500))).isEqualTo("500ms");
    assertThat(LockTimeoutPolicy.format(ms(1500))).isEqualTo("1500ms");
    assertThat(LockTimeoutPolicy.format(ms(2000))).isEqualTo("2s");
    assertThat(LockTimeoutPolicy.format(ms(90_000))).isEqualTo("90s");
    assertThat(LockTimeoutPolicy.format(ms(120_000))).isEqualTo("2m");
    assertThat(LockTimeoutPolicy.format(ms(3_600_000))).isEqualTo("1h");
    for (String text : new String[] {"500ms", "1500ms", "2s", "90s", "2m", "1h"}) {
      Duration d = (Duration) ConfigKey.LOCK_TIMEOUT.parse(text);
      assertThat(LockTimeoutPolicy.format(d)).isEqualTo(text);
    }
  }

  @Test
  void planShowsTheSqlEachDatabaseRuns() {
    PlanResult.LockPolicy pg = DEFAULTS.plan(new PostgresStatementLocks(), true, "PostgreSQL");
    assertThat(pg.sql()).containsExactly("SET LOCAL lock_timeout = '500ms'");
    assertThat(pg.retryUnit()).isEqualTo("migration");
    LockTimeoutPolicy both = DEFAULTS.with(new LockOverrides(null, null, ms(90_000), "x"));
    assertThat(both.plan(new PostgresStatementLocks(), false, "PostgreSQL").sql())
        .containsExactly("SET lock_timeout = '500ms'", "SET statement_timeout = '90000ms'");
    // MySQL and MariaDB count lock waits in whole seconds: 500 ms waits one second.
    assertThat(both.plan(new MySqlStatementLocks(true), false, "MariaDB").sql())
        .containsExactly(
            "SET SESSION lock_wait_timeout = 1, innodb_lock_wait_timeout = 1,"
                + " max_statement_time = 90.000");
    assertThat(DEFAULTS.plan(new MySqlStatementLocks(false), false, "MySQL").sql())
        .containsExactly("SET SESSION lock_wait_timeout = 1, innodb_lock_wait_timeout = 1");
    PlanResult.LockPolicy h2 = DEFAULTS.plan(null, true, "H2");
    assertThat(h2.sql()).isEmpty();
    assertThat(h2.retries()).isZero();
    assertThat(h2.lockTimeoutMs()).isZero();
    assertThat(h2.source()).isEqualTo("not applied: H2 has no lock timeout");
    LockTimeoutPolicy off = DEFAULTS.with(new LockOverrides(Duration.ZERO, 0, null, "y"));
    assertThat(off.plan(new PostgresStatementLocks(), true, "PostgreSQL").sql()).isEmpty();
    assertThat(MySqlStatementLocks.seconds(ms(1001))).isEqualTo(2);
  }
}
