package dev.godwit.internal;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a person that this runner waits for another runner's migration lock, and for whom: at once,
 * then every few seconds, until it has the lock or gives up. Without it a runner waiting up to
 * {@code lockWaitTimeout} (300 s) looked hung (issue 17, defect 9).
 */
final class LockWaitReport {
  private static final Logger LOG = LoggerFactory.getLogger(LockWaitReport.class);
  // A terminal shows the elapsed time often; a CI log gets a line now and then.
  private static final long TERMINAL_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long LOG_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

  private final String what;
  private final Duration wait;
  private final long every;
  private final long start = System.nanoTime();
  private long next;
  private boolean waited;

  /**
   * @param what the lock, as messages name it
   * @param wait the longest wait ({@code lockWaitTimeout})
   */
  LockWaitReport(String what, Duration wait) {
    this(what, wait, System.console() != null);
  }

  LockWaitReport(String what, Duration wait, boolean terminal) {
    this.what = what;
    this.wait = wait;
    this.every = terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS;
    this.next = start;
  }

  /**
   * Called after each try that did not get the lock; asks for the holder only when a line is due.
   */
  void notYet(Supplier<String> holder) {
    long now = System.nanoTime();
    if (now - next < 0) {
      return;
    }
    next = now + every;
    if (!waited) {
      waited = true;
      LOG.info(
          "Waiting for the migration lock on {}: another runner holds it ({}). Waiting up to {} s"
              + " (lockWaitTimeout).",
          what,
          holder.get(),
          wait.toSeconds());
    } else {
      LOG.info(
          "Still waiting for the migration lock on {}: {} s of {} s; held by {}",
          what,
          seconds(now),
          wait.toSeconds(),
          holder.get());
    }
  }

  /** Called once the lock is taken: says so when this runner had to wait. */
  void acquired() {
    if (waited) {
      LOG.info(
          "Took the migration lock on {} after waiting {} s.", what, seconds(System.nanoTime()));
    }
  }

  private long seconds(long now) {
    return Duration.ofNanos(now - start).toSeconds();
  }
}
