package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Table sizes from the live catalog, so size-aware rules relax for small tables. Estimates, as the
 * planner keeps them: cheap to read on a busy production database.
 */
public final class TableSizes {
  private TableSizes() {}

  /**
   * PostgreSQL: {@code reltuples} once the table has been analysed or vacuumed. Before that it is
   * -1 (PostgreSQL 14+; 0 before), which says nothing about the size, so the rows are estimated as
   * the planner does: the pages on disk ({@code pg_relation_size}, current even without statistics)
   * times the rows that fit in a page, from the width of the columns (their fixed length, 32 bytes
   * for variable-length ones) plus the tuple header. A partitioned parent holds no rows itself: its
   * size is the sum of its partitions'.
   */
  private static final String PG_SIZES =
      "WITH t AS (SELECT c.oid, c.relname, c.relkind, c.reltuples,"
          + " pg_relation_size(c.oid) AS bytes, pg_total_relation_size(c.oid) AS total,"
          + " (SELECT COALESCE(sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END), 0)"
          + " FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
          + " AND NOT a.attisdropped) AS width"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (current_schemas(false))),"
          + " e AS (SELECT oid, relname, relkind, total, CASE"
          + " WHEN reltuples > 0 OR (reltuples = 0 AND bytes = 0) THEN reltuples::bigint"
          + " WHEN bytes = 0 THEN 0"
          + " ELSE (bytes / current_setting('block_size')::bigint)"
          + " * ((current_setting('block_size')::bigint - 24) / (28 + width)) END AS rows"
          + " FROM t)"
          + " SELECT e.relname, CASE WHEN e.relkind = 'p' THEN COALESCE((SELECT sum(p.rows)"
          + " FROM pg_inherits i JOIN e p ON p.oid = i.inhrelid WHERE i.inhparent = e.oid), 0)"
          + " ELSE e.rows END::bigint,"
          + " CASE WHEN e.relkind = 'p' THEN COALESCE((SELECT sum(p.total) FROM pg_inherits i"
          + " JOIN e p ON p.oid = i.inhrelid WHERE i.inhparent = e.oid), 0)"
          + " ELSE e.total END::bigint FROM e";

  /**
   * Reads rows and bytes of every table the connection's user can see in its current schema or
   * database; empty when the catalog cannot be read.
   */
  public static Map<String, TableSize> read(Connection c, SqlDialect dialect) {
    String sql =
        switch (dialect.family()) {
          case POSTGRES -> PG_SIZES;
          case MYSQL ->
              "SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0) +"
                  + " COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA"
                  + " = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";
          default -> null; // SQLite keeps no row counts; H2 has no rules.
        };
    Map<String, TableSize> out = new HashMap<>();
    if (sql == null) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getString(1).toLowerCase(Locale.ROOT),
            new TableSize(Math.max(0, rs.getLong(2)), Math.max(0, rs.getLong(3))));
      }
    } catch (SQLException e) {
      // Without sizes every size-aware rule keeps its default severity; nothing is lost.
      return new HashMap<>();
    }
    return out;
  }

  /**
   * The table of every index the connection's user can see in its current schemas, by index name:
   * so {@code REINDEX INDEX i} finds its table when no migration file created {@code i}. PostgreSQL
   * only (the only dialect with REINDEX); empty otherwise and when the catalog cannot be read.
   */
  public static Map<String, String> indexTables(Connection c, SqlDialect dialect) {
    Map<String, String> out = new HashMap<>();
    if (dialect != SqlDialect.POSTGRES) {
      return out;
    }
    String sql =
        "SELECT i.relname, t.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE n.nspname = ANY (current_schemas(false))";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      // REINDEX INDEX then finds only the indexes of the migration files; nothing else changes.
      return new HashMap<>();
    }
    return out;
  }
}
