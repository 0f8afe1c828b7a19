package dev.godwit.bench.junit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** When each sample test started and ended: the gap between two tests is one fresh database. */
final class Clock {
  static final List<long[]> TESTS = new CopyOnWriteArrayList<>();
  static volatile long runStarted;

  private Clock() {}

  static long[] start() {
    long[] t = {System.nanoTime(), 0};
    TESTS.add(t);
    return t;
  }

  /** What every sample test does with its database: a query and a row written. */
  static void work(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t1")) {
      rs.next();
      s.executeUpdate("INSERT INTO t1 (id, name) VALUES (1000, 'written by the test')");
    }
  }

  static void end(long[] t) {
    t[1] = System.nanoTime();
  }
}
