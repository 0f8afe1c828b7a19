package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code change-column-type}: a type change rewrites the table unless it is on the safe list. */
final class ChangeColumnTypeRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "change-column-type",
          Dialects.PG_MY,
          Severity.ERROR,
          true,
          true,
          "ALTER COLUMN ... TYPE / MODIFY / CHANGE to another type, unless the old type is known"
              + " and the change is on the safe list: table rewrite (MySQL: COPY).");

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
      if (action instanceof Action.AlterType at && ctx.pg()) {
        pg(ctx, a.table(), at);
      } else if (action instanceof Action.Modify m && ctx.mysql()) {
        mysql(ctx, a.table(), m);
      }
    }
  }

  private void pg(Ctx ctx, Name table, Action.AlterType at) {
    // A column added to an old table in this file is not new: every old row has it.
    if (ctx.isNew(table)) {
      return;
    }
    Schema.Column old = ctx.schema.column(table, at.column());
    TypeRef from = old == null ? null : old.type;
    if (!at.using()) {
      boolean indexed = indexed(ctx, table, at.column());
      if (TypeChanges.pgSafe(from, at.type(), ctx.timeZoneUtc, indexed) != null) {
        return;
      }
    }
    String t = table.toString();
    String change =
        from == null
            ? "to " + at.type() + " (the old type is not known from earlier migrations)"
            : "from " + from + " to " + at.type();
    String tz =
        from != null
                && from.base().equals("timestamp")
                && at.type() != null
                && at.type().base().equals("timestamptz")
            ? " timestamp to timestamptz skips the rewrite only when the session TimeZone is UTC: SET"
                + " TimeZone = 'UTC' earlier in the migration."
            : "";
    ctx.report(
        INFO,
        table,
        "ALTER TABLE "
            + t
            + " ALTER COLUMN "
            + at.column()
            + " TYPE "
            + change
            + " rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: no reads"
            + " or writes on "
            + t
            + " until it finishes. Deployed code may also break on the new"
            + " type."
            + tz,
        "Add a new column of the new type.",
        "Keep both in sync with a trigger (or dual writes in code).",
        "Backfill the new column in batches.",
        "Switch reads to the new column, then stop writing the old one.",
        "Drop the old column in a later release (for a key column: build a unique index"
            + " concurrently and swap with PRIMARY KEY USING INDEX).");
  }

  private static boolean indexed(Ctx ctx, Name table, String column) {
    for (Schema.Index i : ctx.schema.indexes.values()) {
      if (i.table().equals(table.key()) && i.columns().contains(column)) {
        return true;
      }
    }
    return false;
  }

  private void mysql(Ctx ctx, Name table, Action.Modify m) {
    String from = m.from() == null ? m.column().name() : m.from();
    if (ctx.isNew(table)) {
      return;
    }
    Schema.Column old = ctx.schema.column(table, from);
    TypeRef before = old == null ? null : old.type;
    TypeRef after = m.column().type();
    if (TypeChanges.mySqlSafe(before, after) != null) {
      return;
    }
    String t = table.toString();
    String change =
        before == null
            ? "to "
                + after
                + " (the old type is not known from earlier migrations, so this may be a"
                + " type change)"
            : "from " + before + " to " + after;
    ctx.report(
        INFO,
        table,
        (m.change() ? "CHANGE " : "MODIFY ")
            + from
            + " "
            + change
            + ": a column type change needs"
            + " ALGORITHM=COPY, so MySQL copies "
            + t
            + " with writes blocked for the whole copy.",
        "Widening a VARCHAR within the same length-prefix size, or appending ENUM/SET members at"
            + " the end, is in place: prefer those.",
        "Otherwise add a new column, dual-write, backfill in batches, switch reads, drop the old"
            + " column; or use an online schema-change tool (gh-ost, pt-online-schema-change).",
        "Add ALGORITHM=INPLACE, LOCK=NONE to the statement so MySQL refuses instead of copying.");
  }
}
