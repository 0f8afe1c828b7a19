package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/**
 * {@code validate-constraint-same-transaction}: VALIDATE after a strong lock on the same table in
 * the same transaction runs its scan under that lock.
 */
final class ValidateConstraintSameTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "validate-constraint-same-transaction",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "VALIDATE CONSTRAINT in a transaction that already locked the table SHARE ROW EXCLUSIVE"
              + " or stronger (typically the NOT VALID add): the scan runs under that lock.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.AlterTable a)
        || ctx.isNew(a.table())
        || !ctx.inTransaction) {
      return;
    }
    PgLock held = ctx.transactionLocks.get(a.table().key());
    if (held == null || !held.atLeast(PgLock.SHARE_ROW_EXCLUSIVE)) {
      return;
    }
    for (Action action : a.actions()) {
      if (action instanceof Action.ValidateConstraint v) {
        String t = a.table().toString();
        ctx.report(
            INFO,
            a.table(),
            "VALIDATE CONSTRAINT "
                + v.name()
                + " runs in the same transaction as an earlier"
                + " statement that locked "
                + t
                + " in "
                + held.label()
                + " mode. That lock is held"
                + " until commit, so the validation scan runs under it and NOT VALID bought"
                + " nothing: "
                + (held == PgLock.ACCESS_EXCLUSIVE ? "reads and writes" : "writes")
                + " on "
                + t
                + " are blocked for the whole scan.",
            "Commit the NOT VALID constraint first: put VALIDATE CONSTRAINT "
                + v.name()
                + " in its own, later migration.",
            "Or run the file without a transaction so the ADD and the VALIDATE commit"
                + " separately.");
      }
    }
  }
}
