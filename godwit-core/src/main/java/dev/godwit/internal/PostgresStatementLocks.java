package dev.godwit.internal;

import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: {@code lock_timeout} and {@code statement_timeout}, set with {@code SET LOCAL} inside
 * a migration's transaction (they end with it) and with {@code SET ... RESET} around a migration
 * without one. A SET in the script runs later and so wins. A lock wait that gives up fails with
 * SQLSTATE 55P03; {@code pg_blocking_pids} names who the statement waits for.
 */
final class PostgresStatementLocks implements StatementLocks {
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String DEADLOCK_DETECTED = "40P01";

  // The CTE runs pg_blocking_pids once (it is volatile, so it is never inlined into the join), and
  // only while the session waits for a lock: the function takes the lock manager's locks briefly.
  private static final String BLOCKERS =
      "WITH b AS (SELECT unnest(pg_blocking_pids(?)) AS pid WHERE EXISTS (SELECT 1 FROM"
          + " pg_stat_activity w WHERE w.pid = ? AND w.wait_event_type = 'Lock'))"
          + " SELECT a.pid, a.application_name, a.usename, a.client_addr, a.state,"
          + " extract(epoch FROM clock_timestamp() - a.xact_start), a.query, a.xact_start::text"
          + " FROM b JOIN pg_stat_activity a ON a.pid = b.pid ORDER BY a.xact_start NULLS LAST";

  private long sessionId = -1;

  @Override
  public List<String> sql(LockTimeoutPolicy policy, boolean transactional) {
    String set = transactional ? "SET LOCAL " : "SET ";
    List<String> out = new ArrayList<>(2);
    if (policy.lockTimeoutOn()) {
      out.add(set + "lock_timeout = '" + policy.lockTimeout().toMillis() + "ms'");
    }
    if (policy.statementTimeoutOn()) {
      out.add(set + "statement_timeout = '" + policy.statementTimeout().toMillis() + "ms'");
    }
    return out;
  }

  @Override
  public Restore apply(Connection c, LockTimeoutPolicy policy, boolean transactional)
      throws SQLException {
    List<String> set = sql(policy, transactional);
    for (String s : set) {
      Jdbc.execute(c, s);
    }
    if (transactional || set.isEmpty()) {
      return Restore.NOTHING;
    }
    // RESET returns to the role's and the database's own values, whatever the script set since.
    boolean lock = policy.lockTimeoutOn();
    boolean statement = policy.statementTimeoutOn();
    return () -> {
      if (lock) {
        Jdbc.execute(c, "RESET lock_timeout");
      }
      if (statement) {
        Jdbc.execute(c, "RESET statement_timeout");
      }
    };
  }

  @Override
  public boolean isLockTimeout(Throwable failure) {
    return StatementLocks.find(
            failure,
            e ->
                LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                    || DEADLOCK_DETECTED.equals(e.getSQLState()))
        != null;
  }

  @Override
  public long sessionId(Connection c) throws SQLException {
    if (sessionId < 0) {
      sessionId = Long.parseLong(Jdbc.queryString(c, "SELECT pg_backend_pid()"));
    }
    return sessionId;
  }

  @Override
  public List<Blocker> blockers(Connection observer, long waiting) throws SQLException {
    List<Blocker> out = new ArrayList<>();
    try (PreparedStatement ps = observer.prepareStatement(BLOCKERS)) {
      ps.setInt(1, (int) waiting);
      ps.setInt(2, (int) waiting);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Blocker(rs.getLong(1), describe(rs), true, rs.getString(8)));
        }
      }
    }
    return out;
  }

  private static String describe(ResultSet rs) throws SQLException {
    StringBuilder sb = new StringBuilder("pid ").append(rs.getLong(1)).append(" (");
    String app = rs.getString(2);
    sb.append("application '").append(app == null ? "" : app).append("'");
    sb.append(", user '").append(rs.getString(3)).append("'");
    String client = rs.getString(4);
    sb.append(", client ").append(client == null ? "local socket" : client);
    if (rs.getString(5) != null) {
      sb.append(", ").append(rs.getString(5));
    }
    double open = rs.getDouble(6);
    if (!rs.wasNull()) {
      sb.append(", transaction open ").append(String.format(Locale.ROOT, "%.1f s", open));
    }
    String query = StatementLocks.shortQuery(rs.getString(7));
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
      if (b.transaction() == null
          || Jdbc.exists(
              observer,
              "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND xact_start::text = ?",
              (int) b.id(),
              b.transaction())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String endSession(Blocker blocker) {
    return "SELECT pg_terminate_backend(" + blocker.id() + ")";
  }

  @Override
  public String beforeStatement(Connection c, Statement statement) throws SQLException {
    if (!statement.has(StatementFlag.NON_TRANSACTIONAL)) {
      return null;
    }
    InvalidIndexGuard.Target target = InvalidIndexGuard.target(statement.sql());
    return target == null ? null : InvalidIndexGuard.dropInvalid(c, target);
  }
}
