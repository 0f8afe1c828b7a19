package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.Statement;
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

  /**
   * What the splitter found that cannot run in a transaction ({@link Statement#reason()}), or null.
   * The splitter is the one list of such statements; two of them are another rule's: ALTER TYPE ...
   * ADD VALUE before PostgreSQL 12 (enum-value-add-in-transaction) and COMMIT/ROLLBACK PREPARED,
   * which end a prepared transaction rather than run in one.
   */
  private static String what(Ctx ctx) {
    Statement st = ctx.stmt().statement();
    if (!st.has(StatementFlag.NON_TRANSACTIONAL)) {
      return null;
    }
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.Reindex r && !r.concurrently()) {
      return null; // REINDEX (CONCURRENTLY false): the splitter saw the word, not its value
    }
    if (p instanceof Parsed.AlterTypeAddValue
        || (p instanceof Parsed.Other o
            && (o.verb().equals("commit") || o.verb().equals("rollback")))) {
      return null;
    }
    return st.reason();
  }
}
