package dev.godwit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL and MariaDB: {@code lock_wait_timeout} (metadata locks, which DDL waits for) and {@code
 * innodb_lock_wait_timeout} (row locks) for the session, in whole seconds, so a lockTimeout below a
 * second waits one second; on MariaDB also {@code max_statement_time}. The session's values are
 * read once and restored after each migration. A lock wait that gives up fails with error 1205.
 *
 * <p>Who holds a metadata lock is known exactly only with performance_schema on (MySQL 8 by
 * default, MariaDB when started with it). Otherwise the sessions with an open transaction or a
 * running statement are named as the likely holders.
 */
final class MySqlStatementLocks implements StatementLocks {
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int DEADLOCK = 1213;
  private static final int LOCK_NOWAIT = 3572;

  private static final String DESCRIBE =
      "SELECT p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE, p.INFO,"
          + " TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), CAST(t.trx_started AS CHAR)"
          + " FROM information_schema.PROCESSLIST p"
          + " LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID";

  // Sessions that may hold the lock: an open transaction or a running statement, not waiting for
  // a lock themselves (those queue behind the migration), not the migration nor this observer.
  private static final String LIKELY =
      DESCRIBE
          + " WHERE p.ID <> ? AND p.ID <> CONNECTION_ID() AND p.COMMAND NOT IN ('Daemon',"
          + " 'Binlog Dump', 'Killed') AND (t.trx_mysql_thread_id IS NOT NULL OR p.COMMAND ="
          + " 'Query') AND COALESCE(p.STATE, '') NOT LIKE 'Waiting for%lock%' ORDER BY p.TIME DESC";

  private static final String MDL_HOLDERS =
      "SELECT DISTINCT ht.PROCESSLIST_ID FROM performance_schema.metadata_locks w"
          + " JOIN performance_schema.threads wt ON wt.THREAD_ID = w.OWNER_THREAD_ID"
          + " JOIN performance_schema.metadata_locks h ON h.OBJECT_TYPE = w.OBJECT_TYPE"
          + " AND h.OBJECT_SCHEMA <=> w.OBJECT_SCHEMA AND h.OBJECT_NAME <=> w.OBJECT_NAME"
          + " AND h.LOCK_STATUS = 'GRANTED'"
          + " JOIN performance_schema.threads ht ON ht.THREAD_ID = h.OWNER_THREAD_ID"
          + " WHERE wt.PROCESSLIST_ID = ? AND w.LOCK_STATUS = 'PENDING' AND ht.PROCESSLIST_ID <> ?";

  private static final String ROW_LOCK_HOLDERS =
      "SELECT DISTINCT b.trx_mysql_thread_id FROM information_schema.INNODB_LOCK_WAITS w"
          + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
          + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
          + " WHERE r.trx_mysql_thread_id = ?";

  private final boolean mariaDb;
  private long[] sessionValues;
  private long sessionId = -1;

  MySqlStatementLocks(boolean mariaDb) {
    this.mariaDb = mariaDb;
  }

