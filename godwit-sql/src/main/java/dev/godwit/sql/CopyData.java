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
   * Reads the block that follows the statement, leaving the lexer just after the {@code \.} line.
   * Text after the delimiter on the COPY line itself is skipped, as the rows start on the next
   * line.
   */
  static String read(Lexer lx) {
    long eol = lineEnd(lx, lx.position());
    if (eol >= lx.base() + lx.limit()) {
      throw unterminated(lx);
    }
    long dataStart = eol + 1;
    for (long lineAt = dataStart; ; ) {
      long e = lineEnd(lx, lineAt);
      if (isTerminator(lx.buf(), (int) (lineAt - lx.base()), (int) (e - lx.base()))) {
        int s = (int) (dataStart - lx.base());
        String data = new String(lx.buf(), s, (int) (lineAt - dataStart));
        lx.moveTo(e);
        return data;
      }
      if (e >= lx.base() + lx.limit()) {
        throw unterminated(lx);
      }
      lineAt = e + 1;
    }
  }

  /** Absolute offset of the newline ending the line at {@code from}, or of the end of input. */
  private static long lineEnd(Lexer lx, long from) {
    int r;
    while ((r = Scan.lineEnd(lx.buf(), (int) (from - lx.base()), lx.limit(), lx.eof()))
        == Scan.NEED_MORE) {
      lx.readMore();
    }
    return lx.base() + r;
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

  private static SqlSplitException unterminated(Lexer lx) {
    return lx.error(
        Problem.UNTERMINATED_COPY_DATA,
        lx.firstToken(),
        "COPY ... FROM STDIN data is not ended by a line holding only \\. before the end of the"
            + " script. Add that line after the last row.");
  }
}
