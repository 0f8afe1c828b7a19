package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.StatementFlag;

/** {@code statement-not-allowed-in-transaction}: CONCURRENTLY, VACUUM... inside a transaction. */
final class StatementNotAllowedInTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "statement-not-allowed-in-transaction",
          Dialects.PG,
          Severity.ERROR,
          false,
          true,
          "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY,"
              + " VACUUM, CREATE/DROP DATABASE or TABLESPACE, ALTER SYSTEM inside a transaction"
              + " block: fails.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!ctx.inTransaction) {
      return;
    }
    String what = what(ctx);
    if (what == null) {
      return;
    }
    String where =
        ctx.explicitTransaction
            ? "after an explicit BEGIN"
            : "in the transaction the runner wraps this migration in";
    ctx.report(
        INFO,
        null,
        what
            + " cannot run inside a transaction block, and this one runs "
            + where
            + ": PostgreSQL fails with \""
            + what
            + " cannot run inside a transaction block\""
            + " (SQLSTATE 25001). If earlier statements already ran without a transaction, the"
            + " migration is left half-applied.",
        "Run the migration without a transaction (executeInTransaction=false in its .sql.conf, or"
            + " no explicit BEGIN around this statement).",
        "Keep the statement alone in its migration, or last.",
        "Make it idempotent (IF NOT EXISTS / IF EXISTS, drop a leftover INVALID index) so a retry"
            + " works.");
  }

  private static String what(Ctx ctx) {
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.CreateIndex ci && ci.concurrently()) {
      return "CREATE INDEX CONCURRENTLY";
    }
    if (p instanceof Parsed.DropIndex di && di.concurrently()) {
      return "DROP INDEX CONCURRENTLY";
    }
    if (p instanceof Parsed.Reindex r && r.concurrently()) {
      return "REINDEX CONCURRENTLY";
    }
    if (p instanceof Parsed.Vacuum) {
      return "VACUUM";
    }
    if (p instanceof Parsed.NonTransactional n) {
      return n.what();
    }
    if (p instanceof Parsed.DropSchema d && d.kind().equals("database")) {
      return "DROP DATABASE";
    }
    if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        if (action instanceof Action.DetachPartition d && d.concurrently()) {
          return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
        }
      }
      return null;
    }
    if (ctx.stmt().statement().has(StatementFlag.NON_TRANSACTIONAL)
        && !(p instanceof Parsed.AlterTypeAddValue)
        && !(p instanceof Parsed.Other o
            && (o.verb().equals("commit") || o.verb().equals("rollback")))) {
      String sql = ctx.stmt().statement().sql();
      int sp = sql.indexOf(' ', Math.min(sql.length(), 8));
      return sql.substring(0, sp < 0 ? sql.length() : sp).toUpperCase(java.util.Locale.ROOT);
    }
    return null;
  }
}
