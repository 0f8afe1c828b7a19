package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code down-migration-data-loss}: a rollback that drops tables or columns. */
final class DownMigrationDataLossRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "down-migration-data-loss",
          Dialects.ALL,
          Severity.WARN,
          false,
          true,
          "DROP TABLE or DROP COLUMN in a down (rollback/undo) migration: everything written since"
              + " the up migration ran is thrown away.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!ctx.input.down()) {
      return;
    }
    String what = null;
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.DropTable d) {
      for (Name n : d.tables()) {
        if (!ctx.isNew(n)) {
          what = "the table " + n;
          break;
        }
      }
    } else if (p instanceof Parsed.AlterTable a && !ctx.isNew(a.table())) {
      for (Action action : a.actions()) {
        if (action instanceof Action.DropColumn d && !ctx.isNewColumn(a.table(), d.column())) {
          what = "the column " + a.table() + "." + d.column();
          break;
        }
      }
    }
    if (what == null) {
      return;
    }
    ctx.report(
        INFO,
        null,
        "This rollback drops "
            + what
            + ": everything written to it since the up migration ran is"
            + " lost, and rollbacks are often run in a hurry.",
        "Make the rollback non-destructive: rename to an archive name, or keep the column and only"
            + " revert the code.",
        "Or document that it is destructive and confirm with -- godwit:allow"
            + " down-migration-data-loss <reason>.");
  }
}
