package dev.godwit.lint.rules;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** Parses UPDATE, DELETE and INSERT far enough to know the table, the WHERE clause and bounds. */
final class DmlParser {
  private DmlParser() {}

  static Parsed parse(String verb, Cursor c, SqlDialect dialect) {
    return switch (verb) {
      case "update" -> update(c);
      case "delete" -> delete(c);
      default -> insert(c);
    };
  }

  private static Parsed update(Cursor c) {
    while (c.acceptAny("low_priority", "ignore", "only") != null) {
      // modifiers
    }
    if (c.accept("or")) {
      c.next();
    }
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("UPDATE without a table name");
    }
    List<Token> rest = c.rest();
    return new Parsed.Dml("update", table, where(rest), bounded(rest), List.of());
  }

  private static Parsed delete(Cursor c) {
    while (c.acceptAny("low_priority", "quick", "ignore") != null) {
      // modifiers
    }
    if (!c.accept("from")) {
      // MySQL multi-table DELETE t1 FROM t1 JOIN ...: the table after FROM is the target.
      List<Token> rest = c.rest();
      int from = Cursor.indexOfTopLevel(rest, 0, "from");
      if (from < 0) {
        return new Parsed.Unparsed("DELETE without FROM");
      }
      c = new Cursor(rest.subList(from + 1, rest.size()));
    }
    c.accept("only");
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("DELETE without a table name");
    }
    List<Token> rest = c.rest();
    return new Parsed.Dml("delete", table, where(rest), bounded(rest), List.of());
  }

  private static Parsed insert(Cursor c) {
    while (c.acceptAny("low_priority", "delayed", "high_priority", "ignore") != null) {
      // modifiers
    }
    if (c.accept("or")) {
      c.next();
    }
    c.accept("into");
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("INSERT without a table name");
    }
    if (c.accept("as")) {
      c.ident();
    }
    if (c.isPunct("(")
        && !(c.peek(1) != null && (c.peek(1).is("select") || c.peek(1).is("with")))) {
      c.parens();
    }
    List<Token> rest = c.rest();
    int i = 0;
    while (i < rest.size() && rest.get(i).isPunct("(")) {
      i++;
    }
    boolean select =
        i < rest.size()
            && (rest.get(i).is("select") || rest.get(i).is("with") || rest.get(i).is("table"));
    if (!select) {
      return new Parsed.Dml("insert_values", table, null, true, List.of());
    }
    // The SELECT part ends where ON CONFLICT / ON DUPLICATE KEY / RETURNING begins.
    int end = Cursor.indexOfTopLevel(rest, 0, "on", "returning");
    List<Token> query = end < 0 ? rest : rest.subList(0, end);
    if (i > 0) {
      query = unwrap(query);
    }
    List<Name> sources = new ArrayList<>();
    for (int k = 0; k < query.size(); k++) {
      Token t = query.get(k);
      if ((t.is("from") || t.is("join")) && k + 1 < query.size() && query.get(k + 1).isIdent()) {
        sources.add(new Cursor(query.subList(k + 1, query.size())).name());
      } else if (t.is("table") && k == 0 && query.size() > 1) {
        sources.add(new Cursor(query.subList(1, query.size())).name());
      }
    }
    return new Parsed.Dml("insert_select", table, where(query), bounded(query), sources);
  }

  private static List<Token> unwrap(List<Token> q) {
    int s = 0;
    int e = q.size();
    while (s < e && q.get(s).isPunct("(") && q.get(e - 1).isPunct(")")) {
      s++;
      e--;
    }
    return q.subList(s, e);
  }

  /** The WHERE clause at the top level, up to RETURNING/ORDER BY/LIMIT, or null. */
  private static List<Token> where(List<Token> rest) {
    int w = Cursor.indexOfTopLevel(rest, 0, "where");
    if (w < 0) {
      return null;
    }
    int end = Cursor.indexOfTopLevel(rest, w + 1, "returning", "order", "limit", "group", "fetch");
    return List.copyOf(rest.subList(w + 1, end < 0 ? rest.size() : end));
  }

  private static boolean bounded(List<Token> rest) {
    return Cursor.indexOfTopLevel(rest, 0, "limit", "fetch") >= 0;
  }
}
