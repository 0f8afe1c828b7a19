package dev.godwit.sql;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The placeholders found in the statement being scanned, recorded as absolute offsets of the
 * original text so that replacing them never moves the reported line and column.
 */
final class Placeholders {
  private final Function<String, String> resolver;
  final String prefix;
  final String suffix;
  final char first;
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

  /** The value of {@code name}, or null when undefined. */
  String resolve(String name) {
    return resolver.apply(name);
  }

  void add(long start, long end, String value) {
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
  int suffixAt(char[] b, int nameStart, int limit, boolean eof) {
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
