package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/**
 * {@code add-column-volatile-default}: ADD COLUMN with a default that rewrites the table (or that
 * SQLite refuses).
 */
final class AddColumnVolatileDefaultRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-column-volatile-default",
          Dialects.ALL,
          Severity.ERROR,
          true,
          true,
          "ADD COLUMN with a volatile default (any default before PostgreSQL 11, an expression"
              + " default on MySQL, a non-constant default on SQLite): table rewrite or failure.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.AlterTable a) || ctx.isNew(a.table())) {
      return;
    }
    for (Action action : a.actions()) {
      if (action instanceof Action.AddColumn add) {
        check(ctx, a.table(), add.column());
      }
    }
  }

  private void check(Ctx ctx, Name table, ColumnDef col) {
    String what = null;
    if (ctx.pg()) {
      what = pg(ctx, col);
    } else if (ctx.mysql()) {
      if (col.defaultExpr() != null && Volatility.parenthesized(col.defaultExpr())) {
        what = "the expression default " + Definitions.join(col.defaultExpr());
      }
    } else if (col.defaultExpr() != null && !Volatility.sqliteConstant(col.defaultExpr())) {
      ctx.report(
          INFO,
          null,
          "SQLite refuses ALTER TABLE "
              + table
              + " ADD COLUMN "
              + col.name()
              + " with the non-constant default "
              + Definitions.join(col.defaultExpr())
              + ": \"Cannot add a column with non-constant default\". The migration fails.",
          "Add the column with a constant default (or none).",
          "Fill it for existing rows with UPDATE, in batches on a big table.",
          "If the default must be an expression, rebuild the table with SQLite's 12-step"
              + " procedure (create new table, copy, drop, rename) in a short transaction.");
      return;
    }
    if (what == null) {
      return;
    }
    if (ctx.pg()) {
      ctx.report(
          INFO,
          table,
          "ALTER TABLE "
              + table
              + " ADD COLUMN "
              + col.name()
              + " with "
              + what
              + " rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock: no"
              + " reads or writes on "
              + table
              + " until every row has been copied.",
          "Add the column without a default: ALTER TABLE "
              + table
              + " ADD COLUMN "
              + col.name()
              + " "
              + (col.type() == null ? "..." : col.type())
              + ";",
          "Set the default for new rows only: ALTER TABLE "
              + table
              + " ALTER COLUMN "
              + col.name()
              + " SET DEFAULT "
              + (col.defaultExpr() == null || col.defaultExpr().isEmpty()
                  ? "..."
                  : Definitions.join(col.defaultExpr()))
              + ";",
          "Backfill existing rows in batches (UPDATE ... WHERE id BETWEEN a AND b), outside the"
              + " DDL transaction.",
          "If it must be NOT NULL, follow the set-not-null recipe (CHECK ... NOT VALID, VALIDATE,"
              + " SET NOT NULL).");
    } else {
      ctx.report(
          INFO,
          table,
          "ALTER TABLE "
              + table
              + " ADD COLUMN "
              + col.name()
              + " with "
              + what
              + " cannot be INSTANT: MySQL rebuilds the table, and writes to "
              + table
              + " are blocked while it copies.",
          "Add the column with no default or a literal default (INSTANT).",
          "Backfill the computed value in batches.",
          "For a value that must always be computed, use a VIRTUAL generated column instead.");
    }
  }

  private static String pg(Ctx ctx, ColumnDef col) {
    if (col.type() != null && ctx.schema.constrainedDomains.contains(col.type().base())) {
      return "the constrained domain type "
          + col.type()
          + " (every row is checked against the domain, so the table is rewritten)";
    }
    if (col.defaultExpr() == null
        || col.defaultExpr().isEmpty()
        || Volatility.isNull(col.defaultExpr())) {
      return null;
    }
    if (!ctx.pgAtLeast(11)) {
      return "a default (PostgreSQL " + ctx.version + " has no fast defaults; 11+ does)";
    }
    String fn = Volatility.volatileFunction(col.defaultExpr(), ctx.options.functionVolatility());
    return fn == null
        ? null
        : "the volatile default "
            + Definitions.join(col.defaultExpr())
            + " ("
            + fn
            + "(...) is volatile, or not known to be stable, so it must be computed for every"
            + " existing row)";
  }
}
