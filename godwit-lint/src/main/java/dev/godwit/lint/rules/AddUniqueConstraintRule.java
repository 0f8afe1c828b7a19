package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-unique-constraint}: ADD UNIQUE builds its index under ACCESS EXCLUSIVE. */
final class AddUniqueConstraintRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-unique-constraint",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "ADD UNIQUE (or ADD COLUMN ... UNIQUE) on an existing table: the index is built under"
              + " ACCESS EXCLUSIVE. UNIQUE USING INDEX is exempt.");

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
      String what = null;
      if (action instanceof Action.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.UNIQUE
          && ac.constraint().usingIndex() == null) {
        what = "UNIQUE (" + String.join(", ", ac.constraint().columns()) + ")";
      } else if (action instanceof Action.AddColumn add && add.column().unique()) {
        what = "the column " + add.column().name() + " UNIQUE";
      }
      if (what == null) {
        continue;
      }
      String t = a.table().toString();
      ctx.report(
          INFO,
          a.table(),
          "Adding "
              + what
              + " to "
              + t
              + " builds a unique index while holding an ACCESS"
              + " EXCLUSIVE lock: no reads or writes on "
              + t
              + " for the whole build. It also"
              + " fails if duplicates exist.",
          "Remove duplicates first.",
          "CREATE UNIQUE INDEX CONCURRENTLY name_idx ON "
              + t
              + " (...); in a migration without a"
              + " transaction, then check that it is valid (pg_index.indisvalid).",
          "ALTER TABLE "
              + t
              + " ADD CONSTRAINT name UNIQUE USING INDEX name_idx; (ACCESS"
              + " EXCLUSIVE but instant).");
    }
  }
}
