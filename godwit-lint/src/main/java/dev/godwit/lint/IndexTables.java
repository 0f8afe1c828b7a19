package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Which table each index of the live catalog belongs to, for {@code REINDEX INDEX}. */
public final class IndexTables {
  private IndexTables() {}

  /**
   * The table of every index the connection's user can see in its current schemas, by index name:
   * so {@code REINDEX INDEX i} finds its table when no migration file created {@code i}. PostgreSQL
   * only (the only dialect with REINDEX); empty otherwise and when the catalog cannot be read.
   */
  public static Map<String, String> read(Connection c, SqlDialect dialect) {
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
