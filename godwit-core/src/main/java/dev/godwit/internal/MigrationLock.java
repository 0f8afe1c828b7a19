package dev.godwit.internal;

/** A held migration lock; closing releases it. */
interface MigrationLock extends AutoCloseable {
  @Override
  void close();

  /**
   * Throws a {@code LOCK_LOST} error if the lock is no longer held (its session ended), so the
   * runner stops before a second runner and this one migrate at once.
   *
   * @param before what the runner is about to do, for the message
   */
  default void verify(String before) {}

  /** A lock that protects nothing, for databases where one connection is all there is. */
  MigrationLock NONE = () -> {};
}
