package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code rename-column}: renaming a column breaks deployed code that uses the old name. */
final class RenameColumnRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "rename-column",
          Dialects.ALL,
          Severity.ERROR,
          false,
          true,
          "RENAME COLUMN (or MySQL CHANGE old new) on an existing column: deployed code still uses"
              + " the old name. In a pre-deploy migration the recipe moves it to a post-deploy"
              + " one.");

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
      String from = null;
      String to = null;
      if (action instanceof Action.RenameColumn r) {
        from = r.from();
        to = r.to();
      } else if (action instanceof Action.Modify m
          && m.change()
          && m.from() != null
          && !m.from().equals(m.column().name())) {
        from = m.from();
        to = m.column().name();
      }
      if (from == null || ctx.isNewColumn(a.table(), from)) {
        continue;
      }
      String t = a.table().toString();
      ctx.report(
          INFO,
          null,
          "Renaming "
              + t
              + "."
              + from
              + " to "
              + to
              + " breaks the application version that is"
              + " still running during the deploy: its queries name "
              + from
              + " and fail (\"column"
              + " does not exist\") from the moment the migration commits, on a table of any"
              + " size.",
          ctx.contract(
              "Don't rename; map the new name in the application (ORM column mapping) instead.",
              "Or expand/contract: add "
                  + to
                  + ", keep both in sync with a trigger, backfill (-- godwit:batch), move"
                  + " reads and writes to "
                  + to
                  + " in a release, then drop "
                  + from
                  + " in a post-deploy migration."));
    }
  }
}
