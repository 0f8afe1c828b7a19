package dev.godwit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * How far each failed migration got, beside the history table ({@code <table>_progress}), so the
 * history itself stays exactly as Flyway writes it. Rows stay after the failure is resolved, with
 * who resolved it, when and how: they are the audit trail of part-applied migrations. The {@code
 * cleanup} column records what Godwit dropped on its own before running a statement again (an
 * INVALID index left by an interrupted CREATE INDEX CONCURRENTLY); a migration that needed such a
 * cleanup but then succeeded gets a row resolved as {@code CLEANED}.
 *
 * <p>A migration with a batched backfill ({@code -- godwit:batch}) gets its failed history row and
 * its progress row before it starts, so that a runner killed at any moment leaves a row saying how
 * far it got; each batch moves {@code batch_key} (the last key done) and {@code batch_rows} in the
 * transaction of the batch itself. Once the migration completes, its row is resolved as {@code
 * COMPLETED} (or {@code RESUMED}) and keeps the rows done and the longest batch.
 *
 * <p>Every migration without a transaction gets the same: its failed history row and an open
 * progress row before it starts, then {@code statement_started = k} before statement k runs and
 * {@code statements_applied = k} after it committed. A runner killed between the two leaves {@code
 * statement_started > statements_applied}: statement k's outcome is unknown, and the next run says
 * so ({@link InterruptedStatement}). A failure the runner records itself sets {@code
 * statement_started} back to null, since a statement that failed did not apply. A plain migration
 * that completes has its row deleted; one that needed a cleanup keeps it as {@code CLEANED}.
 */
final class ProgressTable {
  /**
   * One failed migration's progress.
   *
   * @param rank the installed_rank of its failed history row
   * @param applied how many statements ran and stayed applied
   * @param total how many statements the migration has
   * @param failedLine the line of the statement that failed
   * @param checksum the checksum of the file that failed
   * @param resolution null while open; RESUMED, COMPLETED, MARKED_APPLIED or REPAIRED once resolved
   * @param batchLine the line of the backfill statement under way, or null
   * @param batchKey the key of the last row its committed batches covered, encoded by {@link
   *     Backfill.Key}, or null before the first batch
   * @param batchRows rows its committed batches changed, or null for a migration without a backfill
   * @param started the statement its runner last started (counted from 1; 0 before the first),
   *     while the run is under way or was interrupted; null once the runner recorded a failure or
   *     for rows written before statements were tracked
   */
  record Progress(
      int rank,
      int applied,
      int total,
      int failedLine,
      Integer checksum,
      String resolution,
      Integer batchLine,
      String batchKey,
      Long batchRows,
      Integer started) {

    /**
     * Whether this is a migration with a backfill that is running or was interrupted (its runner
     * killed, or a batch failed): {@code migrate} continues it without being asked.
     */
    boolean inBackfill() {
      return resolution == null && batchRows != null;
    }

    /** Whether its runner stopped without recording a failure (killed, or still running). */
    boolean interrupted() {
      return resolution == null && started != null;
    }

    /** Whether statement {@link #started} may or may not have been applied. */
    boolean inDoubt() {
      return interrupted() && started > applied;
    }

    /** The same progress with {@code applied} statements known to be applied, none in doubt. */
    Progress continuingAfter(int applied) {
      return new Progress(
          rank,
          applied,
          total,
          failedLine,
          checksum,
          resolution,
          batchLine,
          batchKey,
          batchRows,
          applied);
    }
  }

  private final Dialect dialect;
  private final String schema;
  private final String table;
  private final String qualified;
  private boolean startedColumnReady;

  ProgressTable(Dialect dialect, String schema, String historyTable) {
    this.dialect = dialect;
    this.schema = schema;
    this.table = historyTable + "_progress";
    this.qualified = dialect.quote(schema) + "." + dialect.quote(table);
  }

  private void ensure(Connection c) throws SQLException {
    if (dialect.tableExists(c, schema, table)) {
      return;
    }
    Jdbc.execute(
        c,
        "CREATE TABLE "
            + qualified
            + " (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), script"
            + " VARCHAR(1000) NOT NULL, checksum INT, statements_applied INT NOT NULL,"
            + " statements_total INT NOT NULL, failed_line INT NOT NULL, error VARCHAR(2000),"
            + " recorded_by VARCHAR(100) NOT NULL, recorded_on TIMESTAMP DEFAULT"
            + " CURRENT_TIMESTAMP, resolution VARCHAR(20), resolved_by VARCHAR(100), resolved_on"
            + " TIMESTAMP NULL, cleanup VARCHAR(2000), batch_line INT, batch_key VARCHAR(1000),"
            + " batch_rows BIGINT, batch_longest_ms BIGINT, statement_started INT)");
  }

