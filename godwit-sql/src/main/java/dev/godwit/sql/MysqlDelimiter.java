package dev.godwit.sql;

/**
 * The mysql client's statement delimiter, which a {@code DELIMITER xx} line changes. While it is
 * not {@code ;}, the client (and this splitter) ends statements only at it, wherever it appears in
 * code, and a {@code ;} is plain text.
 */
final class MysqlDelimiter {
  private String text = ";";
  private char first = ';';
  private boolean custom;

  /** Whether the delimiter is something other than {@code ;}. */
  boolean custom() {
    return custom;
  }

  char first() {
    return first;
  }

  int length() {
    return text.length();
  }

  /** Whether the delimiter starts at the window's position. */
  boolean at(Window w) {
    return w.ensure(text.length()) && Scan.regionEquals(w.buf, w.pos, text);
  }

  /** The client finds its delimiter anywhere in code, even inside a word: {@code END$$}. */
  int cut(Window w, int start, int end) {
    int n = text.length();
    for (int i = start; i < end; i++) {
      if (w.buf[i] == first && i + n <= w.limit && Scan.regionEquals(w.buf, i, text)) {
        return i;
      }
    }
    return end;
  }

  /**
   * Reads the argument of a {@code DELIMITER} word and switches to it.
   *
   * @param wordEnd index just after the word DELIMITER
   * @return the index of the end of the directive's line, or -1 when the line is no directive
   */
  int directive(Window w, int wordEnd) {
    long after = w.base + wordEnd;
    int e;
    while ((e = Scan.lineEnd(w.buf, (int) (after - w.base), w.limit, w.eof)) == Scan.NEED_MORE) {
      w.refill();
    }
    char[] b = w.buf;
    int i = (int) (after - w.base);
    if (i >= e || (b[i] != ' ' && b[i] != '\t')) {
      return -1;
    }
    while (i < e && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    int j = i;
    while (j < e && !Scan.isWhitespace(b[j])) {
      j++;
    }
    if (j == i) {
      return -1;
    }
    text = new String(b, i, j - i);
    first = text.charAt(0);
    custom = !text.equals(";");
    return e;
  }
}
