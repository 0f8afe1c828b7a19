package dev.godwit.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A migration version: parts separated by {@code .} or {@code _}, compared numerically part by part
 * ({@code 1.10} after {@code 1.9}); trailing zero parts do not count ({@code 1.0 = 1}).
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
  private final String text;
  private final List<BigInteger> parts;

  private MigrationVersion(String text, List<BigInteger> parts) {
    this.text = text;
    this.parts = parts;
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
    List<BigInteger> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        String part = text.substring(start, i);
        if (!isNumber(part)) {
          throw new IllegalArgumentException(
              "could not recognise version number "
                  + raw
                  + " (parts must be numbers, as in 1.2.3)");
        }
        parts.add(new BigInteger(part));
        start = i + 1;
      }
    }
    int size = parts.size();
    while (size > 1 && parts.get(size - 1).signum() == 0) {
      size--;
    }
    return new MigrationVersion(text, List.copyOf(parts.subList(0, size)));
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

  private static boolean isNumber(String part) {
    int from = !part.isEmpty() && (part.charAt(0) == '+' || part.charAt(0) == '-') ? 1 : 0;
    if (part.length() == from) {
      return false;
    }
    for (int i = from; i < part.length(); i++) {
      char c = part.charAt(i);
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

  @Override
  public int compareTo(MigrationVersion other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Versions are equal when they compare equal: {@code 005 = 5}, {@code 1.0 = 1}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationVersion v && parts.equals(v.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }
}
