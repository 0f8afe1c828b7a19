package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
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
 * @param sums the checksum to record and compare (for repeatables: after placeholders) and, for
 *     repeatables, the raw-text checksum, which also counts as up to date (as in Flyway); computed
 *     on first use, since {@code info} needs them only for migrations not yet applied
 * @param resource the file, or null for a Java migration
 * @param scriptConfig the script's {@code .conf}, or {@link ScriptConfig#NONE}
 * @param java the Java migration, or null for a file
 * @param phaseOf its deploy phase, read when first asked for (see {@link #phase()})
 */
record ResolvedMigration(
    MigrationNames.Kind kind,
    MigrationVersion version,
    String description,
    MigrationType type,
    String script,
    Sums sums,
    Resource resource,
    ScriptConfig scriptConfig,
    JavaMigration java,
    Phase phaseOf) {

  /** Its deploy phase: pre (the default) or post. */
  DeployPhase phase() {
    return phaseOf.get();
  }

  /** A migration's deploy phase, from its {@code .sql.conf} or read from its head when needed. */
  static final class Phase {
    private final java.util.function.Supplier<DeployPhase> read;
    private DeployPhase value;

    Phase(java.util.function.Supplier<DeployPhase> read) {
      this.read = read;
    }

    /** A phase known up front. */
    static Phase of(DeployPhase phase) {
      Phase p = new Phase(null);
      p.value = phase;
      return p;
    }

    synchronized DeployPhase get() {
      if (value == null) {
        value = read.get();
      }
      return value;
    }

    /**
     * Takes the phase found by a read of the whole file for its checksum, so that the head is not
     * read a second time; a phase already known stays.
     */
    synchronized void offer(DeployPhase found) {
      if (value == null) {
        value = found;
      }
    }
  }

  /** The checksum to record and compare. */
  Integer checksum() {
    return sums.checksum();
  }

  /** For repeatables the raw-text checksum; otherwise the same as {@link #checksum()}. */
  Integer equivalentChecksum() {
    return sums.equivalent();
  }

  /**
   * Computes the checksums (and with them the phase) now, on the calling thread, unless they need
   * the session's placeholders (a repeatable's), so a command finds them ready. A failure is left
   * for the command to meet when it asks, as it would have without this.
   */
  void readAhead() {
    if (resource == null || kind == MigrationNames.Kind.REPEATABLE) {
      return;
    }
    try {
      sums.values();
    } catch (RuntimeException e) {
      // The command computes it again and reports the failure where it always did.
    }
  }

  /** A migration's two checksums, computed once, when first asked for. */
  static final class Sums {
    private final java.util.function.Supplier<Integer[]> compute;
    private Integer[] values;

    Sums(java.util.function.Supplier<Integer[]> compute) {
      this.compute = compute;
    }

    /** Checksums known up front (Java migrations). */
    static Sums of(Integer checksum) {
      Sums s = new Sums(null);
      s.values = new Integer[] {checksum, checksum};
      return s;
    }

    private synchronized Integer[] values() {
      if (values == null) {
        values = compute.get();
      }
      return values;
    }

    Integer checksum() {
      return values()[0];
    }

    Integer equivalent() {
      return values()[1];
    }
  }

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
        || checksum() == null
        || stored.equals(checksum())
        || stored.equals(equivalentChecksum());
  }
}