  /** Tables made before statements were tracked get the column when it is first needed. */
  private void ensureStartedColumn(Connection c) throws SQLException {
    if (startedColumnReady) {
      // Checked once per session: every migration without a transaction comes here.
      return;
    }
    ensureCleanupColumn(c);
    if (!hasColumn(c, "statement_started")) {
      Jdbc.execute(c, "ALTER TABLE " + qualified + " ADD COLUMN statement_started INT");
    }
    startedColumnReady = true;
  }

  /**
   * Before a migration without a transaction starts: its progress row, open, so that a runner
   * killed at any moment leaves a record of how far it got.
   */
  void startStatements(Connection c, HistoryRow running, int total, String by) throws SQLException {
    ensureStartedColumn(c);
    archiveResolved(c, running.rank());
    delete(c, running.rank());
    insert(
        c,
        running,
        0,
        total,
        0,
        "in progress: statements run one by one; if its runner is gone, the next migrate says"
            + " where it stopped",
        by,
        false);
  }

  /** Before statement {@code k} runs (it commits by itself): its intent. */
  void statementStarted(Connection c, int rank, int k, int line) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET statement_started = ?, failed_line = ? WHERE installed_rank = ?")) {
      ps.setInt(1, k);
      ps.setInt(2, line);
      ps.setInt(3, rank);
      ps.executeUpdate();
    }
  }

  /**
   * A migration without a transaction completed: its row goes, unless it records a cleanup, which
   * stays as CLEANED.
   */
  void completeStatements(Connection c, HistoryRow row, String by) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM " + qualified + " WHERE installed_rank = ? AND cleanup IS NULL")) {
      ps.setInt(1, row.rank());
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET resolution = 'CLEANED', resolved_by = ?, resolved_on = CURRENT_TIMESTAMP,"
                + " statement_started = NULL WHERE installed_rank = ?")) {
      ps.setString(1, by);
      ps.setInt(2, row.rank());
      ps.executeUpdate();
    }
  }

  /** Tables made before backfills existed get their columns when a backfill first needs them. */
  private void ensureBatchColumns(Connection c) throws SQLException {
    ensureCleanupColumn(c);
    for (String column :
        new String[] {
          "batch_line INT",
          "batch_key VARCHAR(1000)",
          "batch_rows BIGINT",
          "batch_longest_ms BIGINT"
        }) {
      String name = column.substring(0, column.indexOf(' '));
      if (!hasColumn(c, name)) {
        Jdbc.execute(c, "ALTER TABLE " + qualified + " ADD COLUMN " + column);
      }
    }
  }

  /**
   * Before a migration with a backfill starts: its progress row, open, so that a runner killed at
   * any moment leaves a record of how far it got.
   */
  void startBackfill(Connection c, HistoryRow running, int total, String by) throws SQLException {
    ensureBatchColumns(c);
    ensureStartedColumn(c);
    archiveResolved(c, running.rank());
    delete(c, running.rank());
    insert(
        c,
        running,
        0,
        total,
        0,
        "in progress: a batched backfill; if its runner is gone, migrate continues it",
        by,
        true);
  }

  /** After a statement of a migration with a backfill ran (it committed by itself). */
  void statementsDone(Connection c, int rank, int applied) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET statements_applied = ?, batch_line = NULL, batch_key = NULL WHERE"
                + " installed_rank = ?")) {
      ps.setInt(1, applied);
      ps.setInt(2, rank);
      ps.executeUpdate();
    }
  }

  /**
   * In the transaction of a batch: how far the backfill got. With {@code key} null the statement is
   * done: {@code applied} then counts it.
   */
  void batchDone(
      Connection c, int rank, int applied, int line, String key, long rows, long longestMs)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET statements_applied = ?, failed_line = ?, batch_line = ?, batch_key = ?,"
                + " batch_rows = ?, batch_longest_ms = CASE WHEN batch_longest_ms IS NULL OR"
                + " batch_longest_ms < ? THEN ? ELSE batch_longest_ms END WHERE installed_rank ="
                + " ?")) {
      ps.setInt(1, applied);
      ps.setInt(2, line);
      if (key == null) {
        ps.setNull(3, java.sql.Types.INTEGER);
      } else {
        ps.setInt(3, line);
      }
      ps.setString(4, key);
      ps.setLong(5, rows);
      ps.setLong(6, longestMs);
      ps.setLong(7, longestMs);
      ps.setInt(8, rank);
      if (ps.executeUpdate() != 1) {
        throw new SQLException(
            "the progress row of installed_rank " + rank + " is gone; the backfill stops");
      }
    }
  }

  /** Tables made before the cleanup column existed get it when it is first needed. */
  private void ensureCleanupColumn(Connection c) throws SQLException {
    ensure(c);
    if (!hasColumn(c, "cleanup")) {
      Jdbc.execute(c, "ALTER TABLE " + qualified + " ADD COLUMN cleanup VARCHAR(2000)");
    }
  }

  /**
   * Records what Godwit cleaned up before running a statement of a migration: appended to its row,
   * or in a new row resolved as CLEANED when the migration has none (it has not failed so far).
   */
  void noteCleanup(
      Connection c, HistoryRow migration, int applied, int total, int line, String what, String by)
      throws SQLException {
    ensureCleanupColumn(c);
    String entry = what.length() > 900 ? what.substring(0, 900) : what;
    if (current(c, migration)) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE "
                  + qualified
                  + " SET cleanup = CASE WHEN cleanup IS NULL THEN ? ELSE CONCAT(cleanup, '; ', ?)"
                  + " END WHERE installed_rank = ?")) {
        ps.setString(1, entry);
        ps.setString(2, entry);
        ps.setInt(3, migration.rank());
        ps.executeUpdate();
      }
      return;
    }
    delete(c, migration.rank());
    insert(c, migration, applied, total, line, null, by);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET cleanup = ?, resolution = 'CLEANED', resolved_by = ?, resolved_on ="
                + " CURRENT_TIMESTAMP WHERE installed_rank = ?")) {
      ps.setString(1, entry);
      ps.setString(2, by);
      ps.setInt(3, migration.rank());
      ps.executeUpdate();
    }
  }

  void record(
      Connection c,
      HistoryRow failed,
      int applied,
      int total,
      int failedLine,
      String error,
      String by)
      throws SQLException {
    ensure(c);
    if (current(c, failed)) {
      // This run's own row (a resumed failure, or a cleanup noted before this failure) keeps its
      // cleanup entries.
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE "
                  + qualified
                  + " SET statements_applied = ?, statements_total = ?, failed_line = ?, error ="
                  + " ?, recorded_by = ?, recorded_on = CURRENT_TIMESTAMP, resolution = NULL,"
                  + " resolved_by = NULL, resolved_on = NULL"
                  + (hasStarted(c) ? ", statement_started = NULL" : "")
                  + " WHERE installed_rank = ?")) {
        ps.setInt(1, applied);
        ps.setInt(2, total);
        ps.setInt(3, failedLine);
        ps.setString(4, clip(error));
        ps.setString(5, by);
        ps.setInt(6, failed.rank());
        ps.executeUpdate();
      }
      return;
    }
    delete(c, failed.rank());
    insert(c, failed, applied, total, failedLine, error, by);
  }

  /**
   * Whether the rank's row belongs to this migration and is still open (or only noted a cleanup).
   * Any other row is stale: its failed history row was repaired away and the rank was reused.
   */
  private boolean current(Connection c, HistoryRow m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT script, checksum, resolution FROM "
                + qualified
                + " WHERE installed_rank = ?")) {
      ps.setInt(1, m.rank());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        int cs = rs.getInt(2);
        Integer checksum = rs.wasNull() ? null : cs;
        String resolution = rs.getString(3);
        return HistoryTable.truncateScript(m.script()).equals(rs.getString(1))
            && java.util.Objects.equals(checksum, m.checksum())
            && (resolution == null || resolution.equals("CLEANED"));
      }
    }
  }

  /**
   * A resolved row at the rank a new run is about to use is the audit of an earlier failure whose
   * history row repair removed (freeing its rank): it moves to a negative rank, which no history
   * row has, instead of being overwritten.
   */
  private void archiveResolved(Connection c, int rank) throws SQLException {
    if (!Jdbc.exists(
        c,
        "SELECT 1 FROM " + qualified + " WHERE installed_rank = ? AND resolution IS NOT NULL",
        rank)) {
      return;
    }
    int lowest;
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(installed_rank) FROM " + qualified);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      lowest = Math.min(0, rs.getInt(1));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE " + qualified + " SET installed_rank = ? WHERE installed_rank = ?")) {
      ps.setInt(1, lowest - 1);
      ps.setInt(2, rank);
      ps.executeUpdate();
    }
  }

  private boolean hasStarted(Connection c) throws SQLException {
    return hasColumn(c, "statement_started");
  }

  /**
   * Whether the table has the column, from an empty query's metadata: SQLite has no
   * INFORMATION_SCHEMA, and every dialect answers this the same way.
   */
  private boolean hasColumn(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified + " WHERE 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }
  }

  private void delete(Connection c, int rank) throws SQLException {
    try (PreparedStatement del =
        c.prepareStatement("DELETE FROM " + qualified + " WHERE installed_rank = ?")) {
      del.setInt(1, rank);
      del.executeUpdate();
    }
  }

  private static String clip(String error) {
    return error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  private void insert(
      Connection c,
      HistoryRow failed,
      int applied,
      int total,
      int failedLine,
      String error,
      String by)
      throws SQLException {
    insert(c, failed, applied, total, failedLine, error, by, "", "");
  }

  /**
   * The open row of a run about to start, in one statement (a runner killed right after it leaves a
   * complete row): statement_started 0, and batch_rows 0 for a backfill.
   */
  private void insert(
      Connection c,
      HistoryRow running,
      int applied,
      int total,
      int failedLine,
      String error,
      String by,
      boolean backfill)
      throws SQLException {
    insert(
        c,
        running,
        applied,
        total,
        failedLine,
        error,
        by,
        backfill ? ", statement_started, batch_rows" : ", statement_started",
        backfill ? ", 0, 0" : ", 0");
  }

  private void insert(
      Connection c,
      HistoryRow failed,
      int applied,
      int total,
      int failedLine,
      String error,
      String by,
      String moreColumns,
      String moreValues)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + qualified
                + " (installed_rank, version, script, checksum, statements_applied,"
                + " statements_total, failed_line, error, recorded_by"
                + moreColumns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?"
                + moreValues
                + ")")) {
      ps.setInt(1, failed.rank());
      ps.setString(2, failed.version());
      ps.setString(3, HistoryTable.truncateScript(failed.script()));
      if (failed.checksum() == null) {
        ps.setNull(4, java.sql.Types.INTEGER);
      } else {
        ps.setInt(4, failed.checksum());
      }
      ps.setInt(5, applied);
      ps.setInt(6, total);
      ps.setInt(7, failedLine);
      ps.setString(8, clip(error));
      ps.setString(9, by);
      ps.executeUpdate();
    }
  }

  /** Open and resolved progress rows by rank; empty when the table does not exist. */
  Map<Integer, Progress> read(Connection c) throws SQLException {
    Map<Integer, Progress> out = new HashMap<>();
    if (!dialect.tableExists(c, schema, table)) {
      return out;
    }
    // SELECT *: tables made by older versions lack the batch columns, and info must not alter them.
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified);
        ResultSet rs = ps.executeQuery()) {
      java.util.Set<String> columns = new java.util.HashSet<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
      }
      boolean batches = columns.contains("batch_key");
      boolean starts = columns.contains("statement_started");
      while (rs.next()) {
        int cs = rs.getInt("checksum");
        Integer checksum = rs.wasNull() ? null : cs;
        Integer batchLine = null;
        String batchKey = null;
        Long batchRows = null;
        if (batches) {
          int bl = rs.getInt("batch_line");
          batchLine = rs.wasNull() ? null : bl;
          batchKey = rs.getString("batch_key");
          long br = rs.getLong("batch_rows");
          batchRows = rs.wasNull() ? null : br;
        }
        Integer started = null;
        if (starts) {
          int st = rs.getInt("statement_started");
          started = rs.wasNull() ? null : st;
        }
        int rank = rs.getInt("installed_rank");
        out.put(
            rank,
            new Progress(
                rank,
                rs.getInt("statements_applied"),
                rs.getInt("statements_total"),
                rs.getInt("failed_line"),
                checksum,
                rs.getString("resolution"),
                batchLine,
                batchKey,
                batchRows,
                started));
      }
    }
    return out;
  }

  /** Records how a failure was resolved; creates the row when the failure predates tracking. */
  void resolve(Connection c, HistoryRow failed, String resolution, String by) throws SQLException {
    ensure(c);
    boolean exists;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + qualified + " WHERE installed_rank = ?")) {
      ps.setInt(1, failed.rank());
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (!exists) {
      record(c, failed, 0, 0, 0, "recorded when resolved; no progress was tracked", by);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + qualified
                + " SET resolution = ?, resolved_by = ?, resolved_on = CURRENT_TIMESTAMP WHERE"
                + " installed_rank = ?")) {
      // statement_started stays as it was: with the resolution set, nothing reads it as open.
      ps.setString(1, resolution);
      ps.setString(2, by);
      ps.setInt(3, failed.rank());
      ps.executeUpdate();
    }
  }
}
