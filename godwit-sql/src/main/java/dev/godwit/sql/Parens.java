package dev.godwit.sql;

import java.util.Arrays;

/**
 * The parentheses open in the statement being scanned, with where each opened: psql keeps a {@code
 * ;} inside them in the statement, and an unclosed one is reported where it opened.
 */
final class Parens {
  private long[] opened = new long[8];
  private int depth;

  int depth() {
    return depth;
  }

  /** A {@code (} at absolute offset {@code at}. */
  void open(long at) {
    if (depth == opened.length) {
      opened = Arrays.copyOf(opened, depth * 2);
    }
    opened[depth++] = at;
  }

  /** A {@code )}; one without its {@code (} is ignored. */
  void close() {
    if (depth > 0) {
      depth--;
    }
  }

  /** Absolute offset of the innermost open parenthesis; only while {@link #depth()} is positive. */
  long innermost() {
    return opened[depth - 1];
  }

  void reset() {
    depth = 0;
  }
}
