package dev.godwit.internal;

/** A held migration lock; closing releases it. */
interface MigrationLock extends AutoCloseable {
  @Override
  void close();

  /** A lock that protects nothing, for databases where one connection is all there is. */
  MigrationLock NONE = () -> {};
}
