package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.StatementLockTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL: a CREATE INDEX CONCURRENTLY that times out waiting for older transactions leaves an
 * INVALID index behind. Godwit drops it before the statement runs again: on a retry, on resume, and
 * when the script says IF NOT EXISTS.
 */
class ConcurrentIndexGuardIT {
  @TempDir Path dir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private Godwit setUp(TestDatabase db) throws IOException {
    write(
        "V1__t.sql",
        "CREATE TABLE t (id INT, v TEXT);\n"
            + "INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 1000) g;\n");
    Godwit godwit = db.configure(dir).target("1").load();
    assertThat(godwit.migrate().applied()).hasSize(1);
    write(
        "V2__index.sql",
        "CREATE TABLE u (id INT);\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
            + "CREATE TABLE w (id INT);\n");
    return godwit;
  }

  /** An open transaction that wrote to t: a concurrent index build waits for it to end. */
  private static Connection writer(TestDatabase db) throws SQLException {
    Connection c = db.connect();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("INSERT INTO t VALUES (0, 'writer')");
    }
    return c;
  }

  private static void commit(Connection c) {
    try {
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String validity(TestDatabase db) throws SQLException {
    return db.query(
        "SELECT string_agg(c.relname || ':' || i.indisvalid, ',') FROM pg_index i JOIN pg_class c"
            + " ON c.oid = i.indexrelid WHERE i.indrelid = 't'::regclass");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void anInvalidIndexLeftByATimedOutBuildIsDroppedAndRebuiltOnResume(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    setUp(db);
    Godwit godwit =
        db.configure(dir)
            .set(ConfigKey.LOCK_TIMEOUT, "200ms")
            .set(ConfigKey.LOCK_RETRIES, 0)
            .load();
    try (Connection writer = writer(db)) {
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              StatementLockTimeoutException.class,
              e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.getMessage()).contains("1 of 3 statements are applied");
              });
      assertThat(validity(db)).isEqualTo("t_v_idx:false");
      MigrationInfo v2 = godwit.info().migrations().get(1);
      assertThat(v2.state()).isEqualTo(MigrationState.FAILED);
      assertThat(v2.statementsApplied()).isEqualTo(1);
      commit(writer);
    }
    try (LogCapture log = new LogCapture()) {
      assertThat(godwit.resume().applied()).hasSize(1);
      assertThat(log.text()).contains("dropped the INVALID index \"public\".\"t_v_idx\"");
    }
    assertThat(validity(db)).isEqualTo("t_v_idx:true");
    assertThat(db.tableExists("w")).isTrue();
    assertThat(
            db.query(
                "SELECT resolution || ' / ' || cleanup FROM godwit_schema_history_progress"
                    + " WHERE version = '2'"))
        .startsWith("RESUMED / dropped the INVALID index \"public\".\"t_v_idx\" on \"t\"");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aRetryWithinTheRunDropsTheInvalidIndexTheTimedOutAttemptLeft(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    setUp(db);
    Godwit godwit =
        db.configure(dir)
            .set(ConfigKey.LOCK_TIMEOUT, "200ms")
            .set(ConfigKey.LOCK_RETRIES, 20)
            .load();
    try (Connection writer = writer(db);
        LogCapture log = new LogCapture()) {
      timer.schedule(() -> commit(writer), 1200, TimeUnit.MILLISECONDS);
      assertThat(godwit.migrate().applied()).hasSize(1);
      assertThat(log.text())
          .contains("V2__index.sql:2 CREATE INDEX CONCURRENTLY t_v_idx ON t (v): lock timeout")
          .contains("retrying the statement in")
          .contains("dropped the INVALID index");
    }
    assertThat(validity(db)).isEqualTo("t_v_idx:true");
    assertThat(godwit.info().migrations())
        .extracting(MigrationInfo::state)
        .containsOnly(MigrationState.SUCCESS);
    // The row follows the run to its end (statements are tracked one by one): all 3 applied.
    assertThat(
            db.query(
                "SELECT resolution || ' / ' || statements_applied || ' / ' || cleanup FROM"
                    + " godwit_schema_history_progress WHERE version = '2'"))
        .startsWith("CLEANED / 3 / dropped the INVALID index");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void ifNotExistsDoesNotKeepAnInvalidIndex(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    setUp(db);
    Files.delete(dir.resolve("V2__index.sql"));
    // Someone's interrupted build by hand left the index INVALID.
    try (Connection writer = writer(db);
        Connection builder = db.connect();
        Statement st = builder.createStatement()) {
      st.execute("SET lock_timeout = '200ms'");
      assertThatThrownBy(() -> st.execute("CREATE INDEX CONCURRENTLY t_v_idx ON t (v)"))
          .hasMessageContaining("lock timeout");
      commit(writer);
    }
    assertThat(validity(db)).isEqualTo("t_v_idx:false");
    write("V2__index.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_v_idx ON t (v);\n");
    assertThat(db.configure(dir).load().migrate().applied()).hasSize(1);
    assertThat(validity(db)).isEqualTo("t_v_idx:true");
  }
}
