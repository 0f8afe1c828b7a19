package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;

class FailureCauseTest {

  @Test
  void aSyntaxErrorOrAMissingTableIsTheScripts() {
    assertThat(FailureCause.of(new SQLException("syntax error", "42601")))
        .isEqualTo(FailureCause.SCRIPT);
    assertThat(FailureCause.of(new SQLException("no such table", "42S02", 1146)))
        .isEqualTo(FailureCause.SCRIPT);
    assertThat(FailureCause.of(new IllegalStateException("a Java migration threw")))
        .isEqualTo(FailureCause.SCRIPT);
  }

  @Test
  void badDataIsTheDatas() {
    assertThat(FailureCause.of(new SQLException("duplicate key", "23505")))
        .isEqualTo(FailureCause.DATA);
    assertThat(FailureCause.of(new SQLException("Data truncated", "01000", 1265)))
        .isEqualTo(FailureCause.DATA);
  }

  @Test
  void aMissingPrivilegeOnPostgresAndMariaDb() {
    assertThat(FailureCause.of(new SQLException("permission denied for table t", "42501")))
        .isEqualTo(FailureCause.PRIVILEGE);
    for (int code : new int[] {1142, 1044, 1045, 1227, 1370}) {
      assertThat(FailureCause.of(new SQLException("denied", "42000", code)))
          .as("MariaDB error %d", code)
          .isEqualTo(FailureCause.PRIVILEGE);
    }
  }

  @Test
  void aLostConnection() {
    assertThat(FailureCause.of(new SQLException("I/O error", "08006")))
        .isEqualTo(FailureCause.CONNECTION);
    // pg_terminate_backend: "terminating connection due to administrator command"
    assertThat(FailureCause.of(new SQLException("terminating connection", "57P01")))
        .isEqualTo(FailureCause.CONNECTION);
    assertThat(FailureCause.of(new SQLNonTransientConnectionException("closed", "HY000", 1927)))
        .isEqualTo(FailureCause.CONNECTION);
    assertThat(FailureCause.of(new SQLRecoverableException("gone")))
        .isEqualTo(FailureCause.CONNECTION);
    assertThat(FailureCause.of(new SQLException("Lost connection", "HY000", 2013)))
        .isEqualTo(FailureCause.CONNECTION);
    SQLException io = new SQLException("read failed", (String) null);
    io.initCause(new SocketException("Connection reset"));
    assertThat(FailureCause.of(io)).isEqualTo(FailureCause.CONNECTION);
    assertThat(FailureCause.of(new SQLException("eof", null, 0, new EOFException())))
        .isEqualTo(FailureCause.CONNECTION);
  }

  @Test
  void aLostMigrationLock() {
    assertThat(FailureCause.of(new GodwitException(ErrorCode.LOCK_LOST, "lost")))
        .isEqualTo(FailureCause.LOCK_LOST);
  }

  @Test
  void onlyTheScriptsOwnErrorsSayFixTheScript() {
    for (FailureCause c : FailureCause.values()) {
      assertThat(c.rolledBackHint().contains("Fix the script"))
          .as("%s", c)
          .isEqualTo(c == FailureCause.SCRIPT);
    }
  }
}
