package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.api.InfoResult;
import dev.godwit.api.LockTimeoutException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.RepairResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What only PostgreSQL has: statements outside transactions, the advisory lock, pg_locks. */
class PostgresBehaviourIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void createIndexConcurrentlyRunsWithoutATransactionAndDoesNotHang(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__t.sql",
        "CREATE TABLE t (id INT, v TEXT);\nINSERT INTO t SELECT g, 'x' FROM generate_series(1, 1000) g;\n");
    write("V2__index.sql", "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n");
    Godwit godwit = db.configure(dir).set(ConfigKey.LOCK_WAIT_TIMEOUT, 10).load();
    MigrateResult r = godwit.migrate();
    assertThat(r.applied()).extracting(a -> a.transactional()).containsExactly(true, false);
    assertThat(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_v_idx'::regclass"))
        .isEqualTo("t");
    assertThat(godwit.plan().migrations()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void reindexConcurrentlyOptionAndDetachPartitionConcurrentlyRunOutsideATransaction(
      TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__setup.sql",
        "CREATE TABLE t (id INT);\nCREATE INDEX t_idx ON t (id);\n"
            + "CREATE TABLE m (d DATE) PARTITION BY RANGE (d);\n"
            + "CREATE TABLE m_2020 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');\n");
    // The parenthesised option exists since PostgreSQL 14; 13 has only REINDEX ... CONCURRENTLY.
    int major = Integer.parseInt(db.query("SHOW server_version_num")) / 10000;
    write(
        "V2__reindex.sql",
        major >= 14
            ? "REINDEX (CONCURRENTLY) INDEX t_idx;\n"
            : "REINDEX INDEX CONCURRENTLY t_idx;\n");
    if (major < 14) {
      // DETACH PARTITION ... CONCURRENTLY is PostgreSQL 14+ as well.
      MigrateResult r = db.configure(dir).load().migrate();
      assertThat(r.applied()).extracting(a -> a.transactional()).containsExactly(true, false);
      return;
    }
    write("V3__detach.sql", "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;\n");
    MigrateResult r = db.configure(dir).load().migrate();
    assertThat(r.applied()).extracting(a -> a.transactional()).containsExactly(true, false, false);
    assertThat(db.query("SELECT count(*) FROM pg_inherits")).isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void mixedFalseRefusesAMigrationMixingBothKindsBeforeRunningIt(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\nCREATE INDEX CONCURRENTLY t_idx ON t (id);\n");
    assertThatThrownBy(() -> db.configure(dir).set(ConfigKey.MIXED, false).load().migrate())
        .hasMessageContaining("mixes transactional and non-transactional statements")
        .hasMessageContaining("line 2");
    assertThat(db.tableExists("t")).isFalse();
    assertThat(db.configure(dir).load().migrate().applied().get(0).transactional()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aNonTransactionalMigrationThatBreaksPartWayIsRecordedAsFailed(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n");
    write(
        "V2__partial.sql",
        "CREATE TABLE u (id INT);\nCREATE INDEX CONCURRENTLY u_idx ON u (id);\nINSERT INTO missing VALUES (1);\nCREATE TABLE w (id INT);\n");
    Godwit godwit = db.configure(dir).load();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.sqlState()).isEqualTo("42P01");
              assertThat(e.alreadyRun())
                  .containsExactly(
                      "V2__partial.sql:1 CREATE TABLE u (id INT)",
                      "V2__partial.sql:2 CREATE INDEX CONCURRENTLY u_idx ON u (id)");
              assertThat(e.getMessage()).contains("without a transaction").contains("repair");
            });
    assertThat(db.tableExists("u")).isTrue();
    assertThat(db.tableExists("w")).isFalse();
    InfoResult info = godwit.info();
    assertThat(info.migrations().get(1).state()).isEqualTo(MigrationState.FAILED);
    assertThatThrownBy(godwit::migrate).hasMessageContaining("failed migration");
    db.execute("DROP TABLE u");
    RepairResult repaired = godwit.repair();
    assertThat(repaired.changes()).hasSize(1);
    write(
        "V2__partial.sql",
        "CREATE TABLE u (id INT);\nCREATE INDEX CONCURRENTLY u_idx ON u (id);\nCREATE TABLE w (id INT);\n");
    assertThat(godwit.migrate().applied()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aHeldLockTimesOutNamingTheHolder(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n");
    Properties props = new Properties();
    props.setProperty("user", db.user());
    props.setProperty("password", db.password());
    props.setProperty("ApplicationName", "deploy-job-42");
    long key = 0x466C79776179L + "\"public\".\"godwit_schema_history\"".hashCode();
    try (Connection holder = DriverManager.getConnection(db.url(), props);
        Statement st = holder.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + key + ")");
      Godwit godwit = db.configure(dir).set(ConfigKey.LOCK_WAIT_TIMEOUT, 1).load();
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              LockTimeoutException.class,
              e -> {
                assertThat(e.holder()).contains("deploy-job-42").contains("pid ");
                assertThat(e.getMessage()).contains("lockWaitTimeout");
              });
    }
    assertThat(db.configure(dir).load().migrate().applied()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void migrationsRunAsApplicationGodwitAndTheLockIsGoneAfterwards(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__t.sql",
        "CREATE TABLE seen AS SELECT current_setting('application_name') AS app,"
            + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted) AS locks;\n");
    db.configure(dir).load().migrate();
    assertThat(db.query("SELECT app || ':' || locks FROM seen")).isEqualTo("godwit:1");
    assertThat(db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
        .isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void copyFromStdinLoadsItsDataBlock(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__copy.sql",
        "CREATE TABLE c (id INT, name TEXT);\nCOPY c (id, name) FROM STDIN;\n1\tone\n2\ttwo\n\\.\nINSERT INTO c VALUES (3, 'three');\n");
    db.configure(dir).load().migrate();
    assertThat(db.query("SELECT string_agg(name, ',' ORDER BY id) FROM c"))
        .isEqualTo("one,two,three");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void managedSchemasAreCreatedAndHoldTheHistory(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n");
    Godwit godwit = db.configure(dir).schemas("app", "audit").load();
    godwit.migrate();
    assertThat(db.query("SELECT count(*) FROM app.t")).isEqualTo("0");
    assertThat(
            db.query(
                "SELECT type || ':' || script FROM app.godwit_schema_history WHERE installed_rank = 0"))
        .isEqualTo("SCHEMA:\"app\",\"audit\"");
    Godwit cleaner =
        db.configure(dir).schemas("app", "audit").set(ConfigKey.CLEAN_ENABLED, true).load();
    cleaner.clean();
    assertThat(db.query("SELECT count(*) FROM pg_namespace WHERE nspname IN ('app', 'audit')"))
        .isEqualTo("0");
    try (Connection c = db.connect();
        ResultSet rs = c.getMetaData().getSchemas()) {
      while (rs.next()) {
        assertThat(rs.getString(1)).isNotIn("app", "audit");
      }
    }
  }
}
