package dev.godwit.internal;

import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param rank installed_rank
 * @param version the version text as stored, or null
 * @param description the description
 * @param type the type
 * @param script the script or class
 * @param checksum the checksum, or null
 * @param installedBy who applied it
 * @param installedOn when
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

  MigrationVersion parsedVersion() {
    return version == null ? null : MigrationVersion.parse(version);
  }
}
