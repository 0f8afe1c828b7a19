package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code table-rewrite}: VACUUM FULL, CLUSTER, SET TABLESPACE/LOGGED/UNLOGGED/ACCESS METHOD. */
final class TableRewriteRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "table-rewrite",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED, SET ACCESS METHOD on an"
              + " existing table: full rewrite under ACCESS EXCLUSIVE.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.Vacuum v && v.full()) {
      if (v.tables().isEmpty()) {
        report(ctx, null, "VACUUM FULL");
      }
      for (Name t : v.tables()) {
        if (!ctx.isNew(t)) {
          report(ctx, t, "VACUUM FULL");
        }
      }
    } else if (p instanceof Parsed.Cluster c) {
      if (c.table() == null || !ctx.isNew(c.table())) {
        report(ctx, c.table(), "CLUSTER");
      }
    } else if (p instanceof Parsed.AlterTable a && !ctx.isNew(a.table())) {
      for (Action action : a.actions()) {
        if (action instanceof Action.Rewrite r) {
          report(ctx, a.table(), "ALTER TABLE " + a.table() + " " + r.what());
        }
      }
    }
  }

  private void report(Ctx ctx, Name table, String what) {
    String t = table == null ? "every table it touches" : table.toString();
    ctx.report(
        INFO,
        table,
        what
            + " rewrites "
            + t
            + " completely while holding an ACCESS EXCLUSIVE lock: no reads"
            + " or writes until the copy is done.",
        "Do not do this in a migration.",
        "To reclaim space or re-cluster online, use pg_repack or pg_squeeze (or REPACK"
            + " CONCURRENTLY where your PostgreSQL has it).",
        "For LOGGED/UNLOGGED or a new access method or tablespace, build a new table, copy in"
            + " batches and swap.");
  }
}
