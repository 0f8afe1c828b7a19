package dev.godwit.sql;

import dev.godwit.sql.SqlSplitException.Problem;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The placeholders found in the statement being scanned, recorded as absolute offsets of the
 * original text so that replacing them never moves the reported line and column.
 */
final class Placeholders {
  private final Function<String, String> resolver;
  private final String prefix;
  private final String suffix;

  /** The first char of the prefix: the lexer's cheap pre-check. */
  final char first;

  /** Replace only in code, not in literals and comments. */
  final boolean codeOnly;

  private long[] starts = new long[4];
  private long[] ends = new long[4];
  private String[] values = new String[4];
  private int count;

  Placeholders(SplitOptions options) {
    this.resolver = options.placeholders();
    this.prefix = options.placeholderPrefix();
    this.suffix = options.placeholderSuffix();
    this.first = prefix.charAt(0);
    this.codeOnly = options.placeholdersInCodeOnly();
  }

  boolean isEmpty() {
    return count == 0;
  }

  void clear() {
    Arrays.fill(values, 0, count, null);
    count = 0;
  }

  /**
   * A placeholder in code at the window's position.
   *
   * @return the index just after it, or {@link Scan#NO_MATCH} when the text there is none
   * @throws SqlSplitException when it names an undefined placeholder
   */
  int inCode(Window w) {
    if (!w.ensure(prefix.length()) || !Scan.regionEquals(w.buf, w.pos, prefix)) {
      return Scan.NO_MATCH;
    }
    int s;
    while ((s = suffixAt(w.buf, w.pos + prefix.length(), w.limit, w.eof)) == Scan.NEED_MORE) {
      w.refill();
    }
    if (s == Scan.NO_MATCH) {
      return Scan.NO_MATCH;
    }
    int end = s + suffix.length();
    record(w, w.pos, s, end, false);
    return end;
  }

  /**
   * The placeholders inside {@code [from, to)}: a literal, a comment or a dollar-quoted body.
   *
   * @param keepUndefined leave an undefined placeholder as written instead of failing
   */
  void inRange(Window w, int from, int to, boolean keepUndefined) {
    char[] b = w.buf;
    int pl = prefix.length();
    for (int i = from; i + pl < to; i++) {
      if (b[i] != first || !Scan.regionEquals(b, i, prefix)) {
        continue;
      }
      int s = suffixAt(b, i + pl, to, true);
      if (s < 0) {
        continue;
      }
      int end = s + suffix.length();
      if (record(w, i, s, end, keepUndefined)) {
        i = end - 1;
      }
    }
  }

  private boolean record(Window w, int start, int suffixAt, int end, boolean keepUndefined) {
    int nameStart = start + prefix.length();
    String name = new String(w.buf, nameStart, suffixAt - nameStart);
    String value = resolver.apply(name);
    if (value == null) {
      if (keepUndefined) {
        return false;
      }
      throw w.error(
          Problem.UNDEFINED_PLACEHOLDER,
          w.base + start,
          "undefined placeholder "
              + new String(w.buf, start, end - start)
              + ": define it in placeholders, or set placeholderReplacement=false.");
    }
    add(w.base + start, w.base + end, value);
    return true;
  }

  private void add(long start, long end, String value) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    values[count] = value;
    count++;
  }

  /**
   * The offset of the suffix closing a placeholder whose name starts at {@code nameStart}, {@link
   * Scan#NO_MATCH} when there is none on that line before {@code limit}, or {@link Scan#NEED_MORE}.
   */
  private int suffixAt(char[] b, int nameStart, int limit, boolean eof) {
    char s0 = suffix.charAt(0);
    int sl = suffix.length();
    for (int i = nameStart; i < limit; i++) {
      char c = b[i];
      if (c == '\n') {
        return Scan.NO_MATCH;
      }
      if (c == s0) {
        if (i + sl > limit) {
          return eof ? Scan.NO_MATCH : Scan.NEED_MORE;
        }
        if (Scan.regionEquals(b, i, suffix)) {
          return i == nameStart ? Scan.NO_MATCH : i;
        }
      }
    }
    return eof ? Scan.NO_MATCH : Scan.NEED_MORE;
  }

  /**
   * The statement text {@code b[s, e)} (where {@code b[0]} is at absolute offset {@code base}) with
   * the recorded placeholders replaced.
   */
  String substitute(char[] b, long base, int s, int e) {
    StringBuilder out = new StringBuilder(e - s + 16 * count);
    int cursor = s;
    for (int i = 0; i < count; i++) {
      int ps = (int) (starts[i] - base);
      if (ps >= e) {
        break;
      }
      out.append(b, cursor, ps - cursor).append(values[i]);
      cursor = (int) (ends[i] - base);
    }
    if (cursor < e) {
      out.append(b, cursor, e - cursor);
    }
    return out.toString();
  }
}
