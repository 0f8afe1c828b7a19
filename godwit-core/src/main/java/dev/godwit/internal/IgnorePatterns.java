package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.IgnoreMigrationPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ignoreMigrationPatterns}: which problems validate lets pass. Each pattern is an {@link
 * IgnoreMigrationPattern}, parsed and checked when the configuration is built.
 */
final class IgnorePatterns {
  private final List<IgnoreMigrationPattern> patterns;

  private IgnorePatterns(List<IgnoreMigrationPattern> patterns) {
    this.patterns = patterns;
  }

  /**
   * Parses the setting's entries.
   *
   * @throws dev.godwit.api.GodwitException with the setting's message for an entry that is not a
   *     pattern
   */
  static IgnorePatterns parse(List<String> raw) {
    ConfigKey.IGNORE_MIGRATION_PATTERNS.validate(raw);
    List<IgnoreMigrationPattern> patterns = new ArrayList<>(raw.size());
    for (String p : raw) {
      patterns.add(IgnoreMigrationPattern.parse(p));
    }
    return new IgnorePatterns(patterns);
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
