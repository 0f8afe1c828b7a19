package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code create-index-non-concurrently}: CREATE INDEX without CONCURRENTLY blocks writes. */
final class CreateIndexNonConcurrentlyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "create-index-non-concurrently",
          Dialects.PG,
          Severity.WARN,
          true,
          true,
          "CREATE INDEX without CONCURRENTLY on an existing table: SHARE lock, writes blocked for"
              + " the whole build.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.CreateIndex ci) || ci.concurrently()) {
      return;
    }
    if (ctx.isNew(ci.table())) {
      return;
    }
    if (ci.only()) {
      // ON ONLY a partitioned parent creates an invalid catalog entry and reads no rows.
      Schema.Table t = ctx.table(ci.table());
      if (t == null || t.partitioned) {
        return;
      }
    }
    String corruption =
        ctx.version.major() == 14 && ctx.version.minor() < 4
            ? " Note: PostgreSQL 14.0 to 14.3 could corrupt indexes built concurrently; upgrade to"
                + " 14.4 or later first."
            : "";
    ctx.report(
        INFO,
        ci.table(),
        "CREATE "
            + (ci.unique() ? "UNIQUE " : "")
            + "INDEX without CONCURRENTLY takes a SHARE lock on "
            + ci.table()
            + " for the whole build: reads continue, but every INSERT, UPDATE and DELETE waits"
            + " until the table has been scanned and the index sorted and written."
            + corruption,
        "Write CREATE "
            + (ci.unique() ? "UNIQUE " : "")
            + "INDEX CONCURRENTLY IF NOT EXISTS"
            + " ...: it takes SHARE UPDATE EXCLUSIVE, so reads and writes go on during the build.",
        "Give it a migration of its own that runs without a transaction (Godwit does that by"
            + " itself for a file with a concurrent statement; or executeInTransaction=false in its"
            + " .sql.conf).",
        "Afterwards check pg_index.indisvalid: a failed concurrent build leaves an INVALID index;"
            + " DROP INDEX CONCURRENTLY it before retrying.",
        "On a partitioned table: CREATE INDEX ... ON ONLY the parent, CREATE INDEX CONCURRENTLY on"
            + " each partition, then ALTER INDEX parent_idx ATTACH PARTITION partition_idx.");
  }
}
