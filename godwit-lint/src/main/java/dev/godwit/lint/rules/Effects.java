package dev.godwit.lint.rules;

import dev.godwit.sql.StatementFlag;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a statement to the schema model and to the file's state, after the rules have looked at
 * it: what it creates, renames and drops, the transaction it opens or ends, the locks it holds and
 * the session settings it makes.
 */
final class Effects {
  private Effects() {}

  static void apply(Ctx ctx, Stmt s) {
    Parsed p = s.parsed();
    Map<String, PgLock> locks = ctx.pg() ? Locks.of(p, ctx) : Map.of();
    schema(ctx, p);
    session(ctx, p);
    transaction(ctx, s, locks);
  }

  private static void transaction(Ctx ctx, Stmt s, Map<String, PgLock> locks) {
    Parsed p = s.parsed();
    if (p instanceof Parsed.TxControl tx) {
      if (tx.kind().equals("begin")) {
        if (!ctx.inTransaction) {
          ctx.inTransaction = true;
          ctx.explicitTransaction = true;
          endTransaction(ctx);
        }
      } else {
        ctx.inTransaction = false;
        ctx.explicitTransaction = false;
        endTransaction(ctx);
      }
      return;
    }
    if (ctx.mysql() && s.statement().has(StatementFlag.IMPLICIT_COMMIT)) {
      // MySQL DDL commits the open transaction, and runs in its own.
      ctx.inTransaction = false;
      ctx.explicitTransaction = false;
      endTransaction(ctx);
      return;
    }
    if (ctx.inTransaction) {
      locks.forEach((k, v) -> ctx.transactionLocks.merge(k, v, PgLock::max));
      if (p instanceof Parsed.AlterTypeAddValue a) {
        ctx.enumLabelsInTransaction.put(a.label(), a.type().key());
      }
    } else {
      endTransaction(ctx);
    }
  }

  private static void endTransaction(Ctx ctx) {
    ctx.transactionLocks.clear();
    ctx.enumLabelsInTransaction.clear();
  }

  private static void session(Ctx ctx, Parsed p) {
    if (!(p instanceof Parsed.SetVar set)) {
      return;
    }
    set.values()
        .forEach(
            (name, value) -> {
              boolean on = isNonZero(value);
              switch (name) {
                case "lock_timeout", "lock_wait_timeout" -> ctx.lockTimeoutSet = on;
                case "statement_timeout", "max_statement_time", "max_execution_time" ->
                    ctx.statementTimeoutSet = on;
                case "foreign_key_checks" ->
                    ctx.foreignKeyChecksOff = value.equals("0") || value.equals("off");
                case "timezone", "time_zone" ->
                    ctx.timeZoneUtc =
                        value.equals("utc")
                            || value.equals("etc/utc")
                            || value.equals("utc0")
                            || value.equals("gmt")
                            || value.equals("+00:00")
                            || value.equals("z")
                            || value.equals("zulu");
                default -> {}
              }
            });
  }

  /** Whether a timeout value is set to something other than 0 or the default. */
  static boolean isNonZero(String v) {
    if (v.isEmpty() || v.equals("default") || v.equals("local")) {
      return false;
    }
    String digits = v.replaceAll("[^0-9.]", "");
    if (digits.isEmpty()) {
      return false;
    }
    try {
      return Double.parseDouble(digits) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void schema(Ctx ctx, Parsed p) {
    Schema schema = ctx.schema;
    if (p instanceof Parsed.CreateTable ct) {
      createTable(ctx, ct);
    } else if (p instanceof Parsed.CreateView v) {
      Schema.Table t = new Schema.Table(v.view().key());
      t.view = true;
      schema.tables.put(v.view().key(), t);
      ctx.createdTables.add(v.view().key());
    } else if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        alter(ctx, a.table(), action);
      }
    } else if (p instanceof Parsed.CreateIndex ci) {
      if (ci.index() != null) {
        schema.indexes.put(
            ci.index().key(), new Schema.Index(ci.table().key(), ci.columns(), ci.unique()));
        ctx.createdIndexes.add(ci.index().key());
      }
    } else if (p instanceof Parsed.DropIndex di) {
      di.indexes().forEach(i -> schema.indexes.remove(i.key()));
    } else if (p instanceof Parsed.DropTable dt) {
      for (Name t : dt.tables()) {
        schema.tables.remove(t.key());
      }
    } else if (p instanceof Parsed.RenameTables rt) {
      for (int i = 0; i < rt.from().size(); i++) {
        renameTable(ctx, rt.from().get(i), rt.to().get(i));
      }
    } else if (p instanceof Parsed.CreateEnum e) {
      schema.enums.put(e.type().key(), new ArrayList<>(e.labels()));
    } else if (p instanceof Parsed.AlterTypeAddValue a) {
      schema.enums.computeIfAbsent(a.type().key(), k -> new ArrayList<>()).add(a.label());
    } else if (p instanceof Parsed.CreateDomain d) {
      if (d.constrained()) {
        schema.constrainedDomains.add(d.domain().key());
      }
    } else if (p instanceof Parsed.CreateSchema cs) {
      if (cs.schema() != null) {
        ctx.createdSchemas.add(cs.schema().key());
      }
    }
  }

