package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code truncate-table}: TRUNCATE empties an existing table under ACCESS EXCLUSIVE. */
final class TruncateTableRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "truncate-table",
          Dialects.PG_MY,
          Severity.WARN,
          false,
          true,
          "TRUNCATE of an existing table: all rows gone, ACCESS EXCLUSIVE lock; CASCADE empties"
              + " every referencing table too.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.Truncate t)) {
      return;
    }
    for (Name n : t.tables()) {
      if (ctx.isNew(n)) {
        continue;
      }
      ctx.report(
          INFO,
          null,
          "TRUNCATE "
              + n
              + " deletes every row"
              + (ctx.pg()
                  ? " and takes an ACCESS EXCLUSIVE lock (no reads or writes until" + " commit)"
                  : ", dropping and re-creating the table under a metadata lock")
              + (t.cascade() ? "; CASCADE also empties every table that references it" : "")
              + ".",
          "If the rows really must go while the table stays in use, DELETE them in batches.",
          "Never use CASCADE in a migration.");
      return;
    }
  }
}
