package dev.godwit.sql;

import dev.godwit.sql.SqlSplitException.Problem;

/**
 * psql meta-commands ({@code \set}, {@code \i}...): psql runs them itself, JDBC cannot, so the
 * splitter fails on a backslash in PostgreSQL code and names the command.
 */
final class PsqlMeta {
  private static final int MAX_SHOWN = 32;

  private PsqlMeta() {}

  /** The failure for the backslash at the window's position. */
  static SqlSplitException error(Window w) {
    w.ensure(MAX_SHOWN);
    int end = w.pos + 1;
    while (end < w.limit
        && end - w.pos < MAX_SHOWN
        && !Scan.isWhitespace(w.buf[end])
        && w.buf[end] != ';') {
      end++;
    }
    String command = new String(w.buf, w.pos, end - w.pos);
    long at = w.position();
    return w.error(Problem.PSQL_META_COMMAND, at, Messages.psqlMetaCommand(command, w.line(at)));
  }
}
