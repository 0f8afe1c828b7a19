package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the migrations read so far have built: tables with their columns and CHECK constraints,
 * indexes, enum types and constrained domains. Keys are unqualified normalized names.
 */
final class Schema {
  final Map<String, Table> tables = new HashMap<>();
  final Map<String, Index> indexes = new HashMap<>();
  final Map<String, List<String>> enums = new HashMap<>();
  final Set<String> constrainedDomains = new HashSet<>();

  static final class Table {
    final String name;
    boolean partitioned;
    boolean view;
    final Map<String, Column> columns = new LinkedHashMap<>();
    final List<Check> checks = new ArrayList<>();
    final Set<String> fkTargets = new HashSet<>();

    Table(String name) {
      this.name = name;
    }
  }

  static final class Column {
    TypeRef type;
    boolean notNull;

    Column(TypeRef type, boolean notNull) {
      this.type = type;
      this.notNull = notNull;
    }
  }

  /** A CHECK constraint; {@code notNullColumns} are the columns it proves NOT NULL. */
  static final class Check {
    final String name;
    final Set<String> notNullColumns;
    boolean validated;

    Check(String name, Set<String> notNullColumns, boolean validated) {
      this.name = name;
      this.notNullColumns = notNullColumns;
      this.validated = validated;
    }
  }

  record Index(String table, List<String> columns, boolean unique) {}

  Table table(Name n) {
    return n == null ? null : tables.get(n.key());
  }

  Column column(Name table, String column) {
    Table t = table(table);
    return t == null ? null : t.columns.get(column);
  }

  /** Whether a validated CHECK on {@code table} proves {@code column} NOT NULL. */
  boolean provenNotNull(Name table, String column) {
    Table t = table(table);
    if (t == null) {
      return false;
    }
    for (Check c : t.checks) {
      if (c.validated && c.notNullColumns.contains(column)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The columns a CHECK expression proves NOT NULL: the {@code col IS NOT NULL} terms of its
   * top-level AND.
   */
  static Set<String> notNullColumns(List<Token> expr) {
    Set<String> out = new HashSet<>();
    List<Token> e = stripParens(expr);
    List<List<Token>> terms = splitAnd(e);
    for (List<Token> term : terms) {
      List<Token> t = stripParens(term);
      if (t.size() == 4
          && t.get(0).isIdent()
          && t.get(1).is("is")
          && t.get(2).is("not")
          && t.get(3).is("null")) {
        out.add(t.get(0).value());
      }
    }
    return out;
  }

  static List<Token> stripParens(List<Token> e) {
    while (e.size() >= 2
        && e.get(0).isPunct("(")
        && e.get(e.size() - 1).isPunct(")")
        && closesAtEnd(e)) {
      e = e.subList(1, e.size() - 1);
    }
    return e;
  }

  /** Whether the parenthesis opening {@code e} closes at its last token. */
  private static boolean closesAtEnd(List<Token> e) {
    int depth = 0;
    for (int i = 0; i < e.size(); i++) {
      if (e.get(i).isPunct("(")) {
        depth++;
      } else if (e.get(i).isPunct(")")) {
        depth--;
        if (depth == 0 && i < e.size() - 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** Splits at top-level AND (a BETWEEN's AND stays with it). */
  static List<List<Token>> splitAnd(List<Token> e) {
    return splitBool(e, "and");
  }

  static List<List<Token>> splitBool(List<Token> e, String op) {
    List<List<Token>> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean between = false;
    for (int i = 0; i < e.size(); i++) {
      Token t = e.get(i);
      if (t.isPunct("(")) {
        depth++;
      } else if (t.isPunct(")")) {
        depth--;
      } else if (depth == 0 && t.is("between")) {
        between = true;
      } else if (depth == 0 && t.is(op)) {
        if (op.equals("and") && between) {
          between = false;
          continue;
        }
        out.add(e.subList(start, i));
        start = i + 1;
      }
    }
    out.add(e.subList(start, e.size()));
    return out;
  }
}
