package dev.godwit.lint;

/**
 * The size of a table as the database reports it ({@code pg_class.reltuples} and {@code
 * pg_total_relation_size}, or {@code information_schema.TABLES.TABLE_ROWS} and {@code
 * DATA_LENGTH}). Estimates are fine: rules only compare them with thresholds.
 *
 * @param rows estimated row count, or -1 when unknown
 * @param bytes size on disk in bytes, or -1 when unknown
 */
public record TableSize(long rows, long bytes) {

  /** Validates the figures. */
  public TableSize {
    if (rows < -1 || bytes < -1) {
      throw new IllegalArgumentException("rows and bytes are -1 (unknown) or more");
    }
  }

  /** A size known by its row count only. */
  public static TableSize ofRows(long rows) {
    return new TableSize(rows, -1);
  }

  /** How the size reads in a message: {@code ~12,000 rows, 3 MB}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (rows >= 0) {
      b.append('~').append(String.format(java.util.Locale.ROOT, "%,d", rows)).append(" rows");
    }
    if (bytes >= 0) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(humanBytes(bytes));
    }
    return b.length() == 0 ? "size unknown" : b.toString();
  }

  private static String humanBytes(long n) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
