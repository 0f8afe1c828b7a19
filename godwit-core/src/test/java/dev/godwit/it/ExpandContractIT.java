package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrationInfo;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays the deploy of {@code examples/expand-contract} with traffic: the old code (reads and writes
 * {@code users.name}) runs through {@code migrate --phase pre} and the rollout; the new code (reads
 * and writes {@code full_name} only) runs from the rollout through {@code migrate --phase post},
 * its backfill and the contract. No query of a live code version may fail, and the schema ends
 * contracted: no {@code name}, {@code full_name} NOT NULL and filled in every row.
 */
class ExpandContractIT {
  private static final Path EXAMPLE = Paths.get("..", "examples", "expand-contract");

  static List<TestDatabase.Factory> databases() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  /** One application instance: its own connection, its queries in a loop, failures counted. */
  private static final class Code extends Thread {
    private final TestDatabase db;
    private final boolean newCode;
    private final AtomicLong ids;
    private final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger queries = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    Code(TestDatabase db, boolean newCode, AtomicLong ids) {
      this.db = db;
      this.newCode = newCode;
      this.ids = ids;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (Connection c = db.connect()) {
        while (!stop.get()) {
          long id = ids.incrementAndGet();
          try {
            String column = newCode ? "full_name" : "name";
            insert(c, column, id, (newCode ? "New " : "Old ") + id);
            read(c, "SELECT " + column + " FROM users WHERE id = ?", id);
            rename(c, column, id);
            queries.addAndGet(3);
          } catch (SQLException e) {
            failures.add((newCode ? "new code: " : "old code: ") + e.getMessage());
          }
        }
      } catch (SQLException e) {
        failures.add("connect: " + e.getMessage());
      }
    }

    private static void insert(Connection c, String column, long id, String value)
        throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO users (id, " + column + ", email) VALUES (?, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, value);
        ps.setString(3, "u" + id + "@example.com");
        ps.executeUpdate();
      }
    }

    private static void rename(Connection c, String column, long id) throws SQLException {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE users SET " + column + " = ? WHERE id = ?")) {
        ps.setString(1, "Renamed " + id);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
    }

    private static void read(Connection c, String sql, long id) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
        }
      }
    }

    void finish() throws InterruptedException {
      stop.set(true);
      join(30_000);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void oldAndNewCodeKeepWorkingThroughTheWholeDeploy(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    String dialect = db.kind() == TestDatabase.Kind.MARIADB ? "mariadb" : "postgresql";
    Godwit godwit =
        db.configure(EXAMPLE)
            .locations(
                "filesystem:" + EXAMPLE.resolve("migrations"),
                "filesystem:" + EXAMPLE.resolve("migrations-" + dialect))
            .load();
    // Release 1 is live: its table, and the old code using it.
    db.configure(EXAMPLE)
        .locations("filesystem:" + EXAMPLE.resolve("migrations"))
        .set(dev.godwit.api.ConfigKey.TARGET, "1")
        .load()
        .migrate();
    AtomicLong ids = new AtomicLong();
    Code old = new Code(db, false, ids);
    old.start();
    Thread.sleep(300);

    // Release 2, before its code is deployed: expand.
    assertThat(godwit.migrate(DeployPhase.PRE).applied())
        .extracting(a -> a.version())
        .containsExactly("2");
    Thread.sleep(300);
    assertThat(old.queries.get()).isPositive();

    // The new code rolls out: both versions run side by side, then the old one is gone.
    Code current = new Code(db, true, ids);
    current.start();
    Thread.sleep(500);
    old.finish();
    assertThat(old.failures).isEmpty();

    MigrationInfo backfill =
        godwit.info().migrations().stream()
            .filter(m -> "3".equals(m.version()))
            .findFirst()
            .orElseThrow();
    assertThat(backfill.waitsForPostDeploy()).isTrue();
    // Every instance runs the new code: the backfill, then the contract.
    assertThat(godwit.migrate(DeployPhase.POST).applied())
        .extracting(a -> a.version())
        .containsExactly("3", "4");
    Thread.sleep(300);
    current.finish();
    assertThat(current.failures).isEmpty();
    assertThat(current.queries.get()).isPositive();

    assertThat(db.query("SELECT COUNT(*) FROM users WHERE full_name IS NULL")).isEqualTo("0");
    assertThat(db.query("SELECT COUNT(*) FROM users")).isEqualTo(String.valueOf(ids.get()));
    try (Connection c = db.connect();
        ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, "users", "%")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + (rs.getInt("NULLABLE") == 0 ? " not null" : ""));
      }
      assertThat(columns).containsExactlyInAnyOrder("id not null", "email", "full_name not null");
    }
    assertThat(godwit.validate().valid()).isTrue();
  }
}
