package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code drop-index-non-concurrently}: DROP INDEX takes ACCESS EXCLUSIVE on the table. */
final class DropIndexNonConcurrentlyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "drop-index-non-concurrently",
          Dialects.PG,
          Severity.WARN,
          false,
          true,
          "DROP INDEX without CONCURRENTLY: ACCESS EXCLUSIVE on the table, brief but it queues"
              + " every reader behind it.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.DropIndex di) || di.concurrently()) {
      return;
    }
    for (Name index : di.indexes()) {
      Name table = ctx.tableOfIndex(index);
      if (ctx.createdIndexes.contains(index.key()) || ctx.isNew(table)) {
        continue;
      }
      String on = table == null ? "its table" : table.toString();
      ctx.report(
          INFO,
          table,
          "DROP INDEX "
              + index
              + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on "
              + on
              + ". The drop itself is instant, but while it waits for the lock (behind any long"
              + " query or open transaction) every later SELECT, INSERT and UPDATE on "
              + on
              + " queues behind it.",
          "Write DROP INDEX CONCURRENTLY IF EXISTS " + index + " (SHARE UPDATE EXCLUSIVE).",
          "Run it in a migration without a transaction, one index per statement, no CASCADE.",
          "An index that backs a constraint cannot be dropped concurrently: use ALTER TABLE ... DROP"
              + " CONSTRAINT with a short lock_timeout instead.");
      return;
    }
  }
}
