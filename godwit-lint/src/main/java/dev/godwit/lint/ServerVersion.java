package dev.godwit.lint;

/**
 * A database server version: PostgreSQL {@code 16}, MySQL {@code 8.0.29}, SQLite {@code 3.45}.
 * Missing parts are 0. {@link #UNKNOWN} means the version is not known; rules then assume a current
 * release and say so where it matters.
 *
 * @param major major version, 0 when unknown
 * @param minor minor version
 * @param patch patch version
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

  /** The version is not known. */
  public static final ServerVersion UNKNOWN = new ServerVersion(0, 0, 0);

  /** Validates the parts. */
  public ServerVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version parts must not be negative: " + major + "." + minor + "." + patch);
    }
  }

  /**
   * Parses {@code 16}, {@code 8.0.29}, {@code 10.11.6-MariaDB} or {@code 3.45}: the leading
   * dot-separated numbers count, anything after them is ignored.
   *
   * @throws IllegalArgumentException when the text does not start with a number
   */
  public static ServerVersion parse(String text) {
    String t = text.trim();
    int[] parts = new int[3];
    int part = 0;
    int i = 0;
    boolean digits = false;
    while (i < t.length() && part < 3) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        parts[part] = parts[part] * 10 + (c - '0');
        digits = true;
        if (parts[part] > 100_000) {
          throw new IllegalArgumentException("version part too large in '" + text + "'");
        }
      } else if (c == '.' && digits) {
        part++;
        digits = false;
      } else {
        break;
      }
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException(
          "not a version: '" + text + "' (expected e.g. 16, 8.0.29 or 3.45)");
    }
    return new ServerVersion(parts[0], parts[1], parts[2]);
  }

  /** Whether the version is known. */
  public boolean known() {
    return major > 0;
  }

  /** Whether the version is known and at least {@code major.minor.patch}. */
  public boolean atLeast(int major, int minor, int patch) {
    return known() && compareTo(new ServerVersion(major, minor, patch)) >= 0;
  }

  /** Whether the version is known and below {@code major.minor.patch}. */
  public boolean below(int major, int minor, int patch) {
    return known() && compareTo(new ServerVersion(major, minor, patch)) < 0;
  }

  @Override
  public int compareTo(ServerVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    if (!known()) {
      return "unknown";
    }
    return patch > 0
        ? major + "." + minor + "." + patch
        : minor > 0 ? major + "." + minor : "" + major;
  }
}
