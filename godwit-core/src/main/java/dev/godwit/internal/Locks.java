package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.LockTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Shared pieces of the lock implementations. */
final class Locks {
  private static final Map<String, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private Locks() {}

  /** A lock shared by every runner of this JVM under the same key. */
  static MigrationLock inProcess(String key, Duration wait) {
    ReentrantLock lock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw timeout(key, wait, "another runner in this JVM");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GodwitException(
          ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the lock", e);
    }
    return lock::unlock;
  }

  static LockTimeoutException timeout(String what, Duration wait, String holder) {
    return new LockTimeoutException(
        "Could not take the migration lock on "
            + what
            + " within "
            + wait.toSeconds()
            + " s: another runner holds it ("
            + holder
            + "). Wait for it to finish, or raise 'lockWaitTimeout'. A runner that was killed"
            + " releases the lock when its connection closes.",
        holder);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GodwitException(
          ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the lock", e);
    }
  }
}
