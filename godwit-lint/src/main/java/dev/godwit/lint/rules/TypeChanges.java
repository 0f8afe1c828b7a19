package dev.godwit.lint.rules;

/**
 * Which column type changes need no table rewrite, per the catalog's safe lists (PostgreSQL
 * verified on 15; MySQL from the online-DDL tables).
 */
final class TypeChanges {
  private TypeChanges() {}

  /**
   * Why a PostgreSQL change from {@code from} to {@code to} is safe, or null when it rewrites.
   *
   * @param timeZoneUtc whether the migration set the session TimeZone to UTC first
   */
  static String pgSafe(TypeRef from, TypeRef to, boolean timeZoneUtc, boolean indexed) {
    if (from == null || to == null || from.array() != to.array()) {
      return null;
    }
    String a = from.base();
    String b = to.base();
    if (from.sameAs(to)) {
      return "the type does not change";
    }
    if (a.equals("varchar") && b.equals("varchar")) {
      int n = from.arg(0);
      int m = to.arg(0);
      if (m < 0 || (n >= 0 && m >= n)) {
        return "widening varchar is binary-compatible";
      }
      return null;
    }
    if ((a.equals("varchar") || a.equals("text")) && b.equals("text")) {
      return "varchar to text is binary-compatible";
    }
    if (a.equals("text") && b.equals("varchar") && to.args().isEmpty()) {
      return "text to unbounded varchar is binary-compatible";
    }
    if (a.equals("numeric") && b.equals("numeric")) {
      if (to.args().isEmpty()) {
        return "numeric without precision accepts every value";
      }
      int p = from.arg(0);
      int s = Math.max(0, from.arg(1));
      int p2 = to.arg(0);
      int s2 = Math.max(0, to.arg(1));
      if (p >= 0 && p2 >= p && s2 == s) {
        return "raising numeric precision with the same scale is binary-compatible";
      }
      return null;
    }
    if (a.equals("timestamp") && b.equals("timestamptz")) {
      return timeZoneUtc ? "timestamp to timestamptz needs no rewrite when TimeZone is UTC" : null;
    }
    if (a.equals("cidr") && b.equals("inet")) {
      return "cidr to inet is binary-compatible";
    }
    if ((a.equals("citext") && b.equals("text") || a.equals("text") && b.equals("citext"))
        && !indexed) {
      return "citext and text are binary-compatible when the column has no index";
    }
    if (a.equals(b)
        && (a.equals("interval")
            || a.equals("time")
            || a.equals("timestamp")
            || a.equals("timestamptz")
            || a.equals("timetz"))) {
      int n = from.arg(0);
      int m = to.arg(0);
      if (m < 0 || (n >= 0 && m >= n)) {
        return "raising the precision of " + a + " is binary-compatible";
      }
    }
    return null;
  }

  /** Why a MySQL change is in-place, or null when it needs ALGORITHM=COPY. */
  static String mySqlSafe(TypeRef from, TypeRef to) {
    if (from == null || to == null) {
      return null;
    }
    if (from.sameAs(to)) {
      return "the type does not change";
    }
    String a = from.base();
    String b = to.base();
    if (a.equals("varchar") && b.equals("varchar")) {
      int n = from.arg(0);
      int m = to.arg(0);
      // utf8mb4: 4 bytes a character; the length prefix grows from 1 to 2 bytes past 255 bytes.
      if (n >= 0 && m >= n && (m * 4 <= 255 || n * 4 > 255)) {
        return "widening VARCHAR within the same length-prefix size is in-place";
      }
      return null;
    }
    if ((a.equals("enum") && b.equals("enum")) || (a.equals("set") && b.equals("set"))) {
      if (to.args().size() >= from.args().size()
          && to.args().subList(0, from.args().size()).equals(from.args())
          && sameStorage(a, from.args().size(), to.args().size())) {
        return "appending "
            + a.toUpperCase(java.util.Locale.ROOT)
            + " members at the end is instant";
      }
    }
    return null;
  }

  private static boolean sameStorage(String kind, int n, int m) {
    if (kind.equals("enum")) {
      return (n <= 255) == (m <= 255);
    }
    int[] limits = {8, 16, 24, 32, 64};
    for (int l : limits) {
      if (n <= l) {
        return m <= l;
      }
    }
    return true;
  }
}
