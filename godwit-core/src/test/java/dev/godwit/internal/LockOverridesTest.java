package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockOverridesTest {
  @Test
  void readsLockDirectivesAboveTheFirstStatement() {
    LockOverrides o =
        LockOverrides.fromComments(
            "-- Adds the column.\n-- godwit:lock-timeout 2s\n--godwit:lock-retries=5\n"
                + "-- godwit:allow add-column-volatile-default it is constant\n"
                + "-- godwit:statement-timeout: 10m\n",
            "V2__x.sql");
    assertThat(o.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.retries()).isEqualTo(5);
    assertThat(o.statementTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.source()).isEqualTo("V2__x.sql (-- godwit: lines)");
    assertThat(LockOverrides.fromComments("-- nothing here\n", "V2__x.sql"))
        .isSameAs(LockOverrides.NONE);
    assertThat(LockOverrides.fromComments("-- godwit:lock-timeout 0\n", "a.sql").lockTimeout())
        .isZero();
  }

  @Test
  void badDirectivesAreErrorsNamingTheScriptAndTheFix() {
    assertThatThrownBy(() -> LockOverrides.fromComments("-- godwit:lock-timout 2s\n", "V3.sql"))
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
        .hasMessageContaining("V3.sql: unknown directive '-- godwit:lock-timout'")
        .hasMessageContaining("lock-timeout");
    assertThatThrownBy(() -> LockOverrides.fromComments("-- godwit:lock-timeout 500\n", "V3.sql"))
        .hasMessageContaining("V3.sql: -- godwit:lock-timeout 500: ")
        .hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> LockOverrides.fromComments("-- godwit:lock-retries -2\n", "V3.sql"))
        .hasMessageContaining("lockRetries must be a whole number, 0 or more, not '-2'");
  }

  @Test
  void aDirectiveBelowTheFirstStatementIsAnErrorRatherThanIgnored() {
    Statement first = statement("-- godwit:lock-timeout 2s\n", 2);
    Statement later = statement("-- godwit:lock-retries 3\n", 5);
    LockOverrides header = LockOverrides.scan(null, first, "V6__x.sql");
    assertThat(header.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(LockOverrides.scan(header, statement("-- godwit:allow rule why\n", 4), "V6__x.sql"))
        .isSameAs(header);
    assertThatThrownBy(() -> LockOverrides.scan(header, later, "V6__x.sql"))
        .hasMessageContaining("V6__x.sql: the -- godwit: lock directive above line 5 has no effect")
        .hasMessageContaining("Move it above the first statement");
  }

  private static Statement statement(String comments, int line) {
    return new Statement("SELECT 1", line, 1, comments, Set.of(), null);
  }

  @Test
  void scriptConfigFilesTakeTheLockSettingsWithTheirLine() {
    ScriptConfig c =
        ScriptConfig.parse(
            "executeInTransaction=false\nlockTimeout = 3s\nlockRetries=0\nstatementTimeout=1h\n",
            "V4__x.sql.conf");
    assertThat(c.executeInTransaction()).isFalse();
    assertThat(c.lock().lockTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.lock().retries()).isZero();
    assertThat(c.lock().statementTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(c.lock().source()).isEqualTo("V4__x.sql.conf");
    assertThat(ScriptConfig.parse("encoding=UTF-8\n", "a.conf").lock())
        .isSameAs(LockOverrides.NONE);
    assertThatThrownBy(() -> ScriptConfig.parse("\nlockTimeout=fast\n", "V5__x.sql.conf"))
        .hasMessageContaining("V5__x.sql.conf:2: ")
        .hasMessageContaining("'lockTimeout' must be a duration");
    assertThatThrownBy(() -> ScriptConfig.parse("lockTimeOut=1s\n", "V5__x.sql.conf"))
        .hasMessageContaining("unknown setting 'lockTimeOut'")
        .hasMessageContaining("lockTimeout");
  }
}
