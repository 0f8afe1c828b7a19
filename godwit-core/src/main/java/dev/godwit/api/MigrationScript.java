package dev.godwit.api;

import java.util.Objects;

/**
 * One SQL migration as the runner will run it: what {@link Godwit#scripts()} lists.
 *
 * @param name how messages name it: the path on disk, or the location and path of a classpath entry
 * @param script the {@code script} column: the path relative to its location (for an explicit file
 *     outside the locations, its file name)
 * @param location the configured location it was found in, or null for an explicit file outside the
 *     locations
 * @param version the version, or null for repeatables and files whose name is not a migration's
 * @param description the description from the name
 * @param kind what the file is, from the configured prefixes and separator
 * @param text the whole text, placeholders not replaced; null for a script over {@link
 *     #MAX_READ_BYTES} (a data load: reading it whole would cost more than it tells)
 * @param pending whether it is yet to run: pending in the history when connected; not known to be
 *     applied when not; for explicit files, every file given (the location's earlier versioned
 *     migrations, listed before them, are not pending: they built the schema the files change)
 * @param transactional whether the runner runs it in one transaction, as it decides it: the
 *     script's {@code .sql.conf} ({@code executeInTransaction}), the {@code executeInTransaction}
 *     and {@code mixed} settings, and statements that cannot run in a transaction or that commit by
 *     themselves
 * @param reason why it runs without a transaction (or why the runner will refuse it), else null
 */
public record MigrationScript(
    String name,
    String script,
    String location,
    MigrationVersion version,
    String description,
    Kind kind,
    String text,
    boolean pending,
    boolean transactional,
    String reason) {

  /** Scripts larger than this (8 MB) are listed without their text. */
  public static final long MAX_READ_BYTES = 8L * 1024 * 1024;

  /** Validates the fields. */
  public MigrationScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** What a file is, by its name and the configured prefixes. */
  public enum Kind {
    /** A versioned migration ({@code V}, or the configured {@code sqlMigrationPrefix}). */
    VERSIONED,
    /** An undo script ({@code U}, or {@code undoSqlMigrationPrefix}). */
    UNDO,
    /** A repeatable migration ({@code R}, or {@code repeatableSqlMigrationPrefix}). */
    REPEATABLE,
    /** A baseline migration ({@code B}). */
    BASELINE,
    /** An explicit file whose name is not a migration's ({@code down.sql}, {@code fix.sql}). */
    OTHER
  }
}
