package dev.godwit.api;

import java.time.Duration;
import java.util.List;

/**
 * A migration's statement could not take a table lock within {@code lockTimeout} on any of its
 * attempts ({@code 1 + lockRetries}): other sessions held the lock throughout. Code {@link
 * ErrorCode#STATEMENT_LOCK_TIMEOUT}. A migration in a transaction was rolled back whole; one
 * without a transaction keeps exactly the statements its progress row counts, and {@code migrate
 * --resume} continues it once the blockers are gone.
 */
public final class StatementLockTimeoutException extends MigrationFailedException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final transient Duration waited;
  private final transient List<String> blockers;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param script the script (or class) that failed
   * @param line the 1-based line of the statement that timed out, 0 when unknown
   * @param statement the statement's text, or null
   * @param alreadyRun statements that ran and stayed applied, empty when all was rolled back
   * @param cause the database's lock-timeout error
   * @param attempts how many times the statement (or the migration) was tried
   * @param waited the time from the first attempt to the last timeout
   * @param blockers the sessions that held the lock at the last attempt, described, as far as the
   *     database could tell (empty when it could not)
   */
  public StatementLockTimeoutException(
      String message,
      String script,
      int line,
      String statement,
      List<String> alreadyRun,
      Throwable cause,
      int attempts,
      Duration waited,
      List<String> blockers) {
    super(ErrorCode.STATEMENT_LOCK_TIMEOUT, message, script, line, statement, alreadyRun, cause);
    this.attempts = attempts;
    this.waited = waited;
    this.blockers = List.copyOf(blockers);
  }

  /** How many times the statement (or its migration) was tried before giving up. */
  public int attempts() {
    return attempts;
  }

  /** The time from the first attempt to the last timeout. */
  public Duration waited() {
    return waited;
  }

  /**
   * The sessions that held the lock at the last attempt, e.g. {@code pid 4242 (application
   * 'report', user 'app', ...)}; empty when the database could not tell.
   */
  public List<String> blockers() {
    return blockers;
  }
}
