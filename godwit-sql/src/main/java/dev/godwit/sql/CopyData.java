package dev.godwit.sql;

import dev.godwit.sql.SqlSplitException.Problem;

/**
 * The data block of PostgreSQL's {@code COPY ... FROM STDIN}: the lines after the statement up to a
 * line holding only {@code \.}.
 *
 * <p>psql also accepts data running to the end of the file. Godwit does not: a missing {@code \.}
 * usually means the rest of the script would silently be loaded as rows, so it is an error.
 */
final class CopyData {
  private CopyData() {}

  /**
   * Reads the block that follows the statement, leaving the window at the end of the {@code \.}
   * line. The error names {@code statementAt}, the COPY statement the data belongs to. Text after
   * the delimiter on the COPY line itself is skipped, as the rows start on the next line.
   */
  static String read(Window w, long statementAt) {
    long eol = lineEnd(w, w.position());
    if (eol >= w.base + w.limit) {
      throw unterminated(w, statementAt);
    }
    long dataStart = eol + 1;
    for (long lineAt = dataStart; ; ) {
      long e = lineEnd(w, lineAt);
      if (isTerminator(w.buf, (int) (lineAt - w.base), (int) (e - w.base))) {
        String data = w.text(dataStart, lineAt);
        w.moveTo(e);
        return data;
      }
      if (e >= w.base + w.limit) {
        throw unterminated(w, statementAt);
      }
      lineAt = e + 1;
    }
  }

  /** Absolute offset of the newline ending the line at {@code from}, or of the end of input. */
  private static long lineEnd(Window w, long from) {
    int r;
    while ((r = Scan.lineEnd(w.buf, (int) (from - w.base), w.limit, w.eof)) == Scan.NEED_MORE) {
      w.refill();
    }
    return w.base + r;
  }

  private static boolean isTerminator(char[] b, int s, int e) {
    if (e - s < 2 || b[s] != '\\' || b[s + 1] != '.') {
      return false;
    }
    for (int i = s + 2; i < e; i++) {
      if (!Scan.isWhitespace(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static SqlSplitException unterminated(Window w, long statementAt) {
    return w.error(Problem.UNTERMINATED_COPY_DATA, statementAt, Messages.COPY_WITHOUT_TERMINATOR);
  }
}
