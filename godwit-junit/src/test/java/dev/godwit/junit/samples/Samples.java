package dev.godwit.junit.samples;

import java.util.List;

/** Lets the tests outside this package read what the samples saw. */
public final class Samples {
  private Samples() {}

  /** The URLs of the copies handed out since the last {@link #reset()}. */
  public static List<String> urls() {
    return List.copyOf(IsolationChecks.URLS);
  }

  /** Forgets the URLs seen. */
  public static void reset() {
    IsolationChecks.URLS.clear();
  }
}
