package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.cli.CliBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Godwit and Flyway exclude each other on PostgreSQL: both take the advisory lock with Flyway's key
 * (flyway-compat.md §5.2), Flyway per transaction and Godwit per session.
 */
class LockIT {
  /** The key for "public"."flyway_schema_history": classid 18028, objid 4163491309. */
  private static final long FLYWAY_KEY = 77433833903597L;

  @TempDir Path dir;

  @Test
  void godwitWaitsForFlywaysLockThenFindsNothingToDo() throws Exception {
    Db db = Db.create("postgresql", dir);
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__slow.sql"), "SELECT pg_sleep(3);\nCREATE TABLE slow (id INT);\n");
    Tools tools = new Tools(db, sql, Map.of());
    AtomicReference<Throwable> flywayFailure = new AtomicReference<>();
    Thread flyway =
        new Thread(
            () -> {
              try {
                tools.flyway().migrate();
              } catch (Throwable t) {
                flywayFailure.set(t);
              }
            },
            "flyway-migrate");
    flyway.start();
    long heldKey = awaitAdvisoryLock(db);
    assertThat(heldKey).isEqualTo(FLYWAY_KEY);

    long start = System.nanoTime();
    CliBridge.Run run = tools.godwit("migrate", "--json");
    long waitedMs = (System.nanoTime() - start) / 1_000_000;
    flyway.join(60_000);
    assertThat(flywayFailure.get()).isNull();
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Tools.json(run.out()).get("migrationsApplied").asInt()).isZero();
    assertThat(waitedMs).isGreaterThan(1000);
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    System.out.println(
        "postgresql: Godwit waited " + waitedMs + " ms for Flyway's lock " + heldKey);
  }

  /** Waits until Flyway runs the slow migration under its advisory lock; returns the key. */
  private static long awaitAdvisoryLock(Db db) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND granted AND EXISTS (SELECT 1 FROM"
                    + " pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT"
                    + " pg_sleep(3)%')")) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("Flyway never took an advisory lock");
  }
}
