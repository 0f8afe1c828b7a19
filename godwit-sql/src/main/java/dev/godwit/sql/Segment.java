package dev.godwit.sql;

import java.util.Set;

/**
 * The text between two delimiters as the lexer scans it: where the statement's first token is and
 * which comments precede it.
 */
final class Segment {
  /** Absolute offset of the first code token, or -1 while there is none. */
  long firstToken = -1;

  private long commentStart = -1;
  private long commentEnd = -1;

  /** Comments that preceded a MySQL DELIMITER directive: they belong to the next statement. */
  private String carried = "";

  private int carriedLine;
  private int carriedColumn;

  void reset() {
    firstToken = -1;
    commentStart = -1;
    commentEnd = -1;
  }

  boolean started() {
    return firstToken >= 0;
  }

  /** A comment {@code [start, end)} (absolute) before the first token. */
  void leadingComment(long start, long end) {
    if (commentStart < 0) {
      commentStart = start;
    }
    commentEnd = end;
  }

  /** Keeps the comments so far for the next statement: a DELIMITER directive sits between. */
  void carryComments(Window w) {
    if (commentStart < 0) {
      return;
    }
    if (carried.isEmpty()) {
      carriedLine = w.line(commentStart);
      carriedColumn = w.column(commentStart);
    }
    carried = join(carried, w.text(commentStart, commentEnd));
  }

  /**
   * The statement of this segment, with its position and leading comments.
   *
   * @param sql the statement text, trailing whitespace removed and placeholders replaced
   */
  Statement statement(
      Window w, String sql, Set<StatementFlag> flags, String reason, String copyData) {
    String leading = join(carried, ownComments(w));
    carried = "";
    int line = w.line(firstToken);
    return new Statement(sql, line, w.column(firstToken), leading, flags, copyData, reason);
  }

  /** The comments of a segment without code, or null when it holds no comment. */
  Statement commentOnly(Window w) {
    String own = ownComments(w);
    if (own.isEmpty() && carried.isEmpty()) {
      return null;
    }
    int line = carriedLine;
    int column = carriedColumn;
    if (carried.isEmpty()) {
      line = w.line(commentStart);
      column = w.column(commentStart);
    }
    String text = join(carried, own);
    carried = "";
    return new Statement(
        text, line, column, "", Flags.of(Flags.bit(StatementFlag.COMMENT_ONLY)), null, "");
  }

  private String ownComments(Window w) {
    return commentStart < 0 ? "" : w.text(commentStart, commentEnd);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
  }
}
