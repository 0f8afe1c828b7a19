package dev.godwit.bench.backfill;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batched backfill ({@code -- godwit:batch}) against one plain UPDATE of the same rows, which is
 * what Flyway runs: throughput in rows/s, the longest a batch held its row locks (from the
 * progress table), and the longest a concurrent writer of random rows waited meanwhile.
 *
 * <p>{@code java ... BackfillBench [rows] [batchRows]}; PostgreSQL at 127.0.0.1:5432 (postgres) and
 * MariaDB at 127.0.0.1:3306 (root), both without a password.
 */
public final class BackfillBench {
  private BackfillBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    System.out.println(
        "| database | approach | rows | time | rows/s | longest lock held | longest writer wait |");
    System.out.println("|---|---|---|---|---|---|---|");
    run("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/", "postgres", rows, batch);
    run("MariaDB", "jdbc:mariadb://127.0.0.1:3306/", "root", rows, batch);
  }

  private static void run(String name, String base, String user, int rows, int batch)
      throws Exception {
    String db = "bench_backfill_" + Long.toHexString(System.nanoTime());
    String admin = base + (name.equals("PostgreSQL") ? "postgres" : "");
    admin(admin, user, "CREATE DATABASE " + db);
    String url = base + db;
    try {
      for (String approach : new String[] {"one UPDATE (Flyway)", "godwit:batch rows=" + batch}) {
        fill(url, user, rows);
        Probe probe = new Probe(url, user, rows);
        probe.start();
        long t0 = System.nanoTime();
        long lockMs;
        if (approach.startsWith("one")) {
          try (Connection c = DriverManager.getConnection(url, user, "");
              Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE counters SET n = n + 1");
          }
          lockMs = (System.nanoTime() - t0) / 1_000_000; // every row stays locked to the end
        } else {
          Path dir = Files.createTempDirectory("backfill-bench");
          Files.writeString(
              dir.resolve("V2__backfill.sql"),
              "-- godwit:batch rows=" + batch + "\nUPDATE counters SET n = n + 1;\n");
          Files.writeString(dir.resolve("V2__backfill.sql.conf"), "executeInTransaction=false\n");
          // The table exists already: baseline at 1, then the backfill is V2.
          Godwit.configure()
              .url(url, user, "")
              .locations("filesystem:" + dir)
              .set(ConfigKey.BASELINE_ON_MIGRATE, true)
              .load()
              .migrate();
          lockMs =
            query(
                url,
                user,
                "SELECT batch_longest_ms FROM godwit_schema_history_progress WHERE version = '2'");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        probe.finish();
        long wrong = query(url, user, "SELECT COUNT(*) FROM counters WHERE n <> 1");
        if (wrong != 0) {
          throw new IllegalStateException(wrong + " rows not updated exactly once");
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %,d | %.2f s | %,.0f | %,d ms | %,d ms |%n",
            name,
            approach,
            rows,
            ms / 1000.0,
            rows * 1000.0 / ms,
            lockMs,
            probe.longestMs());
        query(url, user, "SELECT 1");
        exec(url, user, "DROP TABLE IF EXISTS godwit_schema_history_progress");
        exec(url, user, "DROP TABLE IF EXISTS godwit_schema_history");
      }
    } finally {
      admin(
          admin,
          user,
          "DROP DATABASE IF EXISTS " + db + (name.equals("PostgreSQL") ? " WITH (FORCE)" : ""));
    }
  }

  /** A writer of random rows, one at a time in autocommit, timing each. */
  private static final class Probe extends Thread {
    private final String url;
    private final String user;
    private final int rows;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong longest = new AtomicLong();

    Probe(String url, String user, int rows) {
      this.url = url;
      this.user = user;
      this.rows = rows;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (Connection c = DriverManager.getConnection(url, user, "");
          PreparedStatement ps = c.prepareStatement("UPDATE counters SET pad = ? WHERE id = ?")) {
        while (!stop.get()) {
          ps.setString(1, "p");
          ps.setLong(2, 1 + ThreadLocalRandom.current().nextInt(rows));
          long t0 = System.nanoTime();
          ps.executeUpdate();
          longest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
          Thread.sleep(2);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    long longestMs() {
      return longest.get();
    }

    void finish() throws InterruptedException {
      stop.set(true);
      join();
    }
  }

  private static void fill(String url, String user, int rows) throws SQLException {
    exec(url, user, "DROP TABLE IF EXISTS counters");
    exec(
        url,
        user,
        "CREATE TABLE counters (id BIGINT PRIMARY KEY, n INT NOT NULL, pad VARCHAR(100))");
    exec(
        url,
        user,
        url.startsWith("jdbc:postgresql")
            ? "INSERT INTO counters SELECT g, 0, 'x' FROM generate_series(1, " + rows + ") g"
            : "INSERT INTO counters SELECT seq, 0, 'x' FROM seq_1_to_" + rows);
    exec(url, user, url.startsWith("jdbc:postgresql") ? "ANALYZE counters" : "ANALYZE TABLE counters");
  }

  private static long query(String url, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(String url, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static void admin(String url, String user, String sql) throws SQLException {
    exec(url, user, sql);
  }
}
