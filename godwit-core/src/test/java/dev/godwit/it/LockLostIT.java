package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migration lock lives as long as its own session. When that session ends while migrations run
 * (an administrator ends it, the server ends it as idle), the runner must stop before it could
 * migrate beside a second runner: a transactional migration is rolled back rather than recorded,
 * and no later migration starts.
 */
class LockLostIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> servers() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private static String sleep(TestDatabase db, int seconds) {
    return db.kind() == TestDatabase.Kind.POSTGRES
        ? "SELECT pg_sleep(" + seconds + ");\n"
        : "DO SLEEP(" + seconds + ");\n";
  }

  /** Whether a session of this database runs V1's sleep. */
  private static boolean sleeping(TestDatabase db) throws SQLException {
    return !"0"
        .equals(
            db.query(
                db.kind() == TestDatabase.Kind.POSTGRES
                    ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND query LIKE 'SELECT pg_sleep%'"
                    : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                        + " AND INFO LIKE 'DO SLEEP%'"));
  }

  /** Ends the session that holds the migration lock, as an administrator would. */
  private static boolean endLockSession(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      // Flyway's lock names, which Godwit shares: an advisory lock on PostgreSQL, a named lock
      // "Flyway-<hash of the quoted table>" on MySQL/MariaDB.
      String find =
          db.kind() == TestDatabase.Kind.POSTGRES
              ? "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database ="
                  + " (SELECT oid FROM pg_database WHERE datname = current_database())"
              : "SELECT IS_USED_LOCK('Flyway-"
                  + ("`" + c.getCatalog() + "`.`godwit_schema_history`").hashCode()
                  + "')";
      long id;
      try (ResultSet rs = st.executeQuery(find)) {
        if (!rs.next() || rs.getObject(1) == null) {
          return false;
        }
        id = rs.getLong(1);
      }
      st.execute(
          db.kind() == TestDatabase.Kind.POSTGRES
              ? "SELECT pg_terminate_backend(" + id + ")"
              : "KILL CONNECTION " + id);
      return true;
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void anEndedLockSessionStopsTheRunBeforeTheNextMigration(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V0__base.sql", "CREATE TABLE t0 (id INT PRIMARY KEY);\n");
    db.configure(dir).target("0").load().migrate();
    write(
        "V1__slow.sql",
        "CREATE TABLE t1 (id INT PRIMARY KEY);\nINSERT INTO t1 VALUES (1);\n" + sleep(db, 3));
    write("V2__next.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n");

    CompletableFuture<MigrateResult> run =
        CompletableFuture.supplyAsync(() -> db.configure(dir).load().migrate());
    // Wait for V1 to be under way, then end the lock's session.
    for (int i = 0; i < 50 && !sleeping(db) && !run.isDone(); i++) {
      Thread.sleep(100);
    }
    boolean ended = endLockSession(db);
    assertThat(ended).as("found the lock's session; the run: %s", run).isTrue();

    assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("Lost the migration lock")
        .satisfies(e -> assertThat(((GodwitException) e).code()).isEqualTo(ErrorCode.LOCK_LOST));
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history WHERE version = '2'"))
        .isEqualTo("0");
    assertThat(tableExists(db, "t2")).isFalse();
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      // V1 ran in a transaction: rolled back, not recorded, as if it never ran.
      assertThat(tableExists(db, "t1")).isFalse();
      assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history WHERE version = '1'"))
          .isEqualTo("0");
    } else {
      // MariaDB committed V1's DDL statement by statement: it is done and recorded as done.
      assertThat(tableExists(db, "t1")).isTrue();
      assertThat(
              db.query(
                  "SELECT COUNT(*) FROM godwit_schema_history WHERE version = '1' AND success"))
          .isEqualTo("1");
    }

    // A new run takes the lock and finishes: nothing lost, nothing twice.
    db.configure(dir).load().migrate();
    assertThat(db.query("SELECT COUNT(*) FROM t1")).isEqualTo("1");
    assertThat(tableExists(db, "t2")).isTrue();
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history WHERE success")).isEqualTo("3");
  }

  @ParameterizedTest
  @MethodSource("servers")
  void aServerThatEndsIdleSessionsDoesNotEndTheLocksSession(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    TestDatabase idleLimited = db;
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      if (db.query("SHOW server_version_num").compareTo("140000") < 0) {
        return; // idle_session_timeout came with PostgreSQL 14
      }
      String database = db.query("SELECT current_database()");
      try (Connection c = db.connect();
          Statement st = c.createStatement()) {
        st.execute("ALTER DATABASE " + database + " SET idle_session_timeout = '1s'");
      }
    } else {
      // Every session Godwit opens, the lock's included, starts with a 1 s wait_timeout.
      idleLimited =
          new TestDatabase(
              db.kind(),
              db.url() + (db.url().contains("?") ? "&" : "?") + "sessionVariables=wait_timeout=1",
              db.user(),
              db.password());
    }
    write("V1__slow.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n" + sleep(db, 3));
    write("V2__next.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n" + sleep(db, 2));

    assertThat(idleLimited.configure(dir).load().migrate().applied()).hasSize(2);
    assertThat(tableExists(db, "t2")).isTrue();
  }

  private static boolean tableExists(TestDatabase db, String table) throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs = c.getMetaData().getTables(catalogOf(db, c), null, table, null)) {
      return rs.next();
    }
  }

  /** MariaDB's metadata searches every database unless told which (its catalog). */
  private static String catalogOf(TestDatabase db, Connection c) throws SQLException {
    return db.kind() == TestDatabase.Kind.MARIADB ? c.getCatalog() : null;
  }
}
