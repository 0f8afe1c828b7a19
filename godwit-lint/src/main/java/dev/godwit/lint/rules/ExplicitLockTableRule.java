package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code explicit-lock-table}: LOCK TABLE in SHARE mode or stronger, MySQL LOCK TABLES. */
final class ExplicitLockTableRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "explicit-lock-table",
          Dialects.PG_MY,
          Severity.WARN,
          false,
          true,
          "LOCK TABLE in SHARE mode or stronger (default ACCESS EXCLUSIVE), MySQL LOCK TABLES:"
              + " held to the end of the transaction.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.LockTable l)) {
      return;
    }
    if (l.pgLock() != null && !l.pgLock().atLeast(PgLock.SHARE)) {
      return;
    }
    Name existing = null;
    for (Name n : l.tables()) {
      if (!ctx.isNew(n)) {
        existing = n;
        break;
      }
    }
    if (existing == null) {
      return;
    }
    String blocks;
    if (l.pgLock() != null) {
      blocks =
          l.pgLock() == PgLock.ACCESS_EXCLUSIVE
              ? "blocks every read and write"
              : "blocks" + " writes";
      ctx.report(
          INFO,
          existing,
          "LOCK TABLE "
              + existing
              + " IN "
              + l.mode()
              + " MODE "
              + blocks
              + " on "
              + existing
              + " until the transaction ends, and queues every later query behind it while it"
              + " waits.",
          "Rely on the locks the DDL takes by itself, with a short lock_timeout.",
          "If you really need to coordinate, take the weakest mode that works and keep the"
              + " transaction tiny.");
    } else {
      blocks =
          l.mode().equals("WRITE")
              ? "blocks every other session's reads and writes"
              : "blocks every other session's writes";
      ctx.report(
          INFO,
          existing,
          "LOCK TABLES ... "
              + l.mode()
              + " "
              + blocks
              + " on "
              + existing
              + " until UNLOCK TABLES, and implicitly commits an open transaction.",
          "Rely on the metadata lock the ALTER takes by itself, with a short lock_wait_timeout.",
          "If you really need it, keep the locked section as short as possible.");
    }
  }
}
