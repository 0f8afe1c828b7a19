package dev.godwit.internal;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlTokenizer;
import dev.godwit.sql.Token;
import java.util.List;
import java.util.Set;

/**
 * The table, column or index a DDL statement creates or drops, read from its first words: what the
 * catalog can show after a runner was killed in that statement, to tell whether it was applied.
 *
 * @param kind what it is
 * @param schema the schema written in the statement, or null for the connection's current one
 * @param table the table (for a column, and an index when the statement names its table), or null
 * @param name the table, column or index name, as the tokenizer reads it (lower case unless quoted
 *     on PostgreSQL)
 * @param creates whether the statement creates it (else it drops it)
 */
record CatalogObject(Kind kind, String schema, String table, String name, boolean creates) {

  enum Kind {
    TABLE,
    COLUMN,
    INDEX
  }

  private static final Set<String> ADD_NOT_A_COLUMN =
      Set.of(
          "constraint",
          "primary",
          "unique",
          "foreign",
          "check",
          "fulltext",
          "spatial",
          "partition",
          "period",
          "system",
          "(");

  /** How messages name it: "table t29", "column t29.note", "index t_b". */
  String describe() {
    String prefix = schema == null ? "" : schema + ".";
    return switch (kind) {
      case TABLE -> "table " + prefix + name;
      case COLUMN -> "column " + prefix + table + "." + name;
      case INDEX -> "index " + prefix + name;
    };
  }

  /**
   * The object the statement creates or drops, or null for any other statement (DML, a rename, a
   * constraint, several tables at once): the catalog then cannot tell whether it was applied.
   */
  static CatalogObject of(String sql, SqlDialect dialect) {
    Words w = new Words(SqlTokenizer.tokenize(sql, dialect));
    if (w.take("create")) {
      w.take("or", "replace");
      if (w.take("table")) {
        w.take("if", "not", "exists");
        return w.qualified(Kind.TABLE, true);
      }
      if (!w.take("unique")) {
        if (!w.take("fulltext")) {
          w.take("spatial");
        }
      }
      if (!w.take("index")) {
        return null;
      }
      w.take("concurrently");
      w.take("if", "not", "exists");
      String index = w.name();
      if (index == null || !w.take("on")) {
        return null;
      }
      w.take("only");
      CatalogObject table = w.qualified(Kind.TABLE, true);
      return table == null
          ? null
          : new CatalogObject(Kind.INDEX, table.schema, table.name, index, true);
    }
    if (w.take("drop")) {
      if (w.take("table")) {
        w.take("if", "exists");
        CatalogObject t = w.qualified(Kind.TABLE, false);
        return w.more(",") ? null : t;
      }
      if (w.take("index")) {
        w.take("concurrently");
        w.take("if", "exists");
        CatalogObject i = w.qualified(Kind.INDEX, false);
        if (i == null || w.more(",")) {
          return null;
        }
        if (w.take("on")) {
          CatalogObject t = w.qualified(Kind.TABLE, false);
          return t == null ? null : new CatalogObject(Kind.INDEX, t.schema, t.name, i.name, false);
        }
        return i;
      }
      return null;
    }
    if (w.take("alter", "table")) {
      w.take("only");
      w.take("if", "exists");
      CatalogObject t = w.qualified(Kind.TABLE, true);
      if (t == null) {
        return null;
      }
      boolean add = w.take("add");
      if (!add && !w.take("drop")) {
        return null;
      }
      Kind kind = Kind.COLUMN;
      if (w.take("index") || w.take("key")) {
        kind = Kind.INDEX;
      } else if (w.peekAny(ADD_NOT_A_COLUMN)) {
        return null;
      } else {
        w.take("column");
      }
      if (add) {
        w.take("if", "not", "exists");
      } else {
        w.take("if", "exists");
      }
      String name = w.name();
      return name == null ? null : new CatalogObject(kind, t.schema, t.name, name, add);
    }
    return null;
  }

  /** A cursor over a statement's tokens. */
  private static final class Words {
    private final List<Token> tokens;
    private int i;

    Words(List<Token> tokens) {
      this.tokens = tokens;
    }

    /** Consumes the keywords when all of them come next. */
    boolean take(String... words) {
      for (int k = 0; k < words.length; k++) {
        if (i + k >= tokens.size() || !tokens.get(i + k).is(words[k])) {
          return false;
        }
      }
      i += words.length;
      return true;
    }

    boolean peekAny(Set<String> words) {
      if (i >= tokens.size()) {
        return false;
      }
      Token t = tokens.get(i);
      return (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.PUNCT)
          && words.contains(t.value());
    }

    boolean more(String punct) {
      return i < tokens.size() && tokens.get(i).isPunct(punct);
    }

    String name() {
      if (i >= tokens.size() || !tokens.get(i).isIdent()) {
        return null;
      }
      return tokens.get(i++).value();
    }

    CatalogObject qualified(Kind kind, boolean creates) {
      String first = name();
      if (first == null) {
        return null;
      }
      if (more(".")) {
        i++;
        String second = name();
        return second == null ? null : new CatalogObject(kind, first, null, second, creates);
      }
      return new CatalogObject(kind, null, null, first, creates);
    }
  }
}
