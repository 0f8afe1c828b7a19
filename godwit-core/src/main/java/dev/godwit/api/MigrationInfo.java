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
    Integer statementsTotal) {}
