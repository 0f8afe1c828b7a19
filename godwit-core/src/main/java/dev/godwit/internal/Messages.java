package dev.godwit.internal;

/** Text helpers for messages. */
final class Messages {
  private Messages() {}

  /** The first line of a statement, shortened to fit a message line. */
  static String firstLine(String sql) {
    String s = sql.strip();
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl).stripTrailing() + " ...";
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
