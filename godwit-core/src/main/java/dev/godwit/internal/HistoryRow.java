package dev.godwit.internal;

import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.time.Instant;
import java.util.List;

/**
 * One row of the history table. Rows read from the table come from {@link HistoryTable#read}; rows
 * Godwit writes come from the factories below, one per kind of row, so each kind is spelled out
 * once.
 *
 * @param rank installed_rank
 * @param version the version text as stored, or null
 * @param description the description
 * @param type the type
 * @param script the script or class
 * @param checksum the checksum, or null
 * @param installedBy who applied it
 * @param installedOn when; null on a row not yet written (the database fills it in)
 * @param executionTime milliseconds
 * @param success whether it completed
 */
record HistoryRow(
    int rank,
    String version,
    String description,
    MigrationType type,
    String script,
    Integer checksum,
    String installedBy,
    Instant installedOn,
    int executionTime,
    boolean success) {

  /** Flyway's description of the marker row for schemas it created. */
  static final String SCHEMA_MARKER_DESCRIPTION = "<< Flyway Schema Creation >>";

  /**
   * A row to write, successful and with no execution time yet ({@link #withOutcome} sets both once
   * the migration ran).
   */
  static HistoryRow toWrite(
      int rank,
      String version,
      String description,
      MigrationType type,
      String script,
      Integer checksum,
      String installedBy) {
    return new HistoryRow(
        rank, version, description, type, script, checksum, installedBy, null, 0, true);
  }

  /**
   * Flyway's marker for the schemas a migrate created, at rank 0: clean drops these schemas whole.
   *
   * @param quotedSchemas the created schemas, quoted and comma-separated
   */
  static HistoryRow schemaMarker(String quotedSchemas, String installedBy) {
    return toWrite(
        0, null, SCHEMA_MARKER_DESCRIPTION, MigrationType.SCHEMA, quotedSchemas, null, installedBy);
  }

  /** The baseline marker: versions up to {@code version} count as applied. */
  static HistoryRow baseline(
      int rank, MigrationVersion version, String description, String installedBy) {
    return toWrite(
        rank,
        version.toString(),
        description,
        MigrationType.BASELINE,
        description,
        null,
        installedBy);
  }

  /** The row of a versioned or repeatable migration about to run. */
  static HistoryRow applied(ResolvedMigration m, int rank, String installedBy) {
    return toWrite(
        rank, m.versionText(), m.description(), m.type(), m.script(), m.checksum(), installedBy);
  }

  /** The row of an undo script about to run: the version it undoes, the script's own name. */
  static HistoryRow undo(UndoStep step, int rank, String installedBy) {
    ResolvedMigration script = step.script();
    return toWrite(
        rank,
        step.applied().versionText(),
        script.description(),
        MigrationType.UNDO_SQL,
        script.script(),
        script.checksum(),
        installedBy);
  }

  /** Repair's marker that the migration of {@code missing} is gone from the locations. */
  static HistoryRow deleted(HistoryRow missing, int rank, String installedBy) {
    return toWrite(
        rank,
        missing.version(),
        missing.description(),
        MigrationType.DELETE,
        missing.script(),
        missing.checksum(),
        installedBy);
  }

  /** This row as written after its migration ran: how long it took and whether it completed. */
  HistoryRow withOutcome(int ms, boolean completed) {
    return new HistoryRow(
        rank, version, description, type, script, checksum, installedBy, null, ms, completed);
  }

  /** The rank a new row gets after {@code rows}, read in rank order. */
  static int nextRank(List<HistoryRow> rows) {
    return rows.isEmpty() ? 1 : rows.get(rows.size() - 1).rank() + 1;
  }

  MigrationVersion parsedVersion() {
    return version == null ? null : MigrationVersion.parse(version);
  }
}
