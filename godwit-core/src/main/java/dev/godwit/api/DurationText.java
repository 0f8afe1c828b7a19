package dev.godwit.api;

import java.time.Duration;

/**
 * Reads a duration setting written as text: a whole number and a unit ({@code 500ms}, {@code 2s},
 * {@code 1m}, {@code 1h}), or {@code 0} for off. A bare number other than 0 is refused, because the
 * databases disagree on its unit (PostgreSQL's {@code lock_timeout} reads milliseconds, MySQL's
 * {@code lock_wait_timeout} seconds) and a guess would be off by a factor of 1,000. Written without
 * a regular expression: settings are read by every command, and start-up time counts.
 */
final class DurationText {
  /** What a duration setting accepts, in words for messages and help. */
  static final String ACCEPTED = "a duration such as 500ms, 2s, 1m or 1h (0 turns it off)";

  // Whole milliseconds up to PostgreSQL's limit for lock_timeout and statement_timeout.
  private static final long LONGEST_MS = Integer.MAX_VALUE;

  private DurationText() {}

  /**
   * Parses {@code text} for the setting {@code key}.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming the setting and the value
   */
  static Duration parse(String key, String text) {
    String t = text.trim();
    int digits = 0;
    while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
      digits++;
    }
    String unit = t.substring(digits).trim();
    if (digits == 0 || digits > 12 || !(unit.isEmpty() || multiplier(unit) > 0)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '" + key + "' must be " + ACCEPTED + ", not '" + text + "'");
    }
    long n = Long.parseLong(t.substring(0, digits));
    if (unit.isEmpty() && n != 0) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '"
              + key
              + "' needs a unit: "
              + n
              + "ms or "
              + n
              + "s, not '"
              + text
              + "' (PostgreSQL reads a bare number as milliseconds, MySQL as seconds)");
    }
    long ms = unit.isEmpty() ? 0 : n * multiplier(unit);
    if (ms > LONGEST_MS) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '" + key + "' is at most 596h (PostgreSQL's limit), not '" + text + "'");
    }
    return Duration.ofMillis(ms);
  }

  /** Milliseconds per unit, or 0 for a unit that is not one. */
  private static long multiplier(String unit) {
    return switch (unit.toLowerCase(java.util.Locale.ROOT)) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> 0;
    };
  }
}
