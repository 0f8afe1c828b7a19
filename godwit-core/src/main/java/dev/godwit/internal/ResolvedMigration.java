package dev.godwit.internal;

import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;

/**
 * A migration found in the locations (or given as a Java object).
 *
 * @param kind versioned, undo, repeatable or baseline
 * @param version the version, null for repeatables
 * @param description the description from the name
 * @param type the history type it is recorded with
 * @param script the {@code script} column: relative path or class name
 * @param checksum the checksum to record and compare (for repeatables: after placeholders)
 * @param equivalentChecksum for repeatables the raw-text checksum, which also counts as up to date
 *     (Flyway does the same); otherwise equal to {@code checksum}
 * @param resource the file, or null for a Java migration
 * @param scriptConfig the script's {@code .conf}, or {@link ScriptConfig#NONE}
 * @param java the Java migration, or null for a file
 */
record ResolvedMigration(
    MigrationNames.Kind kind,
    MigrationVersion version,
    String description,
    MigrationType type,
    String script,
    Integer checksum,
    Integer equivalentChecksum,
    Resource resource,
    ScriptConfig scriptConfig,
    JavaMigration java) {

  String versionText() {
    return version == null ? null : version.toString();
  }

  boolean isRepeatable() {
    return kind == MigrationNames.Kind.REPEATABLE;
  }

  /** How messages name it: the file path or the class. */
  String displayName() {
    return resource != null ? resource.displayName() : script;
  }

  /** Whether a stored checksum counts as matching this migration's. */
  boolean checksumMatches(Integer stored) {
    return stored == null
        || checksum == null
        || stored.equals(checksum)
        || stored.equals(equivalentChecksum);
  }
}
