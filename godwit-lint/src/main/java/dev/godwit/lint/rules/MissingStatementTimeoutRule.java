package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.Map;

/** {@code missing-statement-timeout}: work on existing tables with no statement_timeout. */
final class MissingStatementTimeoutRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "missing-statement-timeout",
          Dialects.PG,
          Severity.INFO,
          true,
          false,
          "DDL or a data change on an existing table with no statement_timeout set before it."
              + " Opt-in.");

  private boolean reported;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (reported || ctx.statementTimeoutSet) {
      return;
    }
    Map<String, PgLock> locks = Locks.of(ctx.parsed(), ctx);
    for (String key : locks.keySet()) {
      Name n = new Name(null, key);
      if (ctx.isNew(n)) {
        continue;
      }
      if (ctx.parsed() instanceof Parsed.Dml d && d.kind().equals("insert_values")) {
        continue;
      }
      reported = true;
      ctx.report(
          INFO,
          n,
          "This statement works on the existing table "
              + n
              + " and no statement_timeout is set"
              + " before it: a runaway scan, rewrite or backfill has no upper bound.",
          "Set a budget sized for this migration first, e.g. SET statement_timeout = '15min';"
              + " (long enough for legitimate index builds, short enough to stop a runaway).");
      return;
    }
  }
}
