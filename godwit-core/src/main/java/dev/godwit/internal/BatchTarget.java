package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlTokenizer;
import dev.godwit.sql.Statement;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of a single-table UPDATE or DELETE that a backfill needs to run it one key range at a
 * time: the table, how the statement names it, the text before its WHERE, and its condition.
 *
 * @param schema the table's schema (MySQL: database) as written, or null when unqualified
 * @param table the table's name, unquoted
 * @param qualifier what qualifies its columns in the statement: the alias, else the table as
 *     written
 * @param tableText the table as written, with its alias
 * @param head the statement up to its WHERE (all of it when it has none)
 * @param condition the WHERE condition, or null
 * @param assigned the columns an UPDATE assigns, lower case; empty for a DELETE
 */
record BatchTarget(
    String schema,
    String table,
    String qualifier,
    String tableText,
    String head,
    String condition,
    Set<String> assigned) {

  private static final Set<String> REFUSED =
      Set.of("from", "using", "returning", "order", "limit", "join", "output");
  private static final Set<String> MODIFIERS = Set.of("low_priority", "ignore", "quick", "only");

  /**
   * Parses the statement.
   *
   * @throws GodwitException with {@link ErrorCode#SCRIPT_INVALID} naming the script and line when
   *     it is not a single-table UPDATE or DELETE a backfill can split
   */
  static BatchTarget parse(Statement st, SqlDialect dialect, String script) {
    String sql = st.sql();
    List<Token> t = SqlTokenizer.tokenize(sql, dialect);
    String where = script + ":" + st.line() + ": -- godwit:batch ";
    if (t.isEmpty() || !(t.get(0).is("update") || t.get(0).is("delete"))) {
      throw invalid(
          where
              + "goes above an UPDATE or DELETE of one table, not '"
              + Messages.firstLine(sql)
              + "'. Remove the directive, or write the change as an UPDATE ... WHERE.");
    }
    boolean update = t.get(0).is("update");
    int i = 1;
    while (i < t.size()
        && MODIFIERS.contains(t.get(i).value())
        && t.get(i).kind() == Token.Kind.WORD) {
      i++;
    }
    if (!update) {
      if (i >= t.size() || !t.get(i).is("from")) {
        throw invalid(where + "needs DELETE FROM <table>: " + Messages.firstLine(sql));
      }
      i++;
    }
    if (i >= t.size() || !t.get(i).isIdent()) {
      throw invalid(where + "cannot find the table in: " + Messages.firstLine(sql));
    }
    int tableStart = t.get(i).offset();
    String schema = null;
    String table = name(t.get(i), dialect);
    i++;
    if (i + 1 < t.size() && t.get(i).isPunct(".") && t.get(i + 1).isIdent()) {
      schema = table;
      table = name(t.get(i + 1), dialect);
      i += 2;
    }
    int tableEnd = i < t.size() ? t.get(i).offset() : sql.length();
    String tableAsWritten = sql.substring(tableStart, tableEnd).strip();
    String qualifier = tableAsWritten;
    if (i < t.size() && t.get(i).is("as")) {
      i++;
    }
    if (i < t.size() && t.get(i).isIdent() && !t.get(i).is("set") && !t.get(i).is("where")) {
      qualifier = t.get(i).text();
      i++;
    }
    String tableText =
        sql.substring(tableStart, i < t.size() ? t.get(i).offset() : sql.length()).strip();
    if (update && (i >= t.size() || !t.get(i).is("set"))) {
      throw invalid(
          where
              + "runs an UPDATE of one table only (no joins or table lists): "
              + Messages.firstLine(sql));
    }
    Set<String> assigned = new java.util.HashSet<>();
    int depth = 0;
    int whereAt = -1;
    boolean expectColumn = update;
    for (int k = update ? i + 1 : i; k < t.size(); k++) {
      Token tok = t.get(k);
      if (tok.isPunct("(")) {
        depth++;
      } else if (tok.isPunct(")")) {
        depth--;
      } else if (depth == 0) {
        if (tok.kind() == Token.Kind.WORD && REFUSED.contains(tok.value())) {
          throw invalid(
              where
                  + "cannot split a statement with "
                  + tok.text().toUpperCase(java.util.Locale.ROOT)
                  + ": a backfill changes one table by its own key ranges. Move the other"
                  + " table into a subquery of the WHERE condition.");
        }
        if (whereAt < 0 && tok.is("where")) {
          whereAt = k;
          expectColumn = false;
        } else if (whereAt < 0 && update && tok.isPunct(",")) {
          expectColumn = true;
        } else if (expectColumn && tok.isIdent()) {
          // "col =" or "alias.col =": the last identifier before "=" is the column.
          int e = k;
          while (e + 2 < t.size() && t.get(e + 1).isPunct(".") && t.get(e + 2).isIdent()) {
            e += 2;
          }
          assigned.add(t.get(e).value().toLowerCase(java.util.Locale.ROOT));
          expectColumn = false;
          k = e;
        }
      }
    }
    String head = whereAt < 0 ? sql : sql.substring(0, t.get(whereAt).offset()).stripTrailing();
    String condition =
        whereAt < 0 ? null : sql.substring(t.get(whereAt).offset() + "where".length()).strip();
    return new BatchTarget(
        schema, table, qualifier, tableText, head, condition, Set.copyOf(assigned));
  }

  /**
   * A table name as the catalog spells it: PostgreSQL folds unquoted names to lower case, MySQL
   * keeps them as written.
   */
  private static String name(Token t, SqlDialect dialect) {
    return t.kind() == Token.Kind.QUOTED || dialect.family() == SqlDialect.POSTGRES
        ? t.value()
        : t.text();
  }

  /** The columns of the key the statement changes, which would move rows between batches. */
  List<String> assignedKeyColumns(List<String> key) {
    List<String> out = new ArrayList<>();
    for (String k : key) {
      if (assigned.contains(k.toLowerCase(java.util.Locale.ROOT))) {
        out.add(k);
      }
    }
    return out;
  }

  /** How messages name the table. */
  String displayName() {
    return schema == null ? table : schema + "." + table;
  }

  private static GodwitException invalid(String message) {
    return new GodwitException(ErrorCode.SCRIPT_INVALID, message);
  }
}
