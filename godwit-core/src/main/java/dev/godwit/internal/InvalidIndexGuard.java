package dev.godwit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL: a {@code CREATE [UNIQUE] INDEX CONCURRENTLY} that fails or is cancelled part-way (a
 * lock timeout while it waits for older transactions, a killed runner) leaves its index behind,
 * marked INVALID: never used by queries, yet kept up to date by every write, and in the way of the
 * next attempt ("relation already exists"; with IF NOT EXISTS it is silently kept, still invalid).
 * Before such a statement runs, this finds an INVALID index of that name on that table and drops it
 * with {@code DROP INDEX CONCURRENTLY}, so the statement builds it afresh.
 */
final class InvalidIndexGuard {
  private InvalidIndexGuard() {}

  /**
   * The index a statement builds concurrently.
   *
   * @param index the index name as PostgreSQL stores it (unquoted names folded to lower case)
   * @param table the table, quoted for {@code to_regclass} (schema-qualified when written so)
   * @param ifNotExists whether the statement says IF NOT EXISTS
   */
  record Target(String index, String table, boolean ifNotExists) {}

  /**
   * The index of a {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] table}
   * statement; null for any other statement, or when the index has no name (PostgreSQL then picks a
   * new one on each attempt, so no earlier one is in the way).
   */
  static Target target(String sql) {
    List<String> t = words(sql, 14);
    int i = 0;
    if (!is(t, i++, "create")) {
      return null;
    }
    if (is(t, i, "unique")) {
      i++;
    }
    if (!is(t, i++, "index") || !is(t, i++, "concurrently")) {
      return null;
    }
    boolean ifNotExists = is(t, i, "if") && is(t, i + 1, "not") && is(t, i + 2, "exists");
    if (ifNotExists) {
      i += 3;
    }
    if (i >= t.size() || is(t, i, "on") || t.get(i).equals(".")) {
      return null;
    }
    String index = name(t.get(i++));
    if (!is(t, i++, "on")) {
      return null;
    }
    if (is(t, i, "only")) {
      i++;
    }
    if (i >= t.size() || t.get(i).equals(".")) {
      return null;
    }
    String table = quoted(name(t.get(i)));
    if (is(t, i + 1, ".") && i + 2 < t.size()) {
      table = table + "." + quoted(name(t.get(i + 2)));
    }
    return new Target(index, table, ifNotExists);
  }

  /**
   * Drops an INVALID index of the target's name on its table, unless another session is building it
   * right now.
   *
   * @return what was dropped, described, or null when there was none
   */
  static String dropInvalid(Connection c, Target target) throws SQLException {
    // A build in progress elsewhere is INVALID too; PostgreSQL 12+ shows it in a progress view.
    String building =
        c.getMetaData().getDatabaseMajorVersion() >= 12
            ? " AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p"
                + " WHERE p.index_relid = x.indexrelid)"
            : "";
    String sql =
        "SELECT n.nspname, i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_namespace n ON n.oid = i.relnamespace WHERE x.indrelid = to_regclass(?)"
            + " AND i.relname = ? AND NOT x.indisvalid"
            + building;
    String schema;
    String name;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, target.table());
      ps.setString(2, target.index());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        schema = rs.getString(1);
        name = rs.getString(2);
      }
    }
    String qualified = quoted(schema) + "." + quoted(name);
    Jdbc.execute(c, "DROP INDEX CONCURRENTLY " + qualified);
    return "dropped the INVALID index "
        + qualified
        + " on "
        + target.table()
        + " (left by an earlier CREATE INDEX CONCURRENTLY that did not finish) with DROP INDEX"
        + " CONCURRENTLY, so that the statement builds it again";
  }

  private static boolean is(List<String> words, int i, String word) {
    return i < words.size() && words.get(i).equals(word);
  }

  /** An identifier as PostgreSQL stores it: quoted ones as written, others in lower case. */
  private static String name(String word) {
    if (word.startsWith("\"")) {
      return word.substring(1, word.length() - 1).replace("\"\"", "\"");
    }
    return word;
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * The first {@code max} words of a statement: keywords and plain identifiers in lower case,
   * quoted identifiers with their quotes, and "." and "(" as words of their own; comments skipped.
   */
  static List<String> words(String sql, int max) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n && out.size() < max) {
      char ch = sql.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        i = blockCommentEnd(sql, i);
      } else if (ch == '"') {
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == '"') {
            if (j + 1 < n && sql.charAt(j + 1) == '"') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        out.add(sql.substring(i, Math.min(j + 1, n)));
        i = j + 1;
      } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$') {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j))
                || sql.charAt(j) == '_'
                || sql.charAt(j) == '$')) {
          j++;
        }
        out.add(sql.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else {
        out.add(String.valueOf(ch));
        i++;
      }
    }
    return out;
  }

  /** The offset after the block comment opening at {@code start}; PostgreSQL nests them. */
  static int blockCommentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }
}
