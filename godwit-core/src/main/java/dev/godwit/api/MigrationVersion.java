package dev.godwit.api;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A migration version: parts separated by {@code .} or {@code _}, compared numerically part by part
 * ({@code 1.10} after {@code 1.9}); trailing zero parts do not count ({@code 1.0 = 1}).
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
  private final String text;
  // Exactly one is set: longs when every part fits in one (nearly always, and several times
  // faster to parse, compare and hash across thousands of versions), else BigIntegers. The choice
  // is canonical, so equal versions always have the same representation.
  private final long[] small;
  private final BigInteger[] big;

  private MigrationVersion(String text, long[] small, BigInteger[] big) {
    this.text = text;
    this.small = small;
    this.big = big;
  }

  /**
   * Parses a version as written in a file name or the history table.
   *
   * @throws IllegalArgumentException when the text is not a version; the message says why
   */
  public static MigrationVersion parse(String raw) {
    Objects.requireNonNull(raw, "version");
    String text = raw.replace('_', '.');
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the version is empty");
    }
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.') {
        count++;
      }
    }
    long[] longs = new long[count];
    BigInteger[] bigs = null;
    int start = 0;
    int k = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        if (!isNumber(text, start, i)) {
          throw new IllegalArgumentException(
              "could not recognise version number "
                  + raw
                  + " (parts must be numbers, as in 1.2.3)");
        }
        BigInteger b = null;
        if (i - start <= 18) {
          longs[k] = Long.parseLong(text, start, i, 10);
        } else {
          b = new BigInteger(text.substring(start, i));
          if (b.bitLength() < 64) {
            longs[k] = b.longValueExact();
            b = null;
          }
        }
        if (b != null && bigs == null) {
          bigs = new BigInteger[count];
          for (int j = 0; j < k; j++) {
            bigs[j] = BigInteger.valueOf(longs[j]);
          }
        }
        if (bigs != null) {
          bigs[k] = b != null ? b : BigInteger.valueOf(longs[k]);
        }
        k++;
        start = i + 1;
      }
    }
    int size = count;
    while (size > 1 && (bigs != null ? bigs[size - 1].signum() == 0 : longs[size - 1] == 0)) {
      size--;
    }
    if (bigs != null) {
      BigInteger[] trimmed = Arrays.copyOf(bigs, size);
      return new MigrationVersion(text, null, trimmed);
    }
    return new MigrationVersion(text, size == count ? longs : Arrays.copyOf(longs, size), null);
  }

  /** Whether {@code raw} parses as a version. */
  public static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isNumber(String s, int from, int to) {
    int digits = from < to && (s.charAt(from) == '+' || s.charAt(from) == '-') ? from + 1 : from;
    if (digits == to) {
      return false;
    }
    for (int i = digits; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The version as written, with {@code _} turned into {@code .}; leading zeros kept. */
  @Override
  public String toString() {
    return text;
  }

  private int size() {
    return small != null ? small.length : big.length;
  }

  private BigInteger bigPart(int i) {
    if (i >= size()) {
      return BigInteger.ZERO;
    }
    return small != null ? BigInteger.valueOf(small[i]) : big[i];
  }

  @Override
  public int compareTo(MigrationVersion other) {
    int n = Math.max(size(), other.size());
    if (small != null && other.small != null) {
      for (int i = 0; i < n; i++) {
        long a = i < small.length ? small[i] : 0;
        long b = i < other.small.length ? other.small[i] : 0;
        if (a != b) {
          return a < b ? -1 : 1;
        }
      }
      return 0;
    }
    for (int i = 0; i < n; i++) {
      int c = bigPart(i).compareTo(other.bigPart(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Versions are equal when they compare equal: {@code 005 = 5}, {@code 1.0 = 1}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationVersion v
        && (small != null
            ? v.small != null && Arrays.equals(small, v.small)
            : v.big != null && Arrays.equals(big, v.big));
  }

  @Override
  public int hashCode() {
    return small != null ? Arrays.hashCode(small) : Arrays.hashCode(big);
  }
}
