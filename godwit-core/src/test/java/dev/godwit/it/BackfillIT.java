package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batched backfills ({@code -- godwit:batch}): key-ordered batches, each its own transaction with
 * its progress, every row changed exactly once through failures and resumes. A non-idempotent
 * {@code SET n = n + 1} shows a row changed twice or skipped.
 */
class BackfillIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> databases() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private static void rows(TestDatabase db, String table, int count) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + table + " (id, n, k) VALUES (?, 0, 1)")) {
        for (int i = 1; i <= count; i++) {
          ps.setInt(1, i);
          ps.addBatch();
          if (i % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  private static MigrationInfo version(Godwit g, String v) {
    return g.info().migrations().stream()
        .filter(m -> v.equals(m.version()))
        .findFirst()
        .orElseThrow();
  }

  private void counters(TestDatabase db) throws Exception {
    write(
        "V1__counters.sql", "CREATE TABLE counters (id INT PRIMARY KEY, n INT NOT NULL, k INT);\n");
    db.configure(dir).load().migrate();
    rows(db, "counters", 2500);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void updatesEveryRowOnceInBatchesAndRecordsTheBackfill(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    counters(db);
    write(
        "V2__backfill.sql",
        "-- godwit:batch rows=300 pause=1ms\nUPDATE counters SET n = n + 1 WHERE k = 1;\n");
    write("V2__backfill.sql.conf", "executeInTransaction=false\n");
    Godwit godwit = db.configure(dir).load();
    MigrateResult r = godwit.migrate();
    assertThat(r.applied()).extracting(a -> a.version()).containsExactly("2");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n = 1")).isEqualTo("2500");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n <> 1")).isEqualTo("0");
    assertThat(version(godwit, "2").state()).isEqualTo(MigrationState.SUCCESS);
    assertThat(
            db.query(
                "SELECT CONCAT(resolution, ' ', batch_rows) FROM godwit_schema_history_progress"
                    + " WHERE version = '2'"))
        .isEqualTo("COMPLETED 2500");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void walksACompositeKeyAndDeletes(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__pairs.sql",
        "CREATE TABLE pairs (a INT NOT NULL, b VARCHAR(10) NOT NULL, n INT NOT NULL, PRIMARY KEY"
            + " (a, b));\n");
    db.configure(dir).load().migrate();
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      for (int a = 1; a <= 20; a++) {
        for (String b : new String[] {"x", "y,z", "%q", "w"}) {
          st.execute("INSERT INTO pairs VALUES (" + a + ", '" + b + "', 0)");
        }
      }
    }
    write(
        "V2__pairs.sql",
        "-- godwit:batch rows=7\nUPDATE pairs p SET n = p.n + 1;\n"
            + "-- godwit:batch rows=5\nDELETE FROM pairs WHERE b = 'w';\n");
    write("V2__pairs.sql.conf", "executeInTransaction=false\n");
    db.configure(dir).load().migrate();
    assertThat(db.query("SELECT COUNT(*) FROM pairs WHERE n = 1")).isEqualTo("60");
    assertThat(db.query("SELECT COUNT(*) FROM pairs")).isEqualTo("60");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailedBatchLeavesTheEarlierOnesAndMigrateContinuesAfterThem(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    counters(db);
    db.execute("UPDATE counters SET k = 0 WHERE id = 1700");
    // Division by zero at id 1700 fails the batch of rows 1501-1800 (MariaDB: in its default
    // strict mode).
    write(
        "V2__backfill.sql",
        "CREATE TABLE marker (id INT);\n"
            + "-- godwit:batch rows=300\n"
            + "UPDATE counters SET n = n + k / k;\n");
    write("V2__backfill.sql.conf", "executeInTransaction=false\n");
    Godwit godwit = db.configure(dir).load();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n = 1")).isEqualTo("1500");
    MigrationInfo v2 = version(godwit, "2");
    assertThat(v2.state()).isEqualTo(MigrationState.FAILED);
    assertThat(v2.backfill()).isEqualTo(new MigrationInfo.Backfill(3, "1500", 1500));

    db.execute("UPDATE counters SET k = 1 WHERE id = 1700");
    MigrateResult r = godwit.migrate();
    assertThat(r.applied()).extracting(a -> a.version()).containsExactly("2");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n = 1")).isEqualTo("2500");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n <> 1")).isEqualTo("0");
    assertThat(version(godwit, "2").state()).isEqualTo(MigrationState.SUCCESS);
    assertThat(version(godwit, "2").backfill()).isNull();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchInATransactionalMigrationIsRefusedNamingTheLine(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    counters(db);
    write(
        "V2__backfill.sql",
        "UPDATE counters SET k = 2 WHERE id = 1;\n-- godwit:batch\nUPDATE counters SET n = n + 1;\n");
    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
        .hasMessageContaining("V2__backfill.sql:3")
        .hasMessageContaining("executeInTransaction=false");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n = 1")).isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aTableWithoutAUsableKeyIsRefusedBeforeAnythingRuns(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__loose.sql", "CREATE TABLE loose (id INT, n INT NOT NULL);\n");
    write(
        "V2__backfill.sql",
        "CREATE TABLE first_statement (id INT);\n-- godwit:batch\nUPDATE loose SET n = n + 1;\n");
    write("V2__backfill.sql.conf", "executeInTransaction=false\n");
    Godwit godwit = db.configure(dir).load();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
        .hasMessageContaining("V2__backfill.sql:3")
        .hasMessageContaining("table loose has no primary key");
    assertThat(db.tableExists("first_statement")).isFalse();
    assertThat(version(godwit, "2").state()).isEqualTo(MigrationState.PENDING);

    write(
        "V2__backfill.sql",
        "CREATE TABLE first_statement (id INT);\n-- godwit:batch key=id\nUPDATE loose SET n = n + 1;\n");
    assertThatThrownBy(godwit::migrate).hasMessageContaining("loose.id may be NULL");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchThatTimesOutOnARowLockIsRetriedAlone(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    counters(db);
    write("V2__backfill.sql", "-- godwit:batch rows=500\nUPDATE counters SET n = n + 1;\n");
    write("V2__backfill.sql.conf", "executeInTransaction=false\nlockTimeout=1s\nlockRetries=20\n");
    try (Connection holder = db.connect()) {
      holder.setAutoCommit(false);
      try (Statement st = holder.createStatement()) {
        st.executeUpdate("UPDATE counters SET k = 1 WHERE id = 1800");
      }
      Thread release =
          new Thread(
              () -> {
                try {
                  Thread.sleep(2500);
                  holder.commit();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      release.start();
      long t0 = System.nanoTime();
      db.configure(dir).load().migrate();
      release.join();
      assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2000);
    }
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n = 1")).isEqualTo("2500");
    assertThat(db.query("SELECT COUNT(*) FROM counters WHERE n <> 1")).isEqualTo("0");
  }
}