  private static void createTable(Ctx ctx, Parsed.CreateTable ct) {
    Schema.Table t = new Schema.Table(ct.table().key());
    t.partitioned = ct.partitioned();
    Set<String> pk = new HashSet<>();
    for (ConstraintDef c : ct.constraints()) {
      if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
        pk.addAll(c.columns());
      }
    }
    for (ColumnDef col : ct.columns()) {
      addColumn(t, col, pk.contains(col.name()));
    }
    for (ConstraintDef c : ct.constraints()) {
      constraint(t, c);
    }
    ctx.schema.tables.put(t.name, t);
    ctx.createdTables.add(t.name);
  }

  private static void addColumn(Schema.Table t, ColumnDef col, boolean inPrimaryKey) {
    t.columns.put(
        col.name(),
        new Schema.Column(col.type(), col.notNull() || col.primaryKey() || inPrimaryKey));
    for (List<Token> check : col.checks()) {
      t.checks.add(new Schema.Check(null, Schema.notNullColumns(check), true));
    }
    if (col.references() != null) {
      t.fkTargets.add(col.references().key());
    }
  }

  private static void constraint(Schema.Table t, ConstraintDef c) {
    switch (c.kind()) {
      case CHECK ->
          t.checks.add(new Schema.Check(c.name(), Schema.notNullColumns(c.check()), !c.notValid()));
      case PRIMARY_KEY -> {
        for (String col : c.columns()) {
          Schema.Column column = t.columns.get(col);
          if (column != null) {
            column.notNull = true;
          }
        }
      }
      case FOREIGN_KEY -> {
        if (c.references() != null) {
          t.fkTargets.add(c.references().key());
        }
      }
      default -> {}
    }
  }

  private static void alter(Ctx ctx, Name table, Action action) {
    Schema schema = ctx.schema;
    Schema.Table t = schema.tables.get(table.key());
    if (t == null) {
      // A table from before the files we read: learn what this statement says about it.
      t = new Schema.Table(table.key());
      schema.tables.put(table.key(), t);
    }
    if (action instanceof Action.AddColumn a) {
      addColumn(t, a.column(), false);
      ctx.addedColumns.add(table.key() + "." + a.column().name());
    } else if (action instanceof Action.DropColumn d) {
      t.columns.remove(d.column());
    } else if (action instanceof Action.AlterType at) {
      Schema.Column c = t.columns.get(at.column());
      if (c != null) {
        c.type = at.type();
      } else {
        t.columns.put(at.column(), new Schema.Column(at.type(), false));
      }
    } else if (action instanceof Action.Modify m) {
      Schema.Column old = m.from() == null ? null : t.columns.remove(m.from());
      t.columns.put(m.column().name(), new Schema.Column(m.column().type(), m.column().notNull()));
      if (old != null && ctx.addedColumns.contains(table.key() + "." + m.from())) {
        ctx.addedColumns.add(table.key() + "." + m.column().name());
      }
    } else if (action instanceof Action.SetNotNull s) {
      column(t, s.column()).notNull = true;
    } else if (action instanceof Action.DropNotNull d) {
      column(t, d.column()).notNull = false;
    } else if (action instanceof Action.AddConstraint ac) {
      constraint(t, ac.constraint());
    } else if (action instanceof Action.ValidateConstraint v) {
      for (Schema.Check c : t.checks) {
        if (c.name != null && c.name.equals(v.name())) {
          c.validated = true;
        }
      }
    } else if (action instanceof Action.DropConstraint d) {
      t.checks.removeIf(c -> c.name != null && c.name.equals(d.name()));
    } else if (action instanceof Action.RenameColumn r) {
      Schema.Column c = t.columns.remove(r.from());
      if (c != null && r.to() != null) {
        t.columns.put(r.to(), c);
      }
      if (ctx.addedColumns.contains(table.key() + "." + r.from()) && r.to() != null) {
        ctx.addedColumns.add(table.key() + "." + r.to());
      }
    } else if (action instanceof Action.RenameTable r) {
      renameTable(ctx, table, r.to());
    }
  }

  private static Schema.Column column(Schema.Table t, String name) {
    return t.columns.computeIfAbsent(name, k -> new Schema.Column(null, false));
  }

  private static void renameTable(Ctx ctx, Name from, Name to) {
    if (from == null || to == null) {
      return;
    }
    Schema.Table t = ctx.schema.tables.remove(from.key());
    if (t != null) {
      Schema.Table moved = new Schema.Table(to.key());
      moved.partitioned = t.partitioned;
      moved.view = t.view;
      moved.columns.putAll(t.columns);
      moved.checks.addAll(t.checks);
      moved.fkTargets.addAll(t.fkTargets);
      ctx.schema.tables.put(to.key(), moved);
    }
    if (ctx.createdTables.remove(from.key())) {
      ctx.createdTables.add(to.key());
    }
    String origin = ctx.renamedFrom.getOrDefault(from.key(), from.key());
    ctx.renamedFrom.put(to.key(), origin);
  }
}
