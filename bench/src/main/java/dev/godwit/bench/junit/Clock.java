package dev.godwit.bench.junit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** When each sample test started and ended: the gap between two tests is one fresh database. */
final class Clock {
  static final List<long[]> TESTS = new CopyOnWriteArrayList<>();
  static volatile long runStarted;

  private Clock() {}

  static long[] start() {
    long[] t = {System.nanoTime(), 0};
    TESTS.add(t);
    return t;
  }

  static void end(long[] t) {
    t[1] = System.nanoTime();
  }
}