  /** The seconds MySQL can express for a lock timeout: at least one, rounded up. */
  static long seconds(java.time.Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  @Override
  public java.time.Duration effectiveLockTimeout(java.time.Duration lockTimeout) {
    return java.time.Duration.ofSeconds(seconds(lockTimeout));
  }

  @Override
  public List<String> sql(LockTimeoutPolicy policy, boolean transactional) {
    List<String> parts = new ArrayList<>(3);
    if (policy.lockTimeoutOn()) {
      long s = seconds(policy.lockTimeout());
      parts.add("lock_wait_timeout = " + s);
      parts.add("innodb_lock_wait_timeout = " + s);
    }
    if (policy.statementTimeoutOn() && mariaDb) {
      parts.add(
          "max_statement_time = "
              + String.format(Locale.ROOT, "%.3f", policy.statementTimeout().toMillis() / 1000.0));
    }
    return parts.isEmpty() ? List.of() : List.of("SET SESSION " + String.join(", ", parts));
  }

  @Override
  public Restore apply(Connection c, LockTimeoutPolicy policy, boolean transactional)
      throws SQLException {
    List<String> set = sql(policy, transactional);
    if (set.isEmpty()) {
      return Restore.NOTHING;
    }
    if (sessionValues == null) {
      sessionValues = read(c);
    }
    long[] before = sessionValues;
    Jdbc.execute(c, set.get(0));
    return () -> {
      String restore =
          "SET SESSION lock_wait_timeout = "
              + before[0]
              + ", innodb_lock_wait_timeout = "
              + before[1]
              + (mariaDb ? ", max_statement_time = " + before[2] / 1000.0 : "");
      Jdbc.execute(c, restore);
    };
  }

  /** The session's lock_wait_timeout, innodb_lock_wait_timeout and (MariaDB) max_statement_time. */
  private long[] read(Connection c) throws SQLException {
    String sql =
        "SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout"
            + (mariaDb ? ", @@SESSION.max_statement_time * 1000" : ", 0");
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), Math.round(rs.getDouble(3))};
    }
  }

  @Override
  public boolean isLockTimeout(Throwable failure) {
    return StatementLocks.find(
            failure,
            e ->
                e.getErrorCode() == LOCK_WAIT_TIMEOUT
                    || e.getErrorCode() == DEADLOCK
                    || e.getErrorCode() == LOCK_NOWAIT)
        != null;
  }

  @Override
  public long sessionId(Connection c) throws SQLException {
    if (sessionId < 0) {
      sessionId = Long.parseLong(Jdbc.queryString(c, "SELECT CONNECTION_ID()"));
    }
    return sessionId;
  }

  @Override
  public List<Blocker> blockers(Connection observer, long waiting) throws SQLException {
    String state;
    try (PreparedStatement ps =
        observer.prepareStatement(
            "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
      ps.setLong(1, waiting);
      try (ResultSet rs = ps.executeQuery()) {
        state = rs.next() ? String.valueOf(rs.getString(1)) : "";
      }
    }
    if (state.isEmpty() || state.equals("null")) {
      return List.of();
    }
    boolean metadata = state.contains("metadata lock");
    // A row lock wait shows as "Updating", "Sending data"...: InnoDB knows who holds the row.
    List<Long> ids =
        metadata
            ? holders(observer, MDL_HOLDERS, waiting, true)
            : holders(observer, ROW_LOCK_HOLDERS, waiting, false);
    if (ids != null && !ids.isEmpty()) {
      List<Blocker> out = new ArrayList<>();
      for (long id : ids) {
        out.addAll(query(observer, DESCRIBE + " WHERE p.ID = ?", id, true));
      }
      return out;
    }
    if (!metadata && ids != null) {
      return List.of(); // InnoDB answered: no row lock wait
    }
    return query(observer, LIKELY, waiting, false);
  }

  /** The holders by the query, or null when the server cannot tell (no such table). */
  private static List<Long> holders(Connection c, String sql, long waiting, boolean twice) {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, waiting);
      if (twice) {
        ps.setLong(2, waiting);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      return null;
    }
    return ids;
  }

  private static List<Blocker> query(Connection c, String sql, long parameter, boolean certain)
      throws SQLException {
    List<Blocker> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Blocker(rs.getLong(1), describe(rs), certain, rs.getString(10)));
        }
      }
    }
    return out;
  }

  private static String describe(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder("connection ").append(rs.getLong(1)).append(" (");
    sb.append("user '").append(rs.getString(2)).append("', host ").append(rs.getString(3));
    if (rs.getString(4) != null) {
      sb.append(", database ").append(rs.getString(4));
    }
    sb.append(", ").append(rs.getString(5)).append(" for ").append(rs.getLong(6)).append(" s");
    String state = rs.getString(7);
    if (state != null && !state.isEmpty()) {
      sb.append(", ").append(state);
    }
    long open = rs.getLong(9);
    if (!rs.wasNull()) {
      sb.append(", transaction open ").append(open).append(" s");
    }
    String query = StatementLocks.shortQuery(rs.getString(8));
    if (!query.isEmpty()) {
      sb.append(", query '").append(query).append("'");
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean ended(Connection observer, List<Blocker> blockers) throws SQLException {
    if (blockers.isEmpty()) {
      return false;
    }
    for (Blocker b : blockers) {
      boolean open =
          b.transaction() != null
              ? Jdbc.exists(
                  observer,
                  "SELECT 1 FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ? AND"
                      + " CAST(trx_started AS CHAR) = ?",
                  b.id(),
                  b.transaction())
              : Jdbc.exists(
                  observer,
                  "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND ="
                      + " 'Query'",
                  b.id());
      if (open) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String endSession(Blocker blocker) {
    return "KILL " + blocker.id();
  }
}
