package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.api.InfoResult;
import dev.godwit.api.LockTimeoutException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.RepairResult;
import dev.godwit.internal.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migrations that stop part-way where the database cannot roll them back: MySQL/MariaDB (DDL
 * commits by itself) and non-transactional PostgreSQL migrations. Godwit records how far each got
 * and offers resume, repair and mark-applied.
 */
class PartlyAppliedMigrationsIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> partial() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.mariaDbFactories());
    out.addAll(TestDatabase.postgresFactories());
    return out;
  }

  static List<TestDatabase.Factory> mariaDb() {
    return TestDatabase.mariaDbFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  /** Five statements; the fourth reads a table that does not exist until an operator adds it. */
  private void fiveStatements(TestDatabase db) throws IOException {
    write("V1__base.sql", "CREATE TABLE base (id INT);\n");
    write(
        "V2__five.sql",
        "CREATE TABLE a (id INT);\n"
            + "INSERT INTO a VALUES (1);\n"
            + "CREATE TABLE b (id INT);\n"
            + "INSERT INTO b SELECT id FROM source_data;\n"
            + "CREATE TABLE c (id INT);\n");
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      write("V2__five.sql.conf", "executeInTransaction=false\n");
    }
    write("V3__after.sql", "CREATE TABLE after_five (id INT);\n");
  }

  private Godwit godwit(TestDatabase db) {
    return db.configure(dir).load();
  }

  private static MigrationInfo version(InfoResult info, String v) {
    return info.migrations().stream().filter(m -> v.equals(m.version())).findFirst().orElseThrow();
  }

  private void failAtStatementFour(TestDatabase db, Godwit godwit) {
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.alreadyRun()).hasSize(3);
              assertThat(e.alreadyRun().get(2)).isEqualTo("V2__five.sql:3 CREATE TABLE b (id INT)");
              assertThat(e.getMessage())
                  .contains("3 of 5 statements are applied")
                  .contains("migrate --resume")
                  .contains("repair --mark-applied 2")
                  .contains("source_data");
            });
    MigrationInfo v2 = version(godwit.info(), "2");
    assertThat(v2.state()).isEqualTo(MigrationState.FAILED);
    assertThat(v2.statementsApplied()).isEqualTo(3);
    assertThat(v2.statementsTotal()).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("partial")
  void resumeContinuesFromTheFailedStatementOnceTheCauseIsFixed(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    fiveStatements(db);
    Godwit godwit = godwit(db);
    failAtStatementFour(db, godwit);
    assertThatThrownBy(godwit::migrate).hasMessageContaining("failed migration");

    db.execute("CREATE TABLE source_data (id INT)");
    db.execute("INSERT INTO source_data VALUES (5)");
    MigrateResult resumed = godwit.resume();
    assertThat(resumed.applied())
        .extracting(a -> a.script())
        .containsExactly("V2__five.sql", "V3__after.sql");
    assertThat(resumed.applied().get(0).statements()).isEqualTo(2);
    assertThat(db.query("SELECT COUNT(*) FROM a")).isEqualTo("1");
    assertThat(db.query("SELECT id FROM b")).isEqualTo("5");
    InfoResult info = godwit.info();
    assertThat(info.migrations())
        .extracting(MigrationInfo::state)
        .containsOnly(MigrationState.SUCCESS);
    assertThat(
            db.query("SELECT resolution FROM godwit_schema_history_progress WHERE version = '2'"))
        .isEqualTo("RESUMED");
    assertThat(godwit.validate().valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("partial")
  void resumeRefusesAFileChangedSinceTheFailure(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    fiveStatements(db);
    Godwit godwit = godwit(db);
    failAtStatementFour(db, godwit);
    write(
        "V2__five.sql",
        "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE b (id INT);\n"
            + "CREATE TABLE c (id INT);\n");
    assertThatThrownBy(godwit::resume)
        .hasMessageContaining("changed since it failed")
        .hasMessageContaining("skip the first 3 statements");
    assertThat(db.tableExists("c")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("partial")
  void repairAfterUndoingByHandLetsTheFixedMigrationRunAgain(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    fiveStatements(db);
    Godwit godwit = godwit(db);
    failAtStatementFour(db, godwit);
    db.execute("DROP TABLE a");
    db.execute("DROP TABLE b");
    RepairResult repair = godwit.repair();
    assertThat(repair.changes())
        .extracting(RepairResult.Change::action)
        .containsExactly(RepairResult.Action.REMOVED_FAILED_ROW);
    write(
        "V2__five.sql",
        "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE b (id INT);\n"
            + "CREATE TABLE c (id INT);\n");
    assertThat(godwit.migrate().applied()).hasSize(2);
    assertThat(
            db.query("SELECT resolution FROM godwit_schema_history_progress WHERE version = '2'"))
        .isEqualTo("REPAIRED");
  }

  @ParameterizedTest
  @MethodSource("partial")
  void markAppliedRecordsAMigrationCompletedByHandWithWhoAndWhen(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    fiveStatements(db);
    Godwit godwit = godwit(db);
    failAtStatementFour(db, godwit);
    db.execute("CREATE TABLE c (id INT)");
    RepairResult marked = godwit.markApplied("2");
    assertThat(marked.changes())
        .extracting(RepairResult.Change::action)
        .containsExactly(RepairResult.Action.MARKED_APPLIED);
    assertThat(version(godwit.info(), "2").state()).isEqualTo(MigrationState.SUCCESS);
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT resolution, resolved_by, resolved_on, statements_applied FROM"
                    + " godwit_schema_history_progress WHERE version = '2'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("MARKED_APPLIED");
      assertThat(rs.getString(2)).isEqualTo(db.user());
      assertThat(rs.getTimestamp(3)).isNotNull();
      assertThat(rs.getInt(4)).isEqualTo(3);
    }
    assertThat(godwit.migrate().applied())
        .extracting(a -> a.script())
        .containsExactly("V3__after.sql");
    assertThatThrownBy(() -> godwit.markApplied("3"))
        .hasMessageContaining("not recorded as failed");
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void aDmlOnlyMigrationStaysAtomicOnMariaDb(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n");
    write(
        "V2__rows.sql",
        "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\nINSERT INTO t VALUES (1);\n");
    Godwit godwit = godwit(db);
    assertThatThrownBy(godwit::migrate).hasMessageContaining("Rolled back");
    assertThat(db.query("SELECT COUNT(*) FROM t")).isEqualTo("0");
    assertThat(version(godwit.info(), "2").state()).isEqualTo(MigrationState.PENDING);
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void aHeldNamedLockTimesOutNamingTheHoldersConnection(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n");
    String schema = db.url().substring(db.url().lastIndexOf('/') + 1);
    String lockName = "Flyway-" + ("`" + schema + "`.`godwit_schema_history`").hashCode();
    try (Connection holder = db.connect();
        Statement st = holder.createStatement()) {
      st.execute("SELECT GET_LOCK('" + lockName + "', 1)");
      Godwit godwit = db.configure(dir).set(ConfigKey.LOCK_WAIT_TIMEOUT, 2).load();
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              LockTimeoutException.class,
              e -> assertThat(e.holder()).contains("connection id").contains("user 'root'"));
    }
    assertThat(godwit(db).migrate().applied()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void infoShowsTheServerSettingsAMigrationMayDependOn(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    InfoResult info = godwit(db).info();
    assertThat(info.server()).containsEntry("flavor", "mariadb").containsKey("sql_mode");
    assertThat(info.server().get("version")).contains("MariaDB");
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void kestrasMySqlSetStopsAtTheOffsetColumnOnMariaDb(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    Path kestra = SharedFiles.require().resolve("corpus/kestra/mysql");
    Godwit godwit =
        Godwit.configure()
            .url(db.url(), db.user(), db.password())
            .locations("filesystem:" + kestra)
            .load();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.script()).endsWith("V1_1__initial.sql");
              assertThat(e.line()).isPositive();
              assertThat(e.statement()).containsIgnoringCase("`offset`".replace("`", ""));
              assertThat(e.getMessage())
                  .contains("V1_1__initial.sql")
                  .contains("line " + e.line())
                  .contains("V1_1__initial.sql:65 (where the database points)")
                  .contains("offset");
            });
    MigrationInfo first = godwit.info().migrations().get(0);
    assertThat(first.state()).isEqualTo(MigrationState.FAILED);
    assertThat(first.statementsApplied()).isLessThan(first.statementsTotal());
  }
}
