package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.Set;

/** {@code rename-table}: renaming a table breaks deployed code that uses the old name. */
final class RenameTableRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "rename-table",
          Dialects.ALL,
          Severity.ERROR,
          false,
          true,
          "ALTER TABLE ... RENAME TO / RENAME TABLE on an existing table (table swaps and a"
              + " compatibility view are exempt): deployed code still uses the old name. In a pre-deploy"
              + " migration the recipe moves it to a post-deploy one.");

  private Set<String> taken;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        if (action instanceof Action.RenameTable r) {
          check(ctx, a.table(), r.to());
        }
      }
    } else if (p instanceof Parsed.RenameTables rt) {
      for (int i = 0; i < rt.from().size(); i++) {
        check(ctx, rt.from().get(i), rt.to().get(i));
      }
    }
  }

  private void check(Ctx ctx, Name from, Name to) {
    if (from == null || to == null || ctx.isNew(from)) {
      return;
    }
    if (taken == null) {
      taken = Swaps.namesTakenByNewTables(ctx);
    }
    if (Swaps.isSwapped(ctx, taken, from) || compatibilityView(ctx, from, to)) {
      return;
    }
    ctx.report(
        INFO,
        null,
        "Renaming the table "
            + from
            + " to "
            + to
            + " breaks the application version that is"
            + " still running during the deploy: its queries name "
            + from
            + " and fail (\"relation"
            + " does not exist\") from the moment the migration commits, on a table of any size.",
        ctx.contract(
            "Right after the rename, create a compatibility view with the old name: CREATE VIEW "
                + from
                + " AS SELECT * FROM "
                + to
                + "; (simple views are updatable, so old INSERTs"
                + " and UPDATEs keep working).",
            "Deploy code that uses " + to + ".",
            "Drop the view " + from + " in a later migration."));
  }

  /** A later {@code CREATE VIEW <old> AS SELECT * FROM <new>} in the same file. */
  private static boolean compatibilityView(Ctx ctx, Name from, Name to) {
    for (int i = ctx.stmt().index() + 1; i < ctx.statements.size(); i++) {
      if (ctx.statements.get(i).parsed() instanceof Parsed.CreateView v
          && v.view().key().equals(from.key())
          && v.selectStarFrom() != null
          && v.selectStarFrom().key().equals(to.key())) {
        return true;
      }
    }
    return false;
  }
}
