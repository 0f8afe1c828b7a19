package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks, before any migration runs, what would otherwise fail only after a migration's DDL ran: on
 * a database whose DDL commits by itself the object would then stay, with no history row. Two
 * things: each pending version fits the history table's {@code version} column (descriptions and
 * script names are shortened as Flyway does, versions cannot be), and the user may insert into the
 * history table (tried in a transaction that is rolled back).
 */
final class Preflight {

  private Preflight() {}

  /**
   * @param pending the migrations about to run
   * @param rank a free installed rank, for the trial row
   */
  static void check(Session s, List<ResolvedMigration> pending, int rank) {
    if (pending.isEmpty() || s.dialect.sqlDialect() == SqlDialect.SQLITE) {
      return; // SQLite has neither column lengths nor rights
    }
    try {
      int width = versionWidth(s);
      for (ResolvedMigration m : pending) {
        String version = m.versionText();
        if (version != null && width > 0 && version.length() > width) {
          throw new GodwitException(
              ErrorCode.NAMING,
              m.script()
                  + ": its version '"
                  + version
                  + "' has "
                  + version.length()
                  + " characters; the history table's version column holds "
                  + width
                  + ". Nothing was run. Shorten the version in the file name, or widen the column"
                  + " (ALTER the version column of "
                  + s.history.schema()
                  + "."
                  + s.history.table()
                  + " to VARCHAR("
                  + version.length()
                  + ")).");
        }
      }
      tryInsert(s, pending.get(0), rank);
    } catch (SQLException e) {
      throw s.sqlFailure("check the history table before migrating", e);
    }
  }

  /** The declared width of the version column; 0 when the driver does not say. */
  private static int versionWidth(Session s) throws SQLException {
    Connection c = s.connection;
    for (String[] names :
        List.of(
            new String[] {s.history.schema(), s.history.table()},
            new String[] {
              s.history.schema().toUpperCase(java.util.Locale.ROOT),
              s.history.table().toUpperCase(java.util.Locale.ROOT)
            })) {
      boolean catalogIsSchema = s.dialect.sqlDialect().family() == SqlDialect.MYSQL;
      try (ResultSet rs =
          c.getMetaData()
              .getColumns(
                  catalogIsSchema ? names[0] : null,
                  catalogIsSchema ? null : names[0],
                  names[1],
                  null)) {
        while (rs.next()) {
          if ("version".equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
            return rs.getInt("COLUMN_SIZE");
          }
        }
      }
    }
    return 0;
  }

  /**
   * Inserts the first pending migration's row and rolls it back: a missing INSERT right (or a
   * read-only table) shows now, with nothing run.
   */
  private static void tryInsert(Session s, ResolvedMigration first, int rank) throws SQLException {
    Connection c = s.connection;
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      s.history.insert(c, HistoryRow.applied(first, rank, s.installedBy).withOutcome(0, true));
    } catch (SQLException e) {
      throw new GodwitException(
          ErrorCode.MIGRATION_FAILED,
          "Cannot write to the history table "
              + s.history.schema()
              + "."
              + s.history.table()
              + " as user '"
              + s.installedBy
              + "': "
              + e.getMessage()
              + ". Nothing was run. Grant the user INSERT and UPDATE on it (and DELETE for repair"
              + " and undo), or migrate as its owner.",
          e);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }
}
