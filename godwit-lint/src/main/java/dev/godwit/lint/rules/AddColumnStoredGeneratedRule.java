package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-column-stored-generated}: a STORED generated column is computed for every row. */
final class AddColumnStoredGeneratedRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-column-stored-generated",
          Dialects.PG_MY,
          Severity.ERROR,
          true,
          true,
          "ADD COLUMN ... GENERATED ALWAYS AS (...) STORED on an existing table: table rewrite"
              + " (MySQL: COPY).");

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
      if (action instanceof Action.AddColumn add && add.column().storedGenerated()) {
        String col = add.column().name();
        if (ctx.pg()) {
          ctx.report(
              INFO,
              a.table(),
              "ALTER TABLE "
                  + a.table()
                  + " ADD COLUMN "
                  + col
                  + " GENERATED ... STORED computes the value for every existing row: PostgreSQL"
                  + " rewrites the table under an ACCESS EXCLUSIVE lock (no reads or writes).",
              "Add a plain nullable column.",
              "Keep it up to date with a trigger (or in application code) for new and changed rows.",
              "Backfill existing rows in batches.",
              "Optionally enforce NOT NULL with the set-not-null recipe"
                  + (ctx.pgAtLeast(18)
                      ? "; or use a VIRTUAL generated column (PostgreSQL 18+)."
                      : "."));
        } else {
          ctx.report(
              INFO,
              a.table(),
              "ALTER TABLE "
                  + a.table()
                  + " ADD COLUMN "
                  + col
                  + " ... STORED needs ALGORITHM=COPY: MySQL copies the whole table with writes"
                  + " blocked.",
              "Use a VIRTUAL generated column: it is added instantly and can be indexed.",
              "Or add a plain column, maintain it in code or a trigger, and backfill in batches.");
        }
      }
    }
  }
}
