package dev.godwit.sql;

/**
 * Line numbers of a streamed script, counted lazily: the cursor only moves forward, and the lexer
 * moves it before dropping text from its window.
 */
final class Lines {
  private long cursor;
  private int line = 1;
  private long lineStart;

  /** Counts the newlines of {@code b} up to absolute offset {@code to}; {@code b[0]} is at base. */
  void advance(char[] b, long base, long to) {
    if (to <= cursor) {
      return;
    }
    int end = (int) (to - base);
    for (int i = (int) (cursor - base); i < end; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = base + i + 1;
      }
    }
    cursor = to;
  }

  /** The 1-based line of the cursor. */
  int line() {
    return line;
  }

  /** The 1-based column of absolute offset {@code at}, which must be on the cursor's line. */
  int column(long at) {
    return (int) (at - lineStart) + 1;
  }
}
