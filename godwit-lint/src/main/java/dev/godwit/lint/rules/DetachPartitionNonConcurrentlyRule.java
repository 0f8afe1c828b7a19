package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code detach-partition-non-concurrently}: DETACH PARTITION locks parent and partition. */
final class DetachPartitionNonConcurrentlyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "detach-partition-non-concurrently",
          Dialects.PG,
          Severity.WARN,
          false,
          true,
          "ALTER TABLE ... DETACH PARTITION without CONCURRENTLY: ACCESS EXCLUSIVE on the parent"
              + " and the partition.");

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
      if (action instanceof Action.DetachPartition d && !d.concurrently() && !d.finish()) {
        String before14 =
            ctx.pgAtLeast(14)
                ? ""
                : " PostgreSQL before 14 has no lock-free form: schedule the change for a quiet"
                    + " moment.";
        ctx.report(
            INFO,
            a.table(),
            "DETACH PARTITION "
                + d.partition()
                + " takes an ACCESS EXCLUSIVE lock on "
                + a.table()
                + " and on the partition: every query on the partitioned table waits, and queues"
                + " behind the DETACH while it waits for its lock."
                + before14,
            "Write ALTER TABLE "
                + a.table()
                + " DETACH PARTITION "
                + d.partition()
                + " CONCURRENTLY (PostgreSQL 14+; not possible while a default partition exists).",
            "Run it in a migration without a transaction.",
            "If it is interrupted, finish with ALTER TABLE "
                + a.table()
                + " DETACH PARTITION "
                + d.partition()
                + " FINALIZE.");
      }
    }
  }
}
