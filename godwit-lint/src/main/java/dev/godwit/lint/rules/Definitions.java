package dev.godwit.lint.rules;

import dev.godwit.lint.rules.ConstraintDef.Kind;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses column definitions, table constraints and types. */
final class Definitions {
  private Definitions() {}

  /** Words that end a type name and start a column constraint. */
  private static final Set<String> TYPE_STOP =
      Set.of(
          "not",
          "null",
          "default",
          "constraint",
          "primary",
          "unique",
          "references",
          "check",
          "generated",
          "collate",
          "auto_increment",
          "autoincrement",
          "as",
          "comment",
          "on",
          "first",
          "after",
          "stored",
          "virtual",
          "persistent",
          "invisible",
          "visible",
          "column_format",
          "storage",
          "srid",
          "key",
          "using",
          "compression",
          "identity");

  /** Words that end a DEFAULT expression. */
  private static final Set<String> DEFAULT_STOP =
      Set.of(
          "not",
          "null",
          "primary",
          "unique",
          "references",
          "check",
          "constraint",
          "generated",
          "collate",
          "comment",
          "auto_increment",
          "first",
          "after",
          "on",
          "invisible",
          "visible",
          "storage",
          "column_format");

  private static final Map<String, String> PG_TYPES =
      Map.ofEntries(
          Map.entry("int", "int4"),
          Map.entry("integer", "int4"),
          Map.entry("int4", "int4"),
          Map.entry("bigint", "int8"),
          Map.entry("int8", "int8"),
          Map.entry("smallint", "int2"),
          Map.entry("int2", "int2"),
          Map.entry("character varying", "varchar"),
          Map.entry("varchar", "varchar"),
          Map.entry("char varying", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("char", "bpchar"),
          Map.entry("bpchar", "bpchar"),
          Map.entry("decimal", "numeric"),
          Map.entry("numeric", "numeric"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("timestamptz", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("timetz", "timetz"),
          Map.entry("double precision", "float8"),
          Map.entry("float8", "float8"),
          Map.entry("real", "float4"),
          Map.entry("float4", "float4"),
          Map.entry("boolean", "bool"),
          Map.entry("bool", "bool"),
          Map.entry("serial4", "serial"),
          Map.entry("serial8", "bigserial"),
          Map.entry("serial2", "smallserial"));

  private static final Map<String, String> MYSQL_TYPES =
      Map.of(
          "integer",
          "int",
          "character varying",
          "varchar",
          "character",
          "char",
          "dec",
          "decimal",
          "numeric",
          "decimal",
          "boolean",
          "tinyint",
          "bool",
          "tinyint");

  /** A type at the cursor, or null when none is written. */
  static TypeRef type(Cursor c, SqlDialect dialect) {
    List<String> words = new ArrayList<>();
    List<String> args = new ArrayList<>();
    List<String> modifiers = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean array = false;
    while (!c.atEnd()) {
      Token t = c.peek();
      if (t.isIdent() && !(t.kind() == Token.Kind.WORD && TYPE_STOP.contains(t.value()))) {
        if (!words.isEmpty() && t.is("character") && c.peek(1) != null && c.peek(1).is("set")) {
          c.next();
          c.next();
          c.next();
          continue;
        }
        if (t.is("charset")) {
          c.next();
          c.next();
          continue;
        }
        if (t.is("array")) {
          array = true;
          c.next();
          continue;
        }
        if (t.is("unsigned") || t.is("signed") || t.is("zerofill")) {
          modifiers.add(t.value());
          text.append(' ').append(t.text());
          c.next();
          continue;
        }
        if (!words.isEmpty() && c.peek(-1) != null && c.peek(-1).isPunct(".")) {
          words.clear();
        }
        words.add(t.value());
        text.append(text.length() == 0 ? "" : " ").append(t.text());
        c.next();
      } else if (t.isPunct("(") && args.isEmpty() && !words.isEmpty()) {
        List<Token> inner = c.parens();
        StringBuilder a = new StringBuilder("(");
        for (List<Token> arg : Cursor.split(inner, ",")) {
          StringBuilder v = new StringBuilder();
          for (Token x : arg) {
            v.append(x.kind() == Token.Kind.STRING ? x.value() : x.text());
          }
          args.add(v.toString());
          a.append(a.length() > 1 ? "," : "").append(join(arg));
        }
        text.append(a).append(')');
      } else if (t.isPunct("[") && !words.isEmpty()) {
        while (!c.atEnd() && !c.next().isPunct("]")) {
          // array bounds
        }
        array = true;
      } else if (t.isPunct(".") && !words.isEmpty()) {
        c.next();
      } else {
        break;
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    String base = String.join(" ", words);
    if (dialect == SqlDialect.POSTGRES) {
      base = PG_TYPES.getOrDefault(base, base);
    } else if (dialect.family() == SqlDialect.MYSQL) {
      base = MYSQL_TYPES.getOrDefault(base, base);
    }
    if (!modifiers.isEmpty()) {
      base = base + " " + String.join(" ", modifiers);
    }
    return new TypeRef(base, args, array, text.toString() + (array ? "[]" : ""));
  }

  static String join(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (b.length() > 0
          && !t.isPunct(",")
          && !t.isPunct(")")
          && !t.isPunct("::")
          && !t.isPunct("(")
          && !b.toString().endsWith("(")
          && !b.toString().endsWith("::")) {
        b.append(' ');
      }
      b.append(t.text());
    }
    return b.toString();
  }

  /** A column definition at the cursor: name, type, constraints. */
  static ColumnDef column(Cursor c, SqlDialect dialect) {
    String name = c.ident();
    if (name == null) {
      return null;
    }
    TypeRef type = type(c, dialect);
    boolean notNull = false;
    List<Token> dflt = null;
    boolean pk = false;
    boolean unique = false;
    Name refs = null;
    List<List<Token>> checks = new ArrayList<>();
    boolean stored = false;
    boolean virtual = false;
    boolean identity = false;
    boolean autoInc = false;
    while (!c.atEnd()) {
      if (c.accept("not", "null")) {
        notNull = true;
      } else if (c.accept("null")) {
        notNull = false;
      } else if (c.accept("default")) {
        dflt = defaultExpr(c);
      } else if (c.accept("primary", "key")) {
        pk = true;
        notNull = true;
      } else if (c.accept("unique")) {
        unique = true;
        c.accept("key");
      } else if (c.accept("references")) {
        refs = c.name();
        c.parens();
      } else if (c.accept("check")) {
        List<Token> e = c.parens();
        if (e != null) {
          checks.add(e);
        }
      } else if (c.accept("constraint")) {
        c.ident();
      } else if (c.is("generated") || (c.is("as") && c.peek(1) != null && c.peek(1).isPunct("("))) {
        if (c.accept("generated")) {
          if (!c.accept("always")) {
            c.accept("by", "default");
          }
        }
        c.accept("as");
        if (c.accept("identity")) {
          identity = true;
          c.parens();
        } else {
          c.parens();
          if (c.acceptAny("stored", "persistent") != null) {
            stored = true;
          } else {
            c.accept("virtual");
            virtual = true;
          }
        }
      } else if (c.acceptAny("auto_increment", "autoincrement") != null) {
        autoInc = true;
      } else if (c.accept("collate") || c.accept("comment")) {
        c.next();
      } else {
        c.skipOne();
      }
    }
    return new ColumnDef(
        name, type, notNull, dflt, pk, unique, refs, checks, stored, virtual, identity, autoInc);
  }

  private static List<Token> defaultExpr(Cursor c) {
    int start = c.position();
    boolean first = true;
    while (!c.atEnd()) {
      Token t = c.peek();
      if (!first && t.kind() == Token.Kind.WORD && DEFAULT_STOP.contains(t.value())) {
        break;
      }
      c.skipOne();
      first = false;
    }
    return List.copyOf(c.slice(start, c.position()));
  }

  /** Whether a table element or ADD action starts a constraint rather than a column. */
  static boolean startsConstraint(Cursor c, SqlDialect dialect) {
    Token t = c.peek();
    if (t == null || t.kind() != Token.Kind.WORD) {
      return false;
    }
    return switch (t.value()) {
      case "constraint", "check", "foreign", "exclude" -> true;
      case "primary" -> c.peek(1) != null && c.peek(1).is("key");
      case "unique" -> true;
      case "index", "key", "fulltext", "spatial" -> dialect.family() == SqlDialect.MYSQL;
      default -> false;
    };
  }

  /** A table constraint or MySQL index definition at the cursor. */
  static ConstraintDef constraint(Cursor c, SqlDialect dialect) {
    String name = null;
    if (c.accept("constraint")) {
      Token t = c.peek();
      if (t != null
          && !(t.is("check")
              || t.is("unique")
              || t.is("primary")
              || t.is("foreign")
              || t.is("exclude"))) {
        name = c.ident();
      }
    }
    Kind kind;
    List<String> columns = new ArrayList<>();
    Name refs = null;
    List<Token> check = List.of();
    String usingIndex = null;
    if (c.accept("check")) {
      kind = Kind.CHECK;
      List<Token> e = c.parens();
      check = e == null ? List.of() : e;
    } else if (c.accept("foreign", "key")) {
      kind = Kind.FOREIGN_KEY;
      if (!c.isPunct("(")) {
        String n = c.ident();
        name = name == null ? n : name;
      }
      columns = idents(c.parens());
      if (c.accept("references")) {
        refs = c.name();
      }
    } else if (c.accept("exclude")) {
      kind = Kind.EXCLUDE;
    } else {
      if (c.accept("primary", "key")) {
        kind = Kind.PRIMARY_KEY;
      } else if (c.accept("unique")) {
        kind = Kind.UNIQUE;
        if (c.accept("nulls")) {
          c.accept("not");
          c.accept("distinct");
        }
        c.acceptAny("index", "key");
      } else if (c.acceptAny("fulltext") != null) {
        kind = Kind.FULLTEXT;
        c.acceptAny("index", "key");
      } else if (c.acceptAny("spatial") != null) {
        kind = Kind.SPATIAL;
        c.acceptAny("index", "key");
      } else {
        c.acceptAny("index", "key");
        kind = Kind.INDEX;
      }
      if (c.accept("using", "index")) {
        usingIndex = c.ident();
      } else {
        if (!c.isPunct("(") && !c.is("using")) {
          String n = c.ident();
          name = name == null ? n : name;
        }
        if (c.accept("using")) {
          c.next();
        }
        columns = idents(c.parens());
      }
    }
    List<Token> rest = c.rest();
    boolean notValid = Cursor.hasTopLevelPair(rest, "not", "valid");
    boolean notEnforced = Cursor.hasTopLevelPair(rest, "not", "enforced");
    return new ConstraintDef(name, kind, columns, refs, check, notValid, notEnforced, usingIndex);
  }

  /** The first identifier of each comma-separated element: the column of an index key. */
  static List<String> idents(List<Token> inner) {
    List<String> out = new ArrayList<>();
    if (inner == null) {
      return out;
    }
    for (List<Token> part : Cursor.split(inner, ",")) {
      if (!part.isEmpty() && part.get(0).isIdent()) {
        out.add(part.get(0).value());
      }
    }
    return out;
  }
}
