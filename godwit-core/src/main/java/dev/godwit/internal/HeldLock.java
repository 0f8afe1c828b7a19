package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration lock held by a session of its own. The lock lasts only as long as that session: a
 * server that ends idle sessions, an administrator's {@code pg_terminate_backend} or {@code KILL},
 * or a network cut ends it in silence, and a second runner may then take the lock and migrate at
 * the same time. So the runner asks {@link #verify} before each migration and before it commits a
 * history row, and a keep-alive query runs on the session while the work goes on, so that it never
 * looks idle to the server or to a proxy between them.
 */
final class HeldLock implements MigrationLock {
  private static final Logger LOG = LoggerFactory.getLogger(HeldLock.class);

  /**
   * How often the keep-alive query runs: below the idle limits proxies and servers commonly set.
   */
  static final long KEEP_ALIVE_SECONDS = 20;

  /**
   * How long the lock's session may take to answer its one-row queries: a stalled network (a
   * partition, a proxy that stopped forwarding) would otherwise hold {@link #verify} forever, and
   * the run with it, while another runner may already have the lock.
   */
  static final int NETWORK_TIMEOUT_SECONDS = 10;

  /** Whether the lock is still held, asked on the lock's own session. */
  @FunctionalInterface
  interface Check {
    boolean stillHeld(Connection lockConnection) throws SQLException;
  }

  private final Connection connection;
  private final String what;
  private final Check check;
  private final Runnable release;
  private final ScheduledExecutorService keepAlive;
  private String lostBecause;

  /**
   * @param connection the session holding the lock
   * @param what the lock, as the messages name it (e.g. {@code public.flyway_schema_history})
   * @param check asks the server whether this session holds the lock
   * @param release releases the lock and closes the session
   */
  HeldLock(Connection connection, String what, Check check, Runnable release) {
    this.connection = connection;
    this.what = what;
    this.check = check;
    this.release = release;
    try {
      // pgjdbc and MariaDB's driver time the socket's reads; the executor is not used for that.
      connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_SECONDS * 1000);
    } catch (SQLException e) {
      LOG.debug("The driver sets no network timeout on the lock's session: {}", e.getMessage());
    }
    this.keepAlive =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "godwit-lock-keep-alive");
              t.setDaemon(true);
              return t;
            });
    keepAlive.scheduleWithFixedDelay(
        this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
  }

  private synchronized void keepAlive() {
    if (lostBecause == null) {
      lostBecause = ask();
    }
  }

  /**
   * Throws {@link ErrorCode#LOCK_LOST} unless this session still holds the lock.
   *
   * @param before what the runner was about to do, for the message (e.g. "applying V2__x.sql")
   */
  @Override
  public synchronized void verify(String before) {
    if (lostBecause == null) {
      lostBecause = ask();
    }
    if (lostBecause != null) {
      throw new GodwitException(
          ErrorCode.LOCK_LOST,
          "Lost the migration lock on "
              + what
              + " before "
              + before
              + ": "
              + lostBecause
              + ". Stopped, so that no two runners migrate at once. What this run applied is in"
              + " the history; run migrate again (it waits for any other runner). If the server or"
              + " a proxy ends idle connections, or an administrator ended the session, that is"
              + " what ended the lock's session.");
    }
  }

  /** Null while the lock is held, else why it is not. */
  private String ask() {
    try {
      return check.stillHeld(connection) ? null : "the server says its session no longer holds it";
    } catch (SQLException e) {
      ConnectionLoss loss = ConnectionLoss.of(e, connection);
      return loss == null
          ? "its session ended (" + e.getMessage() + ")"
          : "its connection " + loss.how() + " (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    keepAlive.shutdownNow();
    synchronized (this) {
      release.run();
    }
  }
}
