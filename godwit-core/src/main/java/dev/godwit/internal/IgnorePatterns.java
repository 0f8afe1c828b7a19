package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ignoreMigrationPatterns}: which problems validate lets pass, as {@code type:state}. */
final class IgnorePatterns {
  private static final List<String> TYPES = List.of("*", "versioned", "repeatable");
  private static final List<String> STATES =
      List.of("*", "missing", "pending", "ignored", "future");

  private final List<String[]> patterns;

  private IgnorePatterns(List<String[]> patterns) {
    this.patterns = patterns;
  }

  static IgnorePatterns parse(List<String> raw) {
    List<String[]> out = new ArrayList<>();
    for (String p : raw) {
      String[] parts = p.trim().toLowerCase(Locale.ROOT).split(":", -1);
      if (parts.length != 2
          || !TYPES.contains(parts[0].trim())
          || !STATES.contains(parts[1].trim())) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "Invalid ignoreMigrationPatterns entry '"
                + p
                + "': write <type>:<state> with type one of "
                + TYPES
                + " and state one of "
                + STATES
                + ", e.g. *:missing");
      }
      out.add(new String[] {parts[0].trim(), parts[1].trim()});
    }
    return new IgnorePatterns(out);
  }

  /** The same patterns plus {@code *:pending}: what migrate's implicit validation uses. */
  IgnorePatterns withPending() {
    List<String[]> out = new ArrayList<>(patterns);
    out.add(new String[] {"*", "pending"});
    return new IgnorePatterns(out);
  }

  boolean ignores(boolean repeatable, String state) {
    for (String[] p : patterns) {
      boolean typeOk = p[0].equals("*") || p[0].equals(repeatable ? "repeatable" : "versioned");
      if (typeOk && (p[1].equals("*") || p[1].equals(state))) {
        return true;
      }
    }
    return false;
  }
}
