package dev.godwit.lint.rules;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a statement's tokens into a {@link Parsed}. Only what rules need is understood; anything
 * else that starts with a known SQL verb is {@link Parsed.Other}, and text that starts with no verb
 * at all is {@link Parsed.Unparsed}.
 */
final class Parser {
  private Parser() {}

  static Parsed parse(List<Token> tokens, SqlDialect dialect) {
    if (tokens.isEmpty()) {
      return new Parsed.Other("");
    }
    Token first = tokens.get(0);
    if (first.kind() != Token.Kind.WORD) {
      return first.isPunct("(")
          ? new Parsed.Other("(")
          : new Parsed.Unparsed("a statement cannot start with " + first.text());
    }
    Cursor c = new Cursor(tokens);
    String verb = c.next().value();
    if (!Verbs.isVerb(verb)) {
      return new Parsed.Unparsed("unknown statement '" + first.text() + "'");
    }
    return switch (verb) {
      case "alter" -> alter(c, dialect);
      case "create" -> create(c, dialect);
      case "drop" -> drop(c, dialect);
      case "reindex" -> reindex(c);
      case "refresh" -> refresh(c);
      case "truncate" -> {
        c.accept("table");
        List<Name> names = c.names();
        yield new Parsed.Truncate(names, Cursor.indexOfTopLevel(c.rest(), 0, "cascade") >= 0);
      }
      case "rename" -> renameTables(c);
      case "lock" -> lock(c, dialect);
      case "vacuum" -> vacuum(c, dialect);
      case "cluster" -> cluster(c);
      case "set" -> set(c, dialect);
      case "reset" -> {
        Token t = c.next();
        yield t == null
            ? new Parsed.Other("reset")
            : new Parsed.SetVar(Map.of(t.value(), "default"), false);
      }
      case "begin", "start", "commit", "end", "rollback", "abort" -> tx(verb, c, tokens);
      case "update", "delete", "insert", "replace" -> DmlParser.parse(verb, c, dialect);
      case "with" -> with(c, dialect);
      case "select" -> select(tokens);
      case "pragma" -> pragma(c);
      default -> new Parsed.Other(verb);
    };
  }

  private static Parsed alter(Cursor c, SqlDialect dialect) {
    if (c.accept("table")) {
      return AlterTableParser.parse(c, dialect);
    }
    if (c.accept("type")) {
      Name type = c.name();
      if (c.accept("add", "value")) {
        c.accept("if", "not", "exists");
        Token label = c.next();
        if (label != null && label.isString()) {
          return new Parsed.AlterTypeAddValue(type, label.value());
        }
      }
      return new Parsed.Other("alter");
    }
    return new Parsed.Other("alter");
  }

  private static Parsed create(Cursor c, SqlDialect dialect) {
    c.accept("or", "replace");
    boolean temporary = c.acceptAny("temp", "temporary") != null;
    c.acceptAny("global", "local", "unlogged");
    temporary |= c.acceptAny("temp", "temporary") != null;
    if (c.accept("table")) {
      return CreateTableParser.parse(c, dialect, temporary);
    }
    if (c.is("unique") || c.is("index") || c.is("fulltext") || c.is("spatial")) {
      return createIndex(c);
    }
    boolean materialized = c.accept("materialized");
    c.accept("recursive");
    if (c.accept("view")) {
      c.accept("if", "not", "exists");
      Name view = c.name();
      c.parens();
      Name from = null;
      if (c.accept("as", "select") && c.acceptPunct("*") && c.accept("from")) {
        Name n = c.name();
        if (c.atEnd()) {
          from = n;
        }
      }
      return new Parsed.CreateView(view, materialized, from);
    }
    if (c.accept("type")) {
      Name type = c.name();
      if (c.accept("as", "enum")) {
        List<String> labels = new ArrayList<>();
        List<Token> inner = c.parens();
        if (inner != null) {
          for (Token t : inner) {
            if (t.isString()) {
              labels.add(t.value());
            }
          }
        }
        return new Parsed.CreateEnum(type, labels);
      }
      return new Parsed.Other("create");
    }
    if (c.accept("domain")) {
      Name d = c.name();
      List<Token> rest = c.rest();
      boolean constrained =
          Cursor.indexOfTopLevel(rest, 0, "check") >= 0
              || Cursor.hasTopLevelPair(rest, "not", "null");
      return new Parsed.CreateDomain(d, constrained);
    }
    if (c.accept("schema") || (dialect.family() == SqlDialect.MYSQL && c.is("database"))) {
      c.accept("database");
      c.accept("if", "not", "exists");
      return new Parsed.CreateSchema(c.name());
    }
    c.accept("constraint");
    if (c.accept("trigger")) {
      List<Token> rest = c.rest();
      int on = Cursor.indexOfTopLevel(rest, 0, "on");
      if (on >= 0) {
        Cursor rc = new Cursor(rest.subList(on + 1, rest.size()));
        return new Parsed.CreateTrigger(rc.name());
      }
      return new Parsed.Other("create");
    }
    return new Parsed.Other("create");
  }

