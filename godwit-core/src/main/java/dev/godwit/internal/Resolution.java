package dev.godwit.internal;

import dev.godwit.api.MigrationVersion;
import java.util.List;
import java.util.Map;

/**
 * Everything found in the locations.
 *
 * @param versioned versioned migrations in version order
 * @param repeatables repeatables in description order (Java String order, as Flyway)
 * @param undos undo scripts by the version they undo
 * @param baselines baseline migrations ({@code B} files) in version order
 * @param callbacks callback files by event, in run order
 * @param warnings misnamed files and empty locations
 */
record Resolution(
    List<ResolvedMigration> versioned,
    List<ResolvedMigration> repeatables,
    Map<MigrationVersion, ResolvedMigration> undos,
    List<ResolvedMigration> baselines,
    Map<CallbackEvent, List<Resource>> callbacks,
    List<String> warnings) {

  MigrationVersion latestVersion() {
    return versioned.isEmpty() ? null : versioned.get(versioned.size() - 1).version();
  }
}
