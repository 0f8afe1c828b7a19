package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code backfill-in-ddl-transaction}: a data change holds the DDL lock until commit. */
final class BackfillInDdlTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "backfill-in-ddl-transaction",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "UPDATE, DELETE or INSERT ... SELECT on a table that the same transaction already locked"
              + " in SHARE mode or stronger: the DDL lock is held for the whole backfill.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.Dml d)
        || d.kind().equals("insert_values")
        || !ctx.inTransaction
        || ctx.isNew(d.table())) {
      return;
    }
    PgLock held = ctx.transactionLocks.get(d.table().key());
    if (held == null || !held.atLeast(PgLock.SHARE)) {
      return;
    }
    String t = d.table().toString();
    String verb =
        d.kind().equals("insert_select")
            ? "INSERT ... SELECT"
            : d.kind().toUpperCase(java.util.Locale.ROOT);
    ctx.report(
        INFO,
        d.table(),
        verb
            + " on "
            + t
            + " runs in the same transaction as earlier DDL that locked "
            + t
            + " in "
            + held.label()
            + " mode. That lock is held until commit, so "
            + (held == PgLock.ACCESS_EXCLUSIVE ? "every read and write" : "every write")
            + " on "
            + t
            + " waits for the whole data change.",
        "Commit the DDL first: put the data change in a separate migration (or a separate"
            + " transaction of a no-transaction migration).",
        "Backfill in batches (by primary-key range) outside any long transaction.");
  }
}
