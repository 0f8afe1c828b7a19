package dev.godwit.lint;

import java.util.Locale;

/** How serious a finding is. Ordered: {@code INFO < WARN < ERROR}. */
public enum Severity {
  /** Hygiene or a note; never blocks anything by default. */
  INFO,
  /** Blocks briefly or only in some conditions, or breaks only in some conditions: review it. */
  WARN,
  /**
   * The statement will fail, will block reads or writes for time proportional to the table size, or
   * will break deployed code.
   */
  ERROR;

  /** The lower-case name used in JSON, configuration and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code info}, {@code warn}/{@code warning} or {@code error}, in any case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Severity parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "info", "note" -> INFO;
      case "warn", "warning" -> WARN;
      case "error" -> ERROR;
      default ->
          throw new IllegalArgumentException(
              "unknown severity '" + text + "': use info, warn or error");
    };
  }

  /** Whether this severity is at least {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
