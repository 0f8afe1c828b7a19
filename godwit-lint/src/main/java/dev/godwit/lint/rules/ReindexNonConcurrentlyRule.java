package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code reindex-non-concurrently}: REINDEX blocks writes and queries that use the index. */
final class ReindexNonConcurrentlyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "reindex-non-concurrently",
          Dialects.PG,
          Severity.WARN,
          true,
          true,
          "REINDEX without CONCURRENTLY: SHARE on the table and ACCESS EXCLUSIVE on each index"
              + " while it is rebuilt.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.Reindex r) || r.concurrently()) {
      return;
    }
    Name table = r.kind().equals("index") ? ctx.tableOfIndex(r.target()) : r.target();
    if (r.kind().equals("index")
        && r.target() != null
        && ctx.createdIndexes.contains(r.target().key())) {
      return;
    }
    if ((r.kind().equals("table") || r.kind().equals("index")) && ctx.isNew(table)) {
      return;
    }
    String target =
        r.kind().toUpperCase(java.util.Locale.ROOT) + (r.target() == null ? "" : " " + r.target());
    if (r.kind().equals("system")) {
      ctx.report(
          INFO,
          null,
          "REINDEX SYSTEM rebuilds every system catalog index while holding their locks, so every"
              + " session that plans a query waits; PostgreSQL has no concurrent form of it.",
          "Rebuild only the damaged user indexes, with REINDEX INDEX CONCURRENTLY (PostgreSQL 12+)"
              + " in a migration that runs without a transaction.",
          "If the system catalogs themselves need it, run REINDEX SYSTEM in a maintenance window,"
              + " not in a migration that runs while the application serves traffic.");
      return;
    }
    String recipe =
        ctx.pgAtLeast(12)
            ? "Write REINDEX "
                + target.replaceFirst(" ", " CONCURRENTLY ")
                + " (PostgreSQL 12+) in a migration that runs without a transaction."
            : "Before PostgreSQL 12: CREATE INDEX CONCURRENTLY a new index, DROP INDEX CONCURRENTLY"
                + " the old one, then ALTER INDEX ... RENAME the new one.";
    ctx.report(
        INFO,
        table,
        "REINDEX "
            + target
            + " without CONCURRENTLY rebuilds every index it names while holding a SHARE lock on"
            + " the table (writes blocked) and an ACCESS EXCLUSIVE lock on each index, so queries"
            + " that would use the index block too.",
        recipe,
        "If the concurrent rebuild fails, drop the leftover INVALID index (its name ends in _ccnew)"
            + " before retrying.");
  }
}
