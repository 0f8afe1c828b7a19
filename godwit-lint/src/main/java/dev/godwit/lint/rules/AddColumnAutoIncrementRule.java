package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-column-auto-increment}: adding serial/identity/AUTO_INCREMENT numbers every row. */
final class AddColumnAutoIncrementRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-column-auto-increment",
          Dialects.PG_MY,
          Severity.ERROR,
          true,
          true,
          "ADD COLUMN of serial, identity or AUTO_INCREMENT type on an existing table: every row"
              + " gets a value, table rewrite.");

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
      if (!(action instanceof Action.AddColumn add)) {
        continue;
      }
      ColumnDef col = add.column();
      if (!(col.serial() || col.identity() || col.autoIncrement())) {
        continue;
      }
      String kind =
          col.autoIncrement()
              ? "AUTO_INCREMENT"
              : col.identity() ? "an identity" : col.type().base();
      String effect =
          ctx.pg()
              ? "assigns a value to every existing row, so PostgreSQL rewrites "
                  + a.table()
                  + " and its indexes under an ACCESS EXCLUSIVE lock (no reads or writes)"
              : "rebuilds "
                  + a.table()
                  + " in place without permitting concurrent DML (writes"
                  + " blocked), and statement-based replicas may number the rows differently";
      ctx.report(
          INFO,
          a.table(),
          "ALTER TABLE "
              + a.table()
              + " ADD COLUMN "
              + col.name()
              + " of "
              + kind
              + " type "
              + effect
              + ".",
          "Add a nullable bigint column instead.",
          "Attach a sequence default for new rows (ALTER COLUMN ... SET DEFAULT nextval(...)).",
          "Backfill existing rows in batches.",
          "Then make it NOT NULL with the set-not-null recipe and unique with CREATE UNIQUE INDEX"
              + " CONCURRENTLY; or build a new table with the key, dual-write, backfill and swap.");
    }
  }
}
