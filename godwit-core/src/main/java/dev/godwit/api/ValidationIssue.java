package dev.godwit.api;

/**
 * One problem found by {@code validate}.
 *
 * @param kind what is wrong
 * @param version the migration's version, or null for a repeatable
 * @param description the migration's description
 * @param script the local file, or the script recorded in the history when the file is gone
 * @param appliedChecksum the checksum in the history, when relevant
 * @param resolvedChecksum the checksum of the local file, when relevant
 * @param message a full sentence: what is wrong and how to fix it
 */
public record ValidationIssue(
    Kind kind,
    String version,
    String description,
    String script,
    Integer appliedChecksum,
    Integer resolvedChecksum,
    String message) {

  /** The kinds of validation problems. */
  public enum Kind {
    /** A history row says the migration failed. */
    FAILED,
    /** Applied, but no local file (or class) has it any more. */
    MISSING,
    /** Applied, and newer than every local migration. */
    FUTURE,
    /** Not applied, and older than the latest applied version (outOfOrder is off). */
    IGNORED,
    /** Not applied yet. */
    PENDING,
    /** A repeatable changed since it last ran. */
    OUTDATED,
    /** The file changed after it was applied. */
    CHECKSUM_MISMATCH,
    /** The file was renamed after it was applied. */
    DESCRIPTION_MISMATCH,
    /** A migration's kind changed after it was applied (SQL file vs Java class). */
    TYPE_MISMATCH,
    /**
     * A history row that cannot be right: a version that does not parse, an unknown type, no
     * checksum on a versioned SQL row, a second successful row for one version. {@code repair}
     * removes the unreadable rows.
     */
    CORRUPT_ROW
  }
}
