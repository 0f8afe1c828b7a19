package dev.godwit.sql;

import dev.godwit.sql.SqlSplitException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The part of a streamed script the lexer can see: everything from the start of the current segment
 * (the text after the previous delimiter) up to what was read so far. It grows only while one
 * segment is larger than it, so memory is bounded by the largest statement, not by the script.
 *
 * <p>Positions that must survive a refill are absolute offsets in the script ({@code long}); the
 * lexer scans buffer indexes ({@code int}), where index {@code i} is absolute offset {@code base +
 * i}. The fields are read directly by the lexer's hot loop.
 */
final class Window {
  /** Initial capacity in chars; 64 Ki chars keeps refills rare without costing much memory. */
  static final int DEFAULT_CAPACITY = 1 << 16;

  /** A window grown beyond this many chars (2 MB) is given back after its statement. */
  static final int SHRINK_ABOVE = 1 << 20;

  private final Reader reader;
  private final String source;
  private final Lines lines = new Lines();
  private boolean bomChecked;

  char[] buf;

  /** Absolute offset of {@code buf[0]}. */
  long base;

  /** End of the valid chars in {@link #buf}. */
  int limit;

  /** The scanning position, a buffer index. */
  int pos;

  /** The reader is exhausted: {@link #limit} is the end of the script. */
  boolean eof;

  /** Absolute offset of the current segment; nothing before it is needed any more. */
  long segmentStart;

  Window(Reader reader, String source, int capacity) {
    this.reader = reader;
    this.source = source;
    this.buf = new char[Math.max(capacity, 4)];
  }

  /** Reads more input, first dropping what precedes the current segment. */
  void refill() {
    if (eof) {
      return;
    }
    int keep = (int) (segmentStart - base);
    if (keep > 0) {
      lines.advance(buf, base, segmentStart);
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      base += keep;
    }
    if (limit > buf.length / 2) {
      // One segment fills the window: grow it so that rescanning its open construct stays linear.
      buf = grow(buf);
    }
    try {
      while (limit < buf.length) {
        int n = reader.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
          break;
        }
        limit += n;
      }
    } catch (IOException e) {
      eof = true;
      throw error(
          Problem.READ_FAILED,
          base + limit,
          "cannot read the script: " + e.getMessage() + ". Check that the file is readable.");
    }
    if (!bomChecked && limit > 0) {
      bomChecked = true;
      if (buf[0] == '\uFEFF') {
        System.arraycopy(buf, 1, buf, 0, --limit);
      }
    }
  }

  /**
   * Doubles the window. A statement larger than the heap allows ends here with a message naming it,
   * instead of an OutOfMemoryError escaping from the lexer: the failed allocation never took
   * memory, so the old window is still intact and there is room to report.
   */
  private char[] grow(char[] old) {
    try {
      return Arrays.copyOf(old, old.length * 2);
    } catch (OutOfMemoryError e) {
      long mb = (long) limit >> 20;
      throw error(
          Problem.STATEMENT_TOO_LARGE,
          segmentStart,
          "the statement starting here is larger than "
              + mb
              + " MB (read so far) and does not fit in the memory the JVM has");
    }
  }

  /** Makes {@code n} chars available from {@link #pos}; false when the input ends before. */
  boolean ensure(int n) {
    while (limit - pos < n) {
      if (eof) {
        return false;
      }
      refill();
    }
    return true;
  }

  /** The absolute offset of {@link #pos}. */
  long position() {
    return base + pos;
  }

  void moveTo(long at) {
    pos = (int) (at - base);
  }

  /** Starts a new segment at {@link #pos}. */
  void startSegment() {
    segmentStart = base + pos;
    if (buf.length > SHRINK_ABOVE && limit - pos <= DEFAULT_CAPACITY / 2) {
      // A huge statement grew the window to twice its size. It has been handed out as a String
      // now; keeping the window would double the memory while the driver copies that String to
      // send it (issue 17, defect 10). What is left to scan moves to a window of the usual size.
      lines.advance(buf, base, segmentStart);
      char[] small = new char[DEFAULT_CAPACITY];
      System.arraycopy(buf, pos, small, 0, limit - pos);
      limit -= pos;
      base += pos;
      pos = 0;
      buf = small;
    }
  }

  /** The text between two absolute offsets of the current segment. */
  String text(long from, long to) {
    return new String(buf, (int) (from - base), (int) (to - from));
  }

  /** The 1-based line of absolute offset {@code at}, which must not precede earlier requests. */
  int line(long at) {
    lines.advance(buf, base, at);
    return lines.line();
  }

  /** The 1-based column of absolute offset {@code at}; call {@link #line} first. */
  int column(long at) {
    return lines.column(at);
  }

  SqlSplitException error(Problem problem, long at, String detail) {
    int line = line(at);
    return new SqlSplitException(problem, source, line, column(at), detail);
  }

  void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // Closing a reader we only read from cannot lose data.
    }
  }
}
