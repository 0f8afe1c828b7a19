package dev.godwit.internal;

import dev.godwit.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a database offers to bound the lock waits of a migration's statements: the session settings
 * that do it, how a lock timeout is reported, and who held the lock. One implementation per
 * database that has such settings; {@link Dialect#statementLocks()} is null for the others (H2,
 * SQLite).
 */
sealed interface StatementLocks permits PostgresStatementLocks, MySqlStatementLocks {

  /** Undoes what {@link #apply} set. */
  @FunctionalInterface
  interface Restore {
    /** Nothing to undo. */
    Restore NOTHING = () -> {};

    void run() throws SQLException;
  }

  /**
   * A session that held a lock a migration waited for.
   *
   * @param id the server's id of the session (PostgreSQL pid, MySQL connection id)
   * @param description who it is: application, user, client, state, how long its transaction has
   *     been open, the start of its query
   * @param certain false when the database could only name likely holders (MariaDB without
   *     performance_schema: sessions with open transactions)
   * @param transaction what tells its transaction apart from a later one of the same session (its
   *     start time as the server prints it), or null when unknown
   */
  record Blocker(long id, String description, boolean certain, String transaction) {}

  /** What the database waits for a lock timeout: the same, or rounded to what it can express. */
  default java.time.Duration effectiveLockTimeout(java.time.Duration lockTimeout) {
    return lockTimeout;
  }

  /** The statements {@link #apply} runs for a policy, as plan shows them; empty when none. */
  List<String> sql(LockTimeoutPolicy policy, boolean transactional);

  /**
   * Sets the policy's timeouts on the connection for one attempt of a migration, after its
   * transaction began (PostgreSQL's SET LOCAL ends with the transaction).
   *
   * @return what restores the session's previous values once the migration ends
   */
  Restore apply(Connection c, LockTimeoutPolicy policy, boolean transactional) throws SQLException;

  /**
   * Whether the failure is a lock wait that gave up, or a deadlock the database broke by failing
   * this statement: both leave nothing of the statement applied and are worth another attempt.
   */
  boolean isLockTimeout(Throwable failure);

  /** The server's id of the connection's session, as {@link #blockers} takes it. */
  long sessionId(Connection c) throws SQLException;

  /**
   * The sessions that {@code waiting} waits for right now; empty when it waits for no lock. Runs on
   * another connection while the migration's statement waits.
   */
  List<Blocker> blockers(Connection observer, long waiting) throws SQLException;

  /**
   * Whether every blocker's transaction has ended (so a retry need not wait out its pause). False
   * when any is still open, or when the blockers cannot be told apart from later transactions.
   */
  boolean ended(Connection observer, List<Blocker> blockers) throws SQLException;

  /** How an operator ends a blocking session, e.g. {@code SELECT pg_terminate_backend(4242)}. */
  String endSession(Blocker blocker);

  /**
   * Runs before each statement of a migration without a transaction, including retries and the
   * statement a resume starts at. Returns what it cleaned up, described, or null.
   */
  default String beforeStatement(Connection c, Statement statement) throws SQLException {
    return null;
  }

  /** The first chained SQLException of a failure with one of the codes, or null. */
  static SQLException find(Throwable failure, java.util.function.Predicate<SQLException> test) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        for (SQLException n = e; n != null; n = n.getNextException()) {
          if (test.test(n)) {
            return n;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** A query's text on one line, at most 100 characters, for a blocker's description. */
  static String shortQuery(String query) {
    if (query == null) {
      return "";
    }
    String q = query.replaceAll("\\s+", " ").trim();
    return q.length() > 100 ? q.substring(0, 100) + "..." : q;
  }
}