  private static Parsed createIndex(Cursor c) {
    boolean unique = c.accept("unique");
    String kind = c.acceptAny("fulltext", "spatial");
    c.accept("index");
    boolean conc = c.accept("concurrently");
    c.accept("if", "not", "exists");
    Name index = null;
    if (!c.is("on")) {
      index = c.name();
    }
    if (c.accept("using")) {
      c.next();
    }
    if (!c.accept("on")) {
      return new Parsed.Unparsed("CREATE INDEX without ON <table>");
    }
    boolean only = c.accept("only");
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("CREATE INDEX without a table name");
    }
    if (c.accept("using")) {
      c.next();
    }
    List<String> columns = Definitions.idents(c.parens());
    List<Token> rest = c.rest();
    return new Parsed.CreateIndex(
        index,
        table,
        unique,
        conc,
        only,
        kind,
        columns,
        option(rest, "algorithm"),
        option(rest, "lock"));
  }

  /** MySQL {@code ALGORITHM [=] x} / {@code LOCK [=] x} among {@code tokens}, or null. */
  static String option(List<Token> tokens, String key) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is(key)) {
        Token v = tokens.get(i + 1);
        if (v.isPunct("=") && i + 2 < tokens.size()) {
          v = tokens.get(i + 2);
        }
        return v.value();
      }
    }
    return null;
  }

  private static Parsed drop(Cursor c, SqlDialect dialect) {
    boolean temporary = c.accept("temporary");
    if (c.accept("table")) {
      c.accept("if", "exists");
      List<Name> names = c.names();
      boolean cascade = Cursor.indexOfTopLevel(c.rest(), 0, "cascade") >= 0;
      return names.isEmpty()
          ? new Parsed.Unparsed("DROP TABLE without a table name")
          : temporary ? new Parsed.Other("drop") : new Parsed.DropTable(names, cascade);
    }
    if (c.accept("index")) {
      boolean conc = c.accept("concurrently");
      c.accept("if", "exists");
      List<Name> names = c.names();
      Name table = c.accept("on") ? c.name() : null;
      List<Token> rest = c.rest();
      return new Parsed.DropIndex(
          names, conc, table, option(rest, "algorithm"), option(rest, "lock"));
    }
    if (c.is("schema") || c.is("database")) {
      String kind = c.next().value();
      if (dialect.family() == SqlDialect.MYSQL) {
        kind = "database";
      }
      c.accept("if", "exists");
      List<Name> names = c.names();
      boolean cascade = Cursor.indexOfTopLevel(c.rest(), 0, "cascade") >= 0;
      return new Parsed.DropSchema(kind, names, cascade);
    }
    return new Parsed.Other("drop");
  }

  /** A boolean option value that turns the option off: false, off, 0 (any case, quoted or not). */
  private static boolean isFalse(Token t) {
    String v = t.value().toLowerCase(java.util.Locale.ROOT);
    return v.equals("false") || v.equals("off") || v.equals("0");
  }

  private static Parsed reindex(Cursor c) {
    boolean conc = false;
    List<Token> opts = c.parens();
    if (opts != null) {
      // (CONCURRENTLY [boolean], VERBOSE [boolean], TABLESPACE t): a missing value means true.
      for (List<Token> opt : Cursor.split(opts, ",")) {
        if (!opt.isEmpty() && opt.get(0).is("concurrently")) {
          conc = opt.size() < 2 || !isFalse(opt.get(1));
        }
      }
    }
    String kind = c.acceptAny("index", "table", "schema", "database", "system");
    if (kind == null) {
      return new Parsed.Unparsed("REINDEX without INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    conc |= c.accept("concurrently");
    return new Parsed.Reindex(kind, c.name(), conc);
  }

  private static Parsed refresh(Cursor c) {
    if (!c.accept("materialized", "view")) {
      return new Parsed.Other("refresh");
    }
    boolean conc = c.accept("concurrently");
    Name view = c.name();
    return view == null
        ? new Parsed.Unparsed("REFRESH MATERIALIZED VIEW without a name")
        : new Parsed.RefreshMatview(view, conc);
  }

  private static Parsed renameTables(Cursor c) {
    if (!c.accept("table") && !c.accept("tables")) {
      return new Parsed.Other("rename");
    }
    List<Name> from = new ArrayList<>();
    List<Name> to = new ArrayList<>();
    do {
      Name a = c.name();
      if (a == null || !c.accept("to")) {
        return new Parsed.Unparsed("RENAME TABLE needs <old> TO <new>");
      }
      from.add(a);
      to.add(c.name());
    } while (c.acceptPunct(","));
    return new Parsed.RenameTables(from, to);
  }

  private static Parsed lock(Cursor c, SqlDialect dialect) {
    if (dialect.family() == SqlDialect.MYSQL) {
      if (!c.accept("tables") && !c.accept("table")) {
        return new Parsed.Other("lock");
      }
      List<Name> names = new ArrayList<>();
      boolean write = false;
      for (List<Token> part : Cursor.split(c.rest(), ",")) {
        Cursor pc = new Cursor(part);
        Name n = pc.name();
        if (n != null) {
          names.add(n);
        }
        for (Token t : part) {
          write |= t.is("write");
        }
      }
      return new Parsed.LockTable(names, write ? "WRITE" : "READ", null);
    }
    c.accept("table");
    List<Name> names = c.names();
    PgLock mode = PgLock.ACCESS_EXCLUSIVE;
    String label = "ACCESS EXCLUSIVE";
    if (c.accept("in")) {
      List<String> words = new ArrayList<>();
      while (!c.atEnd() && !c.is("mode")) {
        words.add(c.next().value().toUpperCase(Locale.ROOT));
      }
      label = String.join(" ", words);
      try {
        mode = PgLock.valueOf(String.join("_", words));
      } catch (IllegalArgumentException e) {
        return new Parsed.Unparsed("unknown lock mode " + label);
      }
    }
    return new Parsed.LockTable(names, label, mode);
  }

  private static Parsed vacuum(Cursor c, SqlDialect dialect) {
    if (dialect != SqlDialect.POSTGRES) {
      return new Parsed.Other("vacuum");
    }
    boolean full = false;
    List<Token> opts = c.parens();
    if (opts != null) {
      for (List<Token> o : Cursor.split(opts, ",")) {
        if (!o.isEmpty() && o.get(0).is("full")) {
          full =
              o.size() == 1
                  || !(o.get(1).is("false") || o.get(1).is("off") || o.get(1).text().equals("0"));
        }
      }
    }
    while (c.is("full")
        || c.is("freeze")
        || c.is("verbose")
        || c.is("analyze")
        || c.is("analyse")) {
      full |= c.next().is("full");
    }
    List<Name> tables = new ArrayList<>();
    for (List<Token> part : Cursor.split(c.rest(), ",")) {
      Name n = new Cursor(part).name();
      if (n != null) {
        tables.add(n);
      }
    }
    return new Parsed.Vacuum(full, tables);
  }

  private static Parsed cluster(Cursor c) {
    c.parens();
    c.accept("verbose");
    Name first = c.name();
    if (first != null && c.accept("on")) {
      return new Parsed.Cluster(c.name());
    }
    return new Parsed.Cluster(first);
  }

  private static Parsed set(Cursor c, SqlDialect dialect) {
    boolean local = c.accept("local");
    c.acceptAny("session", "global", "persist", "persist_only");
    if (c.accept("time", "zone")) {
      Token v = c.next();
      return new Parsed.SetVar(Map.of("timezone", v == null ? "" : value(List.of(v))), local);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (List<Token> part : Cursor.split(c.rest(), ",")) {
      Cursor pc = new Cursor(part);
      StringBuilder name = new StringBuilder();
      while (!pc.atEnd() && !pc.isPunct("=") && !pc.isPunct(":=") && !pc.is("to")) {
        Token t = pc.next();
        if (t.kind() == Token.Kind.WORD
            && name.length() > 0
            && Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
          name.append(' ');
        }
        name.append(t.kind() == Token.Kind.PUNCT ? t.text() : t.value());
      }
      pc.acceptPunct("=");
      pc.acceptPunct(":=");
      pc.accept("to");
      // MySQL @@session.x, @@x, SESSION x: the variable is x.
      String n = name.toString().toLowerCase(Locale.ROOT);
      if (n.startsWith("@@")) {
        n = n.substring(2);
      }
      for (String prefix : List.of("session.", "global.", "local.", "session ", "global ")) {
        if (n.startsWith(prefix)) {
          n = n.substring(prefix.length());
        }
      }
      values.put(n, value(pc.rest()));
    }
    return new Parsed.SetVar(values, local);
  }

  /** A SET value as one lower-case word: {@code '5s'} is 5s, {@code 0} is 0. */
  static String value(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      b.append(t.kind() == Token.Kind.STRING ? t.value() : t.text());
    }
    return b.toString().trim().toLowerCase(Locale.ROOT);
  }

  private static Parsed tx(String verb, Cursor c, List<Token> tokens) {
    for (Token t : tokens) {
      if (t.is("to") || t.is("prepared") || t.is("atomic") || t.is("not")) {
        return new Parsed.Other(verb);
      }
    }
    if (verb.equals("start") && !c.is("transaction")) {
      return new Parsed.Other(verb);
    }
    if (verb.equals("end") && tokens.size() > 1 && !c.is("transaction") && !c.is("work")) {
      return new Parsed.Other(verb);
    }
    return new Parsed.TxControl(
        switch (verb) {
          case "begin", "start" -> "begin";
          case "commit", "end" -> "commit";
          default -> "rollback";
        });
  }

  private static Parsed with(Cursor c, SqlDialect dialect) {
    c.accept("recursive");
    do {
      c.ident();
      c.parens();
      if (!c.accept("as")) {
        return new Parsed.Other("with");
      }
      c.accept("not");
      c.accept("materialized");
      if (c.parens() == null) {
        return new Parsed.Other("with");
      }
    } while (c.acceptPunct(","));
    Token verb = c.next();
    if (verb == null) {
      return new Parsed.Other("with");
    }
    return switch (verb.value()) {
      case "update", "delete", "insert" -> DmlParser.parse(verb.value(), c, dialect);
      default -> new Parsed.Other("with");
    };
  }

  /** {@code SELECT set_config('lock_timeout', '5s', false)} sets a variable like SET does. */
  private static Parsed select(List<Token> tokens) {
    if (tokens.size() >= 6
        && tokens.get(1).is("set_config")
        && tokens.get(2).isPunct("(")
        && tokens.get(3).isString()
        && tokens.get(5).isString()) {
      boolean local = tokens.size() > 7 && tokens.get(7).is("true");
      return new Parsed.SetVar(
          Map.of(
              tokens.get(3).value().toLowerCase(Locale.ROOT),
              tokens.get(5).value().toLowerCase(Locale.ROOT)),
          local);
    }
    return new Parsed.Other("select");
  }

  private static Parsed pragma(Cursor c) {
    Name n = c.name();
    if (n == null) {
      return new Parsed.Unparsed("PRAGMA without a name");
    }
    String value = null;
    if (c.acceptPunct("=")) {
      value = value(c.rest());
    } else {
      List<Token> inner = c.parens();
      if (inner != null) {
        value = value(inner);
      }
    }
    return new Parsed.Pragma(n.name(), value);
  }
}
