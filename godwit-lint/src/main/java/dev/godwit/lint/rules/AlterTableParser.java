package dev.godwit.lint.rules;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** Parses the actions of ALTER TABLE, for every dialect. */
final class AlterTableParser {
  private AlterTableParser() {}

  /** After {@code ALTER TABLE}. */
  static Parsed parse(Cursor c, SqlDialect dialect) {
    boolean ifExists = c.accept("if", "exists");
    c.accept("only");
    if (c.is("all")) {
      return new Parsed.Other("alter");
    }
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("ALTER TABLE without a table name");
    }
    c.acceptPunct("*");
    List<Action> actions = new ArrayList<>();
    for (List<Token> chunk : Cursor.split(c.rest(), ",")) {
      if (!chunk.isEmpty()) {
        action(new Cursor(chunk), dialect, actions);
      }
    }
    if (actions.isEmpty()) {
      return new Parsed.Unparsed("ALTER TABLE " + table + " without an action");
    }
    return new Parsed.AlterTable(table, ifExists, actions);
  }

  private static void action(Cursor c, SqlDialect dialect, List<Action> out) {
    Token first = c.peek();
    if (c.accept("add")) {
      add(c, dialect, out);
    } else if (c.accept("drop")) {
      out.add(drop(c));
    } else if (c.accept("alter")) {
      out.add(alter(c, dialect));
    } else if (c.accept("modify")) {
      c.accept("column");
      ColumnDef col = Definitions.column(c, dialect);
      out.add(col == null ? other(first) : new Action.Modify(col.name(), col, false));
    } else if (c.accept("change")) {
      c.accept("column");
      String from = c.ident();
      ColumnDef col = Definitions.column(c, dialect);
      out.add(col == null ? other(first) : new Action.Modify(from, col, true));
    } else if (c.accept("rename")) {
      out.add(rename(c));
    } else if (c.accept("validate", "constraint")) {
      out.add(new Action.ValidateConstraint(c.ident()));
    } else if (c.accept("set")) {
      out.add(set(c, first));
    } else if (c.accept("detach", "partition")) {
      Name part = c.name();
      boolean conc = c.accept("concurrently");
      boolean fin = c.accept("finalize");
      out.add(new Action.DetachPartition(part, conc, fin));
    } else if (c.accept("attach", "partition")) {
      out.add(new Action.AttachPartition(c.name()));
    } else if (c.is("algorithm") || c.is("lock")) {
      String key = c.next().value();
      c.acceptPunct("=");
      Token v = c.next();
      out.add(new Action.MySqlOption(key, v == null ? "" : v.value()));
    } else if (c.accept("convert", "to")) {
      c.acceptAny("character", "charset");
      c.accept("set");
      Token v = c.next();
      out.add(new Action.ConvertCharset(v == null ? "" : v.value()));
    } else if (c.accept("partition", "by")) {
      out.add(new Action.Partitioning("PARTITION BY"));
    } else if (c.accept("remove", "partitioning")) {
      out.add(new Action.Partitioning("REMOVE PARTITIONING"));
    } else if (c.is("reorganize", "partition") || c.is("coalesce", "partition")) {
      out.add(
          new Action.Partitioning(
              c.next().text().toUpperCase(java.util.Locale.ROOT) + " PARTITION"));
    } else if (c.accept("cluster", "on") || c.is("reset")) {
      out.add(new Action.Other(first.value(), PgLock.SHARE_UPDATE_EXCLUSIVE));
    } else if (c.is("enable") || c.is("disable")) {
      boolean trigger = c.peek(1) != null && c.peek(1).is("trigger");
      out.add(
          new Action.Other(
              first.value(), trigger ? PgLock.SHARE_ROW_EXCLUSIVE : PgLock.ACCESS_EXCLUSIVE));
    } else {
      out.add(other(first));
    }
  }

  private static Action other(Token first) {
    return new Action.Other(first == null ? "" : first.value(), PgLock.ACCESS_EXCLUSIVE);
  }

  private static void add(Cursor c, SqlDialect dialect, List<Action> out) {
    if (c.isPunct("(") && dialect.family() == SqlDialect.MYSQL) {
      // MySQL ADD (a int, b int): several columns, or an index list.
      for (List<Token> part : Cursor.split(c.parens(), ",")) {
        Cursor pc = new Cursor(part);
        ColumnDef col = Definitions.column(pc, dialect);
        if (col != null) {
          out.add(new Action.AddColumn(col, false));
        }
      }
      return;
    }
    if (c.is("partition")) {
      out.add(new Action.Other("add partition", PgLock.ACCESS_EXCLUSIVE));
      return;
    }
    boolean column = c.accept("column");
    if (!column && Definitions.startsConstraint(c, dialect)) {
      out.add(new Action.AddConstraint(Definitions.constraint(c, dialect)));
      return;
    }
    boolean ifNotExists = c.accept("if", "not", "exists");
    ColumnDef col = Definitions.column(c, dialect);
    if (col == null) {
      out.add(new Action.Other("add", PgLock.ACCESS_EXCLUSIVE));
    } else {
      out.add(new Action.AddColumn(col, ifNotExists));
    }
  }

  private static Action drop(Cursor c) {
    if (c.accept("constraint")) {
      c.accept("if", "exists");
      return new Action.DropConstraint(c.ident());
    }
    if (c.accept("primary", "key")) {
      return new Action.DropPrimaryKey();
    }
    if (c.accept("foreign", "key") || c.acceptAny("index", "key", "check") != null) {
      return new Action.DropConstraint(c.ident());
    }
    if (c.is("partition") || c.is("default")) {
      return new Action.Other("drop " + c.next().value(), PgLock.ACCESS_EXCLUSIVE);
    }
    c.accept("column");
    c.accept("if", "exists");
    String col = c.ident();
    return col == null
        ? new Action.Other("drop", PgLock.ACCESS_EXCLUSIVE)
        : new Action.DropColumn(col);
  }

  private static Action alter(Cursor c, SqlDialect dialect) {
    if (c.is("constraint") || c.is("check") || c.is("index")) {
      return new Action.Other("alter " + c.next().value(), PgLock.ACCESS_EXCLUSIVE);
    }
    c.accept("column");
    String col = c.ident();
    if (col == null) {
      return new Action.Other("alter", PgLock.ACCESS_EXCLUSIVE);
    }
    if (c.accept("type") || c.accept("set", "data", "type")) {
      TypeRef type = Definitions.type(c, dialect);
      boolean using = Cursor.indexOfTopLevel(c.rest(), 0, "using") >= 0;
      return new Action.AlterType(col, type, using);
    }
    if (c.accept("set", "not", "null")) {
      return new Action.SetNotNull(col);
    }
    if (c.accept("drop", "not", "null")) {
      return new Action.DropNotNull(col);
    }
    if (c.accept("set", "default")) {
      return new Action.SetDefault(col, List.copyOf(c.rest()));
    }
    if (c.is("set", "statistics")
        || (c.is("set") && c.peek(1) != null && c.peek(1).isPunct("("))
        || c.is("reset")) {
      return new Action.Other("alter column set", PgLock.SHARE_UPDATE_EXCLUSIVE);
    }
    return new Action.Other("alter column", PgLock.ACCESS_EXCLUSIVE);
  }

  private static Action rename(Cursor c) {
    if (c.acceptAny("to", "as") != null) {
      return new Action.RenameTable(c.name());
    }
    if (c.acceptAny("constraint", "index", "key") != null) {
      String from = c.ident();
      c.accept("to");
      return new Action.RenameOther(from, c.ident());
    }
    boolean column = c.accept("column");
    Name first = c.name();
    if (first == null) {
      return new Action.Other("rename", PgLock.ACCESS_EXCLUSIVE);
    }
    if (c.accept("to")) {
      return new Action.RenameColumn(first.name(), c.ident());
    }
    // MySQL ALTER TABLE t RENAME new_name (TO is optional there).
    return column
        ? new Action.Other("rename", PgLock.ACCESS_EXCLUSIVE)
        : new Action.RenameTable(first);
  }

  private static Action set(Cursor c, Token first) {
    if (c.accept("tablespace")) {
      return new Action.Rewrite("SET TABLESPACE");
    }
    if (c.accept("logged")) {
      return new Action.Rewrite("SET LOGGED");
    }
    if (c.accept("unlogged")) {
      return new Action.Rewrite("SET UNLOGGED");
    }
    if (c.accept("access", "method")) {
      return new Action.Rewrite("SET ACCESS METHOD");
    }
    if (c.isPunct("(") || c.is("without") || c.is("statistics")) {
      return new Action.Other("set", PgLock.SHARE_UPDATE_EXCLUSIVE);
    }
    return other(first);
  }
}
