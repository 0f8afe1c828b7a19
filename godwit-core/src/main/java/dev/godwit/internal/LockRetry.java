package dev.godwit.internal;

import dev.godwit.api.StatementLockTimeoutException;
import dev.godwit.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration's attempts under its {@link LockTimeoutPolicy}: sets the timeouts on the
 * connection, watches each statement's lock waits, and after a lock timeout decides whether to try
 * again (the whole migration, rolled back, when it runs in one transaction; else only the statement
 * that timed out, since the progress table knows which ran). Each retry logs one line naming the
 * blockers; when the retries run out, the failure says who blocked and which settings to change.
 */
final class LockRetry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

  private final Session session;
  private final StatementLocks locks;
  private final LockTimeoutPolicy policy;
  private final ResolvedMigration migration;
  private final HistoryRow row;
  private final int total;
  private LockWaitWatch watch;
  private boolean watchBroken;
  private int attempt = 1;
  private long firstStart;
  private long statementStart;
  private List<StatementLocks.Blocker> lastBlockers = List.of();
  private Duration waited = Duration.ZERO;

  /**
   * @param locks the database's lock settings, or null where it has none (then nothing is retried)
   * @param row the migration's history row (its rank keys the progress table)
   * @param total how many statements the migration has
   */
  LockRetry(
      Session session,
      StatementLocks locks,
      LockTimeoutPolicy policy,
      ResolvedMigration migration,
      HistoryRow row,
      int total) {
    this.session = session;
    this.locks = locks;
    this.policy = policy;
    this.migration = migration;
    this.row = row;
    this.total = total;
  }

  /** Sets the timeouts for one attempt, after its transaction began. */
  StatementLocks.Restore apply(Connection c, boolean transactional) throws SQLException {
    return locks == null ? StatementLocks.Restore.NOTHING : locks.apply(c, policy, transactional);
  }

  /** Before a statement (or a Java migration) runs. */
  void watch(Connection c) {
    statementStart = System.nanoTime();
    if (firstStart == 0) {
      firstStart = statementStart;
    }
    if (locks == null || watchBroken) {
      return;
    }
    if (watch == null) {
      try {
        watch =
            new LockWaitWatch(session.connections, locks, locks.sessionId(c), policy.lockTimeout());
      } catch (SQLException e) {
        // Naming blockers is a courtesy; retries work without it.
        watchBroken = true;
        LOG.debug("Cannot watch the migration's lock waits: {}", e.getMessage());
        return;
      }
    }
    watch.start();
  }

  /** After it ran, or failed. */
  void unwatch() {
    if (watch != null) {
      watch.stop();
    }
  }

  /**
   * Runs one statement of a script, watched. Without a transaction a lock timeout retries just this
   * statement, after cleaning up what the timed-out attempt left (an INVALID index); in a
   * transaction the failure goes up, and the whole migration is retried.
   *
   * @param skip how many statements ran before this run (a resume)
   * @param executed receives how many statements of the migration have run, after each attempt
   */
  void run(
      StatementExecutor exec,
      Statement st,
      boolean transactional,
      Connection c,
      int skip,
      int[] executed)
      throws StatementExecutor.StatementFailure {
    while (true) {
      try {
        if (!transactional) {
          cleanUp(c, st, skip + exec.executed());
        }
        watch(c);
        exec.run(st);
        if (!transactional) {
          nextStatement();
        }
        return;
      } catch (StatementExecutor.StatementFailure f) {
        if (transactional || !again(f.cause, f.statement, false)) {
          throw f;
        }
      } finally {
        unwatch();
        executed[0] = skip + exec.executed();
      }
    }
  }

  /** After a statement (or a batch of a backfill) succeeded: the next one gets its own attempts. */
  void nextStatement() {
    attempt = 1;
    firstStart = 0;
  }

  /** Undoes the session settings; a failure to do so must not hide the migration's outcome. */
  static void restore(StatementLocks.Restore restore) {
    try {
      restore.run();
    } catch (SQLException e) {
      LOG.warn("Could not restore the session's lock settings: {}", e.getMessage());
    }
  }

  /** Rolls back a failed attempt; false (with the error kept on the cause) when that fails. */
  static boolean rolledBack(Connection c, Exception cause) {
    try {
      c.rollback();
      return true;
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return false;
    }
  }

  /** Whether the failure was a lock timeout (or a deadlock the database broke). */
  boolean isLockTimeout(Exception cause) {
    return locks != null && locks.isLockTimeout(cause);
  }

  /**
   * After a failure: when it was a lock timeout and retries are left, logs the attempt with its
   * blockers, pauses and returns true; the caller then runs the statement, or the rolled-back
   * migration, again.
   */
  boolean again(Exception cause, Statement statement, boolean wholeMigration) {
    return again(cause, statement, wholeMigration ? "migration" : "statement");
  }

  /**
   * As {@link #again(Exception, Statement, boolean)}, naming what is retried: {@code migration},
   * {@code statement} or a backfill's {@code batch}.
   */
  boolean again(Exception cause, Statement statement, String unit) {
    if (!isLockTimeout(cause)) {
      return false;
    }
    lastBlockers = watch == null ? List.of() : watch.seen();
    long now = System.nanoTime();
    waited = Duration.ofNanos(now - firstStart);
    if (attempt > policy.retries()) {
      return false;
    }
    Duration pause = LockTimeoutPolicy.pause(attempt, ThreadLocalRandom.current().nextDouble());
    LOG.warn(
        "{}: {} after {}, attempt {} of {}, lockTimeout {}; {}; retrying the {} in {}{}",
        where(statement),
        String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("deadlock")
            ? "deadlock"
            : "lock timeout",
        seconds(Duration.ofNanos(now - statementStart)),
        attempt,
        policy.retries() + 1,
        LockTimeoutPolicy.format(policy.lockTimeout()) + effective(),
        blockedBy(lastBlockers),
        unit,
        seconds(pause),
        lastBlockers.isEmpty() ? "" : " or as soon as the blockers end");
    attempt++;
    return pause(pause);
  }

  /**
   * Pauses, in slices, until the pause is over or the blockers seen have ended their transactions:
   * then nothing stands in the way, and a retry right away finishes the migration right after the
   * blocker, whatever the backoff had grown to. False when interrupted.
   */
  private boolean pause(Duration pause) {
    long end = System.nanoTime() + pause.toNanos();
    try {
      while (true) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return true;
        }
        Thread.sleep(Math.min(left, 100));
        if (watch != null && watch.ended(lastBlockers)) {
          LOG.debug("The blockers ended: retrying now");
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Before a statement of a migration without a transaction: lets the database clean up what an
   * earlier attempt left (PostgreSQL: an INVALID index), says so and records it.
   */
  void cleanUp(Connection c, Statement statement, int applied)
      throws StatementExecutor.StatementFailure {
    if (locks == null) {
      return;
    }
    String done;
    try {
      done = locks.beforeStatement(c, statement);
    } catch (SQLException e) {
      throw new StatementExecutor.StatementFailure(statement, e);
    }
    if (done == null) {
      return;
    }
    LOG.warn("{}: {}", where(statement), done);
    try {
      session.progress.noteCleanup(
          c, row, applied, total, statement.line(), done, session.installedBy);
    } catch (SQLException e) {
      LOG.warn("Could not record the cleanup in the progress table: {}", e.getMessage());
    }
  }

  /** The lines a failure message gets once the retries ran out. */
  String exhausted(boolean transactional) {
    StringBuilder sb = new StringBuilder("  Lock:      gave up after ");
    sb.append(attempt).append(attempt == 1 ? " attempt" : " attempts");
    sb.append(" over ").append(seconds(waited)).append(": ");
    sb.append(policy.describe(transactional)).append(effective()).append('\n');
    if (lastBlockers.isEmpty()) {
      sb.append("  Blocked by: not seen (the wait ended before Godwit looked)\n");
    }
    for (StatementLocks.Blocker b : lastBlockers) {
      sb.append(b.certain() ? "  Blocked by: " : "  Probably:  ").append(b.description());
      sb.append('\n');
    }
    return sb.toString();
  }

  /** What to do about it. */
  String advice() {
    String end =
        lastBlockers.isEmpty()
            ? "find the session holding a lock on the table"
            : "end the blocking session if it is stuck ("
                + lastBlockers.stream().map(locks::endSession).collect(Collectors.joining("; "))
                + ")";
    return "  Wait for the blocking work to finish, or "
        + end
        + ", or run at a quieter time; or let Godwit wait longer: lockRetries, lockTimeout"
        + " (--lock-retries, --lock-timeout, GODWIT_LOCK_RETRIES, a .sql.conf, or"
        + " -- godwit:lock-retries at the top of the script).";
  }

  /** The failure once the retries ran out. */
  StatementLockTimeoutException exception(
      String message, Statement statement, List<String> alreadyRun, Exception cause) {
    return new StatementLockTimeoutException(
        message,
        migration.displayName(),
        statement == null ? 0 : statement.line(),
        statement == null ? null : statement.sql(),
        alreadyRun,
        cause,
        attempt,
        waited,
        lastBlockers.stream().map(StatementLocks.Blocker::description).toList());
  }

  /** Where the database cannot wait exactly lockTimeout: what it waits instead. */
  private String effective() {
    if (locks == null || !policy.lockTimeoutOn()) {
      return "";
    }
    Duration d = locks.effectiveLockTimeout(policy.lockTimeout());
    return d.equals(policy.lockTimeout())
        ? ""
        : " rounded up to " + LockTimeoutPolicy.format(d) + " (whole seconds only)";
  }

  private String where(Statement statement) {
    return statement == null
        ? migration.script()
        : migration.script() + ":" + statement.line() + " " + Messages.firstLine(statement.sql());
  }

  static String blockedBy(List<StatementLocks.Blocker> blockers) {
    if (blockers.isEmpty()) {
      return "no blocker seen (the wait ended before Godwit looked)";
    }
    String list =
        blockers.stream()
            .map(StatementLocks.Blocker::description)
            .collect(Collectors.joining("; "));
    return blockers.stream().allMatch(StatementLocks.Blocker::certain)
        ? "blocked by " + list
        : "probably blocked by "
            + list
            + " (sessions with open transactions: the server shows lock holders only with"
            + " performance_schema on)";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
  }
}
