package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of failure gets its own hint (issue 17, defect 8): "fix the script" only when the
 * script is at fault, and never a claim that statements stayed applied when the server rolled them
 * back.
 */
class FailureHintsIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  static List<TestDatabase.Factory> mariaDb() {
    return TestDatabase.mariaDbFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void anErrorOfTheScriptSaysFixTheScript() throws Exception {
    TestDatabase db = TestDatabase.h2();
    write("V1__table.sql", "CREATE TABLE t (id INT);\n");
    write("V2__typo.sql", "INSERT INTO t VALUES (1);\nINSERT INTO no_such_table VALUES (2);\n");
    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Rolled back: nothing of this migration was applied")
        .hasMessageEndingWith("Fix the script and run migrate again.");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aMissingPrivilegeOnPostgresIsNotCalledAScriptError(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    String role = "godwit_np_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    db.execute("CREATE ROLE " + role + " NOLOGIN");
    write("V1__table.sql", "CREATE TABLE guarded (id INT);\n");
    db.configure(dir).load().migrate();
    // The migration runs as a role without INSERT on the table, as a deploy user without the
    // grant would.
    write("V2__insert.sql", "SET LOCAL ROLE " + role + ";\nINSERT INTO guarded VALUES (1);\n");

    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("SQLSTATE 42501")
        .hasMessageContaining("lacks a privilege")
        .hasMessageContaining("Rolled back: nothing of this migration was applied")
        .hasMessageNotContaining("Fix the script");
    assertThat(db.query("SELECT COUNT(*) FROM guarded")).isEqualTo("0");
    db.execute("DROP OWNED BY " + role);
    db.execute("DROP ROLE " + role);
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aConnectionEndedMidTransactionSaysTheServerRolledItBack(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__slow.sql", "CREATE TABLE t1 (id INT);\nSELECT pg_sleep(5);\n");
    CompletableFuture<MigrateResult> run =
        CompletableFuture.supplyAsync(() -> db.configure(dir).load().migrate());
    String find =
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()";
    String pid = null;
    for (int i = 0; i < 100 && pid == null && !run.isDone(); i++) {
      pid = db.query(find);
      if (pid == null) {
        Thread.sleep(100);
      }
    }
    assertThat(pid).as("the migration's session; the run: %s", run).isNotNull();
    db.query("SELECT pg_terminate_backend(" + pid + ")");

    assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("SQLSTATE 57P01")
        .hasMessageContaining(
            "Rolled back: the connection ended inside the migration's transaction")
        .hasMessageContaining("connection to the database was lost")
        .hasMessageNotContaining("stayed applied")
        .hasMessageNotContaining("Fix the script");
    assertThat(db.tableExists("t1")).isFalse();
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history WHERE version = '1'"))
        .isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void aMissingPrivilegeOnMariaDbOffersResumeAndMarkApplied(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    String database = db.query("SELECT DATABASE()");
    String user = "gw_np_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    for (String host : List.of("%", "localhost", "127.0.0.1")) {
      db.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY 'pw'");
      // Everything a deploy user needs for tables, but not CREATE VIEW.
      db.execute(
          "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX ON `"
              + database
              + "`.* TO '"
              + user
              + "'@'"
              + host
              + "'");
    }
    TestDatabase limited = new TestDatabase(db.kind(), db.url(), user, "pw");
    write(
        "V1__tables_and_view.sql",
        "CREATE TABLE a (id INT);\nCREATE VIEW v AS SELECT id FROM a;\nCREATE TABLE b (id INT);\n");

    assertThatThrownBy(() -> limited.configure(dir).load().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Statements that ran before the failure and stayed applied: 1")
        .hasMessageContaining("grant the missing privilege")
        .hasMessageContaining("'migrate --resume'")
        .hasMessageContaining("'repair --mark-applied 1'")
        .hasMessageNotContaining("Fix the script");

    // The next migrate refuses, and says how to go on.
    assertThatThrownBy(() -> limited.configure(dir).load().migrate())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("1 of its 3 statements stayed applied; it failed at line 2")
        .hasMessageContaining("'migrate --resume'")
        .hasMessageContaining("'repair --mark-applied 1'");

    // With the grant, the resume finishes the migration.
    for (String host : List.of("%", "localhost", "127.0.0.1")) {
      db.execute("GRANT CREATE VIEW ON `" + database + "`.* TO '" + user + "'@'" + host + "'");
    }
    assertThat(limited.configure(dir).load().resume().applied()).hasSize(1);
    assertThat(db.tableExists("b")).isTrue();
    for (String host : List.of("%", "localhost", "127.0.0.1")) {
      db.execute("DROP USER '" + user + "'@'" + host + "'");
    }
  }
}
