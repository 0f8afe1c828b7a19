package dev.godwit.cli;

import dev.godwit.api.ErrorCode;

/** The CLI's exit codes. Documented in the README; scripts depend on them. */
enum ExitCode {
  OK(0, "success, including nothing to do"),
  INTERNAL(1, "internal error (a bug; --stacktrace shows where)"),
  USAGE(2, "usage error: unknown command or flag, an option of another command, bad argument"),
  CONFIGURATION(3, "configuration error: missing or bad setting, unreadable config file"),
  CONNECTION(4, "cannot connect: server down, wrong URL or credentials, no driver"),
  VALIDATION(5, "validation failed: checksum mismatch, missing or failed migration, bad file"),
  MIGRATION_FAILED(6, "a migration failed: the message says how far it got"),
  LOCK_TIMEOUT(7, "another runner held the migration lock longer than lockWaitTimeout"),
  LINT(8, "lint findings: at or above --fail-on, or an unsuppressed error in production"),
  REFUSED(9, "refused by a safety setting: clean disabled, production environment"),
  STATEMENT_LOCK_TIMEOUT(
      10,
      "a migration's statement did not get its table lock within lockTimeout on any attempt"
          + " (lockRetries): the message names the blocking sessions; what stayed applied is in"
          + " the progress table"),
  LOCK_LOST(
      11,
      "the migration lock's session ended while migrating (idle timeout, killed, network cut):"
          + " stopped before the next migration or history row; run migrate again"),
  MIGRATION_INTERRUPTED(
      12,
      "a migration without a transaction was interrupted (its runner killed, its connection lost)"
          + " in a statement that may have been applied: the message says what the catalog shows"
          + " and whether migrate --resume can continue");

  final int code;
  final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  static ExitCode of(ErrorCode error) {
    return switch (error) {
      case CONFIGURATION, UNSUPPORTED -> CONFIGURATION;
      case CONNECTION -> CONNECTION;
      case SCRIPT_INVALID, NAMING, VALIDATION -> VALIDATION;
      case MIGRATION_FAILED -> MIGRATION_FAILED;
      case LOCK_TIMEOUT -> LOCK_TIMEOUT;
      case STATEMENT_LOCK_TIMEOUT -> STATEMENT_LOCK_TIMEOUT;
      case LOCK_LOST -> LOCK_LOST;
      case MIGRATION_INTERRUPTED -> MIGRATION_INTERRUPTED;
      case REFUSED -> REFUSED;
      case LINT -> LINT;
      case INTERNAL -> INTERNAL;
    };
  }
}
