package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL function's volatility ({@code pg_proc.provolatile}), which decides whether a column
 * default can be stored once in the catalog (PostgreSQL 11+) or must be computed for every row.
 */
public enum FunctionVolatility {
  /** {@code i}: same result for the same arguments, forever. */
  IMMUTABLE,
  /** {@code s}: same result within one statement (now(), current_setting()). */
  STABLE,
  /** {@code v}: may change on every call (random(), nextval(), gen_random_uuid()). */
  VOLATILE;

  /**
   * The volatility for {@code pg_proc.provolatile}'s code.
   *
   * @throws IllegalArgumentException for anything but {@code i}, {@code s} or {@code v}
   */
  public static FunctionVolatility ofCode(String code) {
    return switch (code) {
      case "i" -> IMMUTABLE;
      case "s" -> STABLE;
      case "v" -> VOLATILE;
      default -> throw new IllegalArgumentException("provolatile is i, s or v, not " + code);
    };
  }

  /**
   * Reads every function's volatility from the live PostgreSQL catalog, keyed {@code name/arity}
   * and {@code schema.name/arity}. When overloads of one name and arity differ (different argument
   * types, or the same name in two schemas), the unqualified key keeps the most volatile one. Empty
   * for other dialects and when the catalog cannot be read.
   */
  public static Map<String, FunctionVolatility> read(Connection c, SqlDialect dialect) {
    Map<String, FunctionVolatility> out = new HashMap<>();
    if (dialect != SqlDialect.POSTGRES) {
      return out;
    }
    String sql =
        "SELECT n.nspname, p.proname, p.pronargs, p.provolatile FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_toast%'";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String key = rs.getString(2) + "/" + rs.getInt(3);
        FunctionVolatility v = ofCode(rs.getString(4));
        out.put(rs.getString(1) + "." + key, v);
        out.merge(key, v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    } catch (SQLException e) {
      // Without the catalog the built-in list decides; nothing is lost but precision.
      return new HashMap<>();
    }
    return out;
  }
}
