package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-exclusion-constraint}: EXCLUDE builds its index under ACCESS EXCLUSIVE. */
final class AddExclusionConstraintRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-exclusion-constraint",
          Dialects.PG,
          Severity.WARN,
          true,
          true,
          "ADD CONSTRAINT ... EXCLUDE on an existing table: index build under ACCESS EXCLUSIVE,"
              + " with no online alternative.");

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
      if (action instanceof Action.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.EXCLUDE) {
        String t = a.table().toString();
        ctx.report(
            INFO,
            a.table(),
            "Adding an exclusion constraint to "
                + t
                + " builds its index under an ACCESS"
                + " EXCLUSIVE lock: no reads or writes on "
                + t
                + " for the whole build."
                + " Exclusion constraints support neither NOT VALID nor USING INDEX.",
            "Declare the constraint when the table is created.",
            "Otherwise build a new table with the constraint, dual-write, backfill and swap"
                + " (the rename-table recipe).",
            "Or run it in a maintenance window.");
      }
    }
  }
}
