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
   * Reads rows and bytes of every table the connection's user can see in its current schema or
   * database; empty when the catalog cannot be read.
   */
  public static Map<String, TableSize> read(Connection c, SqlDialect dialect) {
    String sql =
        switch (dialect.family()) {
          case POSTGRES ->
              "SELECT c.relname, GREATEST(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)"
                  + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE"
                  + " c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (current_schemas(false))";
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
}
