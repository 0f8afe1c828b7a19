package dev.godwit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a migration's statement while it runs and remembers whom it waited for. The blockers have
 * to be read during the wait: once a lock timeout ends it, the database no longer knows. So a
 * second connection asks every few tens of milliseconds while a statement runs; it is opened only
 * when a statement runs longer than that, so quick migrations never open it.
 */
final class LockWaitWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LockWaitWatch.class);

  /** One daemon thread for every watch of the JVM: each sample is one short query. */
  private static final class Sampler {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "godwit-lock-watch");
                t.setDaemon(true);
                return t;
              });
      e.setRemoveOnCancelPolicy(true);
      return e;
    }
  }

  private final Connections connections;
  private final StatementLocks locks;
  private final long session;
  private final long periodMillis;
  // Used by the sampler thread only.
  private Connection observer;
  private boolean broken;
  private volatile List<StatementLocks.Blocker> seen = List.of();
  // When the statement being watched started (nanoTime), 0 between statements. Watching a
  // statement costs two field writes: a migration of 200,000 batched INSERTs watches each.
  private volatile long watchedSince;
  private ScheduledFuture<?> task;

  /**
   * @param session the server's id of the migration's session
   * @param lockTimeout the policy's lock timeout: samples come at least four times within it
   */
  LockWaitWatch(Connections connections, StatementLocks locks, long session, Duration lockTimeout) {
    this.connections = connections;
    this.locks = locks;
    this.session = session;
    long quarter = lockTimeout.toMillis() / 4;
    this.periodMillis = lockTimeout.isZero() ? 100 : Math.max(20, Math.min(100, quarter));
  }

  /** Starts watching a statement; forgets what the previous one waited for. */
  void start() {
    seen = List.of();
    watchedSince = System.nanoTime();
    if (task == null) {
      task =
          Sampler.EXECUTOR.scheduleWithFixedDelay(
              this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops watching; {@link #seen()} keeps what was seen. */
  void stop() {
    watchedSince = 0;
  }

  /** Samples when a statement has been running for a period or longer. */
  private void tick() {
    long since = watchedSince;
    if (since != 0 && System.nanoTime() - since >= periodMillis * 1_000_000) {
      sample();
    }
  }

  /** The blockers of the latest sample that found the statement waiting; empty if none did. */
  List<StatementLocks.Blocker> seen() {
    return seen;
  }

  /**
   * Whether every one of these blockers has ended its transaction, asked on the watch's own
   * connection; false when it cannot tell.
   */
  boolean ended(List<StatementLocks.Blocker> blockers) {
    if (blockers.isEmpty()) {
      return false;
    }
    Future<Boolean> answer =
        Sampler.EXECUTOR.submit(
            () -> !broken && observer != null && locks.ended(observer, blockers));
    try {
      return answer.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      answer.cancel(false);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void sample() {
    if (broken) {
      return;
    }
    try {
      if (observer == null) {
        observer = connections.open();
        observer.setAutoCommit(true);
      }
      List<StatementLocks.Blocker> now = locks.blockers(observer, session);
      if (!now.isEmpty()) {
        seen = now;
      }
    } catch (SQLException | RuntimeException e) {
      // Naming blockers is a courtesy: the migration goes on without it.
      broken = true;
      LOG.debug("Cannot watch the migration's lock waits: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    stop();
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    // On the sampler thread, so that it runs after a sample in progress.
    Sampler.EXECUTOR.execute(
        () -> {
          Jdbc.closeQuietly(observer);
          observer = null;
          broken = true;
        });
  }
}
