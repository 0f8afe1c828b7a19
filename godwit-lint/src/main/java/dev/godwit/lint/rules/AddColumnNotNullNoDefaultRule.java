package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-column-not-null-no-default}: a NOT NULL column without default breaks INSERTs. */
final class AddColumnNotNullNoDefaultRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-column-not-null-no-default",
          Dialects.ALL,
          Severity.ERROR,
          false,
          true,
          "ADD COLUMN ... NOT NULL without a DEFAULT: fails on a non-empty table (PostgreSQL,"
              + " SQLite) and breaks INSERTs of deployed code.");

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
      boolean explicitNotNull = col.notNull() && !col.primaryKey();
      if (!explicitNotNull
          || col.generatesValues()
          || (col.defaultExpr() != null && !Volatility.isNull(col.defaultExpr()))) {
        continue;
      }
      String effect;
      if (ctx.pg()) {
        effect =
            "PostgreSQL scans "
                + a.table()
                + " under an ACCESS EXCLUSIVE lock and fails with"
                + " \"column "
                + col.name()
                + " contains null values\" as soon as the table has a row";
      } else if (ctx.sqlite()) {
        effect = "SQLite refuses it: \"Cannot add a NOT NULL column with default value NULL\"";
      } else {
        effect = "MySQL fills existing rows with the type's implicit zero value without telling";
      }
      ctx.report(
          INFO,
          null,
          "ALTER TABLE "
              + a.table()
              + " ADD COLUMN "
              + col.name()
              + " NOT NULL without a DEFAULT:"
              + " "
              + effect
              + ". Deployed code that does not know the column then fails on every"
              + " INSERT (\"null value in column\" / \"Field '"
              + col.name()
              + "' doesn't have a default value\").",
          "Add the column nullable, or with a constant DEFAULT"
              + (ctx.pg() ? " (metadata-only on PostgreSQL 11+)." : "."),
          "Deploy code that writes the column.",
          "Backfill existing rows in batches.",
          ctx.pg()
              ? "Enforce NOT NULL with the set-not-null recipe: ADD CONSTRAINT ... CHECK ("
                  + col.name()
                  + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL."
              : "Then enforce NOT NULL in a later migration.");
    }
  }
}
