package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.PlanResult;
import java.time.Duration;
import java.util.List;

/**
 * How one migration bounds its waits for table locks: how long one attempt may wait ({@code
 * lockTimeout}, zero when off), how often a lock timeout is tried again ({@code lockRetries}), and
 * how long one statement may run ({@code statementTimeout}, zero when off).
 *
 * <p>Why retry instead of waiting: a statement that needs a strong lock (ALTER TABLE takes ACCESS
 * EXCLUSIVE on PostgreSQL, an exclusive metadata lock on MySQL) queues behind a long transaction,
 * and every later read and write of the table queues behind it. A short wait that gives up, and a
 * new attempt after a pause in which the application's queries run freely, bounds how long any
 * query is held up, and still completes once the long transaction ends.
 *
 * @param lockTimeout the longest wait of one attempt; zero when Godwit sets none
 * @param retries how many times a lock timeout is retried
 * @param statementTimeout the longest run of one statement; zero when Godwit sets none
 * @param source where the values come from: "settings", "X.sql.conf" or "X.sql (-- godwit: lines)"
 */
record LockTimeoutPolicy(
    Duration lockTimeout, int retries, Duration statementTimeout, String source) {
  /** The pause before the first retry; it doubles on each retry up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMillis(500);

  /**
   * The longest pause. Short enough that a migration completes within seconds of its blocker
   * ending; long enough that the application runs unhindered about 90% of the time while a blocker
   * stays (each attempt holds it up for at most lockTimeout).
   */
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  /** The policy of the settings (checked when the configuration was built). */
  static LockTimeoutPolicy of(GodwitConfig config) {
    return new LockTimeoutPolicy(
        config.duration(ConfigKey.LOCK_TIMEOUT),
        config.number(ConfigKey.LOCK_RETRIES),
        config.duration(ConfigKey.STATEMENT_TIMEOUT),
        "settings");
  }

  /** This policy with a script's own values where it sets them. */
  LockTimeoutPolicy with(LockOverrides o) {
    if (o == null || o.isEmpty()) {
      return this;
    }
    return new LockTimeoutPolicy(
        o.lockTimeout() != null ? o.lockTimeout() : lockTimeout,
        o.retries() != null ? o.retries() : retries,
        o.statementTimeout() != null ? o.statementTimeout() : statementTimeout,
        source.equals("settings") ? o.source() : source + ", " + o.source());
  }

  boolean lockTimeoutOn() {
    return !lockTimeout.isZero();
  }

  boolean statementTimeoutOn() {
    return !statementTimeout.isZero();
  }

  /**
   * The pause before retry {@code retry} (1-based): {@link #FIRST_PAUSE} doubled on each retry up
   * to {@link #LONGEST_PAUSE}, scaled by a factor between 0.5 and 1 from {@code random} (in [0,
   * 1)), so that runners that timed out together do not come back together.
   */
  static Duration pause(int retry, double random) {
    long base = FIRST_PAUSE.toMillis();
    long cap = LONGEST_PAUSE.toMillis();
    long full = retry >= 16 ? cap : Math.min(cap, base << Math.max(0, retry - 1));
    return Duration.ofMillis(Math.round(full * (0.5 + 0.5 * random)));
  }

  /** The backoff, described. */
  static String backoff() {
    return format(FIRST_PAUSE)
        + " doubling to "
        + format(LONGEST_PAUSE)
        + ", each pause scaled by a random 50-100%";
  }

  /**
   * The policy as plan shows it.
   *
   * @param locks the database's lock settings, or null where it has none: nothing is set and
   *     nothing retried then
   * @param database the database's name, for that case
   */
  PlanResult.LockPolicy plan(StatementLocks locks, boolean transactional, String database) {
    if (locks == null) {
      return new PlanResult.LockPolicy(
          0,
          0,
          transactional ? "migration" : "statement",
          backoff(),
          0,
          List.of(),
          "not applied: " + database + " has no lock timeout");
    }
    return new PlanResult.LockPolicy(
        lockTimeout.toMillis(),
        retries,
        transactional ? "migration" : "statement",
        backoff(),
        statementTimeout.toMillis(),
        locks.sql(this, transactional),
        source);
  }

  /** A line for logs and plan: the values and what a retry runs again. */
  String describe(boolean transactional) {
    return "lock_timeout "
        + format(lockTimeout)
        + ", "
        + (retries == 0
            ? "no retries"
            : "up to "
                + retries
                + (retries == 1 ? " retry of " : " retries of ")
                + (transactional ? "the whole migration" : "the statement that timed out"))
        + ", statement_timeout "
        + format(statementTimeout)
        + " ("
        + source
        + ")";
  }

  /** A line for a failure's message when the statement timeout stopped it; else empty. */
  String statementTimeoutHint(String dbMessage) {
    if (!statementTimeoutOn()
        || dbMessage == null
        || !(dbMessage.contains("statement timeout") || dbMessage.contains("max_statement_time"))) {
      return "";
    }
    return "  statementTimeout ("
        + format(statementTimeout)
        + ") stopped it: raise statementTimeout (or -- godwit:statement-timeout at the top of the"
        + " script) if it needs longer.\n";
  }

  /** A duration as the settings write it: 500ms, 2s, 1m, 1h; "off" for zero. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "off";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
