package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code drop-not-null}: readers relying on NOT NULL may mishandle the new NULLs. */
final class DropNotNullRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "drop-not-null",
          Dialects.PG,
          Severity.INFO,
          false,
          true,
          "ALTER COLUMN ... DROP NOT NULL on an existing column: readers written for the old"
              + " guarantee may mishandle NULLs.");

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
      if (action instanceof Action.DropNotNull d && !ctx.isNewColumn(a.table(), d.column())) {
        ctx.report(
            INFO,
            null,
            "Dropping NOT NULL on "
                + a.table()
                + "."
                + d.column()
                + " takes a brief ACCESS"
                + " EXCLUSIVE lock; afterwards new code may write NULLs that readers written"
                + " against the old guarantee (including PL/pgSQL) do not expect.",
            "Deploy readers that tolerate NULL first.",
            "Consider a sentinel value instead of NULL.");
      }
    }
  }
}
