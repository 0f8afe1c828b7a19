package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.List;

/** {@code add-primary-key}: ADD PRIMARY KEY builds an index and checks NOT NULL under the lock. */
final class AddPrimaryKeyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-primary-key",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "ADD PRIMARY KEY on an existing table: index build plus NOT NULL scan under ACCESS"
              + " EXCLUSIVE (USING INDEX only when a key column may be NULL).");

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
      String t = a.table().toString();
      if (action instanceof Action.AddColumn add && add.column().primaryKey()) {
        report(ctx, a.table(), "the column " + add.column().name() + " as PRIMARY KEY");
      } else if (action instanceof Action.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY) {
        ConstraintDef c = ac.constraint();
        if (c.usingIndex() == null) {
          report(ctx, a.table(), "PRIMARY KEY (" + String.join(", ", c.columns()) + ")");
          continue;
        }
        Schema.Index index = ctx.schema.indexes.get(c.usingIndex());
        List<String> cols = index == null ? List.of() : index.columns();
        for (String col : cols) {
          Schema.Column column = ctx.schema.column(a.table(), col);
          boolean nullable = column != null && !column.notNull;
          if (nullable && !(ctx.pgAtLeast(12) && ctx.schema.provenNotNull(a.table(), col))) {
            ctx.report(
                INFO,
                a.table(),
                "ADD PRIMARY KEY USING INDEX "
                    + c.usingIndex()
                    + " on "
                    + t
                    + ": the key column "
                    + col
                    + " may be NULL, so PostgreSQL scans the whole table to set NOT NULL"
                    + " while holding an ACCESS EXCLUSIVE lock (no reads or writes).",
                "Make "
                    + col
                    + " NOT NULL first with the set-not-null recipe (CHECK ("
                    + col
                    + " IS NOT NULL) NOT VALID, backfill, VALIDATE, SET NOT NULL).",
                "Then ADD CONSTRAINT ... PRIMARY KEY USING INDEX "
                    + c.usingIndex()
                    + " is instant.");
            break;
          }
        }
      }
    }
  }

  private static void report(Ctx ctx, Name table, String what) {
    String t = table.toString();
    ctx.report(
        INFO,
        table,
        "Adding "
            + what
            + " to "
            + t
            + " builds a unique index and checks that the key columns"
            + " hold no NULL, all under an ACCESS EXCLUSIVE lock: no reads or writes on "
            + t
            + " until both finish.",
        "Make the key columns NOT NULL with the set-not-null recipe.",
        "CREATE UNIQUE INDEX CONCURRENTLY "
            + table.name()
            + "_pkey_idx ON "
            + t
            + " (...); in a migration without a transaction.",
        "ALTER TABLE "
            + t
            + " ADD CONSTRAINT "
            + table.name()
            + "_pkey PRIMARY KEY USING INDEX "
            + table.name()
            + "_pkey_idx; (instant).");
  }
}
