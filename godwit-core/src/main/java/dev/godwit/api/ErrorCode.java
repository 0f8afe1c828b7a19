package dev.godwit.api;

/**
 * Stable codes for every failure Godwit reports. The names are API: scripts and the CLI's exit
 * codes depend on them.
 */
public enum ErrorCode {
  /** A setting is missing, unknown or has a bad value; a config file cannot be read. */
  CONFIGURATION,
  /** The database cannot be reached, the driver is missing, or the login was refused. */
  CONNECTION,
  /** A migration file cannot be read or split (unterminated string, undefined placeholder). */
  SCRIPT_INVALID,
  /** Migration files are misnamed or two of them share a version. */
  NAMING,
  /** Applied migrations and files disagree (checksum, missing file, failed row, ignored one). */
  VALIDATION,
  /** A statement of a migration failed; the history says how far it got. */
  MIGRATION_FAILED,
  /** Another runner held the migration lock for longer than {@code lockWaitTimeout}. */
  LOCK_TIMEOUT,
  /**
   * The migration lock's session ended while this runner worked (the server ended it as idle, an
   * administrator ended it, the network cut it): the runner stopped before it could migrate beside
   * another one.
   */
  LOCK_LOST,
  /**
   * A migration's statement could not take a lock on a table within {@code lockTimeout}, on the
   * first attempt nor on any of the {@code lockRetries} retries: other sessions held it throughout.
   * The message names them.
   */
  STATEMENT_LOCK_TIMEOUT,
  /**
   * A migration without a transaction was interrupted (its runner killed, its connection cut) in a
   * statement whose outcome Godwit could not record: the statement may or may not have been
   * applied. {@link MigrationInterruptedException} says which, and what the catalog shows.
   */
  MIGRATION_INTERRUPTED,
  /** A safety setting refused the command (clean disabled, production environment). */
  REFUSED,
  /** Lint findings stopped the command (an unsuppressed error in production, or --fail-on). */
  LINT,
  /** The database or its version does not support what was asked. */
  UNSUPPORTED,
  /** A bug in Godwit. */
  INTERNAL
}
