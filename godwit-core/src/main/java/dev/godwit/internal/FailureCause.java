package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Why a migration failed, as far as the error tells: the hint that follows depends on it, because
 * "fix the script" is wrong advice for a missing grant, a killed connection or a lost lock (issue
 * 17, defect 8). A statement lock timeout has its own advice ({@link LockRetry}).
 */
enum FailureCause {
  /** The script is wrong: a syntax error, an object that does not exist, a Java migration's bug. */
  SCRIPT(
      "  Fix the script and run migrate again.",
      "    - the script is wrong: undo the statements above by hand, run 'repair' (it removes the"
          + " failed row), fix the script, and migrate again\n"
          + "    - if the cause was outside the script (data, a grant), fix it and run 'migrate"
          + " --resume' to continue from the failed statement (the file must stay unchanged)\n"),
  /** The data did not fit the statement: a duplicate key, a NULL, a value out of range. */
  DATA(
      "  The data did not fit the statement (a duplicate, a NULL, a value out of range): fix the"
          + " data, or the script if it is wrong about the data, and run migrate again.",
      "    - fix the data and run 'migrate --resume' to continue from the failed statement (the"
          + " file must stay unchanged)\n"
          + "    - or undo the statements above by hand, run 'repair', change the script, and"
          + " migrate again\n"),
  /** The database user lacks a privilege (PostgreSQL 42501, MySQL/MariaDB 1142, 1044, ...). */
  PRIVILEGE(
      "  The database user lacks a privilege this statement needs; the script needs no change."
          + " Grant it (or run as a user who has it) and run migrate again.",
      "    - grant the missing privilege (or run as a user who has it) and run 'migrate --resume'"
          + " to continue from the failed statement (the file must stay unchanged)\n"
          + "    - or undo the statements above by hand, run 'repair', and migrate again\n"),
  /** The connection ended: the server or an administrator ended the session, the network cut it. */
  CONNECTION(
      "  The connection to the database was lost (the server or an administrator ended the"
          + " session, or the network cut it); nothing points at the script. Run migrate again"
          + " once the database is reachable.",
      "    - once the database is reachable, check whether the failed statement took effect (the"
          + " connection ended while it ran); if it did not, run 'migrate --resume' to continue"
          + " from it (the file must stay unchanged)\n"
          + "    - or undo the statements above by hand, run 'repair', and migrate again\n"),
  /** A statement did not fit in the JVM's heap. */
  MEMORY(
      "  Give the JVM more heap as said above and run migrate again, or split the statement.",
      "    - give the JVM more heap as said above and run 'migrate --resume' to continue from the"
          + " failed statement (the file must stay unchanged)\n"
          + "    - or undo the statements above by hand, run 'repair', split the statement, and"
          + " migrate again\n"),
  /** The migration lock's session ended: another runner may be migrating. */
  LOCK_LOST(
      "  The migration lock's session ended, so another runner may be migrating now; the script"
          + " needs no change. Run migrate again: it waits for any other runner.",
      "    - run 'migrate --resume' to continue from the failed statement once no other runner is"
          + " at work (the file must stay unchanged)\n"
          + "    - or undo the statements above by hand, run 'repair', and migrate again\n");

  // MySQL/MariaDB: table, database and login access denied, a missing SUPER (or other dynamic)
  // privilege, a missing routine privilege.
  private static final Set<Integer> MYSQL_PRIVILEGE = Set.of(1142, 1143, 1044, 1045, 1227, 1370);
  // MySQL/MariaDB: connection killed (1927), server gone away (2006), lost during a query (2013),
  // server shutdown (1053).
  private static final Set<Integer> MYSQL_CONNECTION = Set.of(1927, 2006, 2013, 1053);

  private final String rolledBackHint;
  private final String partlyAppliedChoices;

  FailureCause(String rolledBackHint, String partlyAppliedChoices) {
    this.rolledBackHint = rolledBackHint;
    this.partlyAppliedChoices = partlyAppliedChoices;
  }

  /** What to do when nothing of the migration stayed applied. */
  String rolledBackHint() {
    return rolledBackHint;
  }

  /** The first ways forward from a part-applied migration with a failed row, one line each. */
  String partlyAppliedChoices() {
    return partlyAppliedChoices;
  }

  static FailureCause of(Throwable cause) {
    if (cause instanceof GodwitException g && g.getCause() instanceof OutOfMemoryError) {
      return MEMORY;
    }
    if (cause instanceof GodwitException g) {
      return g.code() == ErrorCode.LOCK_LOST
          ? LOCK_LOST
          : g.code() == ErrorCode.CONNECTION ? CONNECTION : SCRIPT;
    }
    if (connectionLost(cause)) {
      return CONNECTION;
    }
    if (cause instanceof SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.equals("42501") || MYSQL_PRIVILEGE.contains(e.getErrorCode())) {
        return PRIVILEGE;
      }
      if (state.startsWith("22") || state.startsWith("23") || isMySqlDataError(e)) {
        return DATA;
      }
    }
    return SCRIPT;
  }

  /**
   * SQLSTATE class 08 (connection exception), PostgreSQL's 57P01-57P03 (administrator command,
   * crash, server starting), the drivers' connection exception types, or an I/O error underneath.
   */
  private static boolean connectionLost(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
        if (MYSQL_CONNECTION.contains(e.getErrorCode())) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** MySQL/MariaDB data errors whose SQLSTATE is the generic HY000/01000: truncation, NULL. */
  private static boolean isMySqlDataError(SQLException e) {
    int code = e.getErrorCode();
    return code == 1265 || code == 1264 || code == 1048 || code == 1062 || code == 1366;
  }
}
