package dev.godwit.api;

import java.time.Instant;

/**
 * One line of {@code info}: a migration file, a history row, or both matched.
 *
 * @param version the version, or null for repeatables and markers
 * @param description the description
 * @param type the history type (SQL, JDBC, BASELINE, UNDO_SQL...)
 * @param script the script path relative to its location, or the Java class name
 * @param state the state
 * @param checksum the checksum (applied one when applied, else the file's), or null
 * @param installedOn when it was applied, or null
 * @param installedBy who applied it, or null
 * @param executionTimeMs how long it took, or null
 * @param installedRank the history rank, or null when not applied
 * @param undoable whether a U script exists for this version
 * @param statementsApplied for a failed migration whose progress Godwit recorded, how many of its
 *     statements ran and stayed applied; otherwise null
 * @param statementsTotal for such a migration, how many statements it has; otherwise null
 * @param phase the deploy phase of its file (pre or post), or null when there is no file
 * @param backfill where a running or interrupted batched backfill of it stands, or null
 * @param statementInterrupted for a migration without a transaction whose runner stopped (killed,
 *     or still running) after starting this statement and before recording its outcome, the
 *     statement's number (from 1): it may or may not have been applied; otherwise null
 */
public record MigrationInfo(
    String version,
    String description,
    MigrationType type,
    String script,
    MigrationState state,
    Integer checksum,
    Instant installedOn,
    String installedBy,
    Integer executionTimeMs,
    Integer installedRank,
    boolean undoable,
    Integer statementsApplied,
    Integer statementsTotal,
    DeployPhase phase,
    Backfill backfill,
    Integer statementInterrupted) {

  /**
   * Where a batched backfill ({@code -- godwit:batch}) of a migration stands.
   *
   * @param line the line of its statement
   * @param lastKey the key of the last row of the last committed batch, as text; null before the
   *     first batch committed
   * @param rowsDone rows the committed batches changed
   */
  public record Backfill(int line, String lastKey, long rowsDone) {}

  /**
   * Whether it waits for the post-deploy run: a pending post-phase migration, which {@code migrate
   * --phase pre} leaves alone.
   */
  public boolean waitsForPostDeploy() {
    return state == MigrationState.PENDING && phase == DeployPhase.POST;
  }
}
