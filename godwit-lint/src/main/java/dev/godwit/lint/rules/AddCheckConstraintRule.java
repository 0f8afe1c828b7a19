package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.SqlDialect;

/** {@code add-check-constraint}: ADD CHECK without NOT VALID checks every row under the lock. */
final class AddCheckConstraintRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-check-constraint",
          Dialects.PG_MY,
          Severity.ERROR,
          true,
          true,
          "ADD CHECK without NOT VALID on an existing table (also inline in ADD COLUMN): full scan"
              + " under ACCESS EXCLUSIVE; MySQL blocks writes.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.AlterTable a) || ctx.isNew(a.table())) {
      return;
    }
    if (ctx.mysql() && ctx.dialect != SqlDialect.MARIADB && ctx.version.below(8, 0, 16)) {
      // MySQL before 8.0.16 parses CHECK and ignores it; MariaDB enforces it since 10.2.
      return;
    }
    for (Action action : a.actions()) {
      String name = null;
      if (action instanceof Action.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.CHECK
          && !ac.constraint().notValid()
          && !ac.constraint().notEnforced()) {
        name = ac.constraint().name() == null ? "CHECK" : ac.constraint().name();
      } else if (action instanceof Action.AddColumn add && !add.column().checks().isEmpty()) {
        name = "the inline CHECK of " + add.column().name();
      }
      if (name == null) {
        continue;
      }
      String t = a.table().toString();
      if (ctx.pg()) {
        ctx.report(
            INFO,
            a.table(),
            "Adding "
                + name
                + " to "
                + t
                + " without NOT VALID checks every row while holding an"
                + " ACCESS EXCLUSIVE lock: no reads or writes on "
                + t
                + " until the scan ends.",
            "Add it as NOT VALID: ALTER TABLE "
                + t
                + " ADD CONSTRAINT name CHECK (...) NOT VALID;"
                + " (instant; new rows are checked from now on).",
            "Fix the rows that violate it, in batches.",
            "In a later migration (or at least a later transaction): ALTER TABLE "
                + t
                + " VALIDATE CONSTRAINT name; (SHARE UPDATE EXCLUSIVE: reads and writes"
                + " continue).");
      } else {
        ctx.report(
            INFO,
            a.table(),
            "Adding "
                + name
                + " to "
                + t
                + " makes MySQL check every row while writes to "
                + t
                + " are blocked.",
            "MySQL has no NOT VALID: schedule the change for a quiet time, or use an online"
                + " schema-change tool (gh-ost, pt-online-schema-change).",
            "Or add it NOT ENFORCED now and enforce it later in a maintenance window.");
      }
    }
  }
}
