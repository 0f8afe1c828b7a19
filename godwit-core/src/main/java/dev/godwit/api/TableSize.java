package dev.godwit.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The size of a table as the database's catalog estimates it ({@code pg_class.reltuples} and {@code
 * pg_total_relation_size}, or {@code information_schema.TABLES.TABLE_ROWS} and {@code DATA_LENGTH +
 * INDEX_LENGTH}). Estimates are enough: the linter only compares them with thresholds.
 *
 * @param schema the table's schema (MySQL: database), or null when not known
 * @param table the table's name as the catalog spells it
 * @param rows estimated row count, or -1 when unknown
 * @param bytes size on disk in bytes, or -1 when unknown
 */
public record TableSize(String schema, String table, long rows, long bytes) {

  /** Validates the figures. */
  public TableSize {
    Objects.requireNonNull(table, "table");
    if (rows < -1 || bytes < -1) {
      throw new IllegalArgumentException("rows and bytes are -1 (unknown) or more");
    }
  }

  /** A table in no particular schema known by its row count only. */
  public static TableSize ofRows(String table, long rows) {
    return new TableSize(null, table, rows, -1);
  }

  /** How the size reads in a message: {@code ~12,000 rows, 3.0 MB}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (rows >= 0) {
      b.append('~').append(String.format(Locale.ROOT, "%,d", rows)).append(" rows");
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
    return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
