package dev.godwit.internal;

import dev.godwit.api.IgnoreMigrationPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ignoreMigrationPatterns}: which problems validate lets pass. Each pattern is an {@link
 * IgnoreMigrationPattern}, parsed and checked when the configuration is built ({@link
 * dev.godwit.api.GodwitConfig#ignoreMigrationPatterns()}).
 */
final class IgnorePatterns {
  private final List<IgnoreMigrationPattern> patterns;

  IgnorePatterns(List<IgnoreMigrationPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** The same patterns plus {@code *:pending}: what migrate's implicit validation uses. */
  IgnorePatterns withPending() {
    List<IgnoreMigrationPattern> out = new ArrayList<>(patterns);
    out.add(new IgnoreMigrationPattern("*", "pending"));
    return new IgnorePatterns(out);
  }

  boolean ignores(boolean repeatable, String state) {
    for (IgnoreMigrationPattern p : patterns) {
      if (p.ignores(repeatable, state)) {
        return true;
      }
    }
    return false;
  }
}
