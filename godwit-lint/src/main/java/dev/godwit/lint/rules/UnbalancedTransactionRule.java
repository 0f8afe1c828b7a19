package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code unbalanced-transaction}: BEGIN/COMMIT that do not match, or fight the runner's. */
final class UnbalancedTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "unbalanced-transaction",
          Dialects.PG_SL,
          Severity.ERROR,
          false,
          true,
          "BEGIN without COMMIT, COMMIT without BEGIN, or transaction control in a migration the"
              + " runner already wraps in a transaction.");

  private Stmt open;
  private boolean runnerReported;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.TxControl tx)) {
      return;
    }
    if (ctx.runnerTransaction && !runnerReported) {
      runnerReported = true;
      String effect =
          ctx.pg()
              ? "PostgreSQL only warns about a nested BEGIN (\"there is already a transaction in"
                  + " progress\"), and the file's COMMIT ends the runner's transaction early, so the"
                  + " rest of the migration runs outside it"
              : "SQLite fails with \"cannot start a transaction within a transaction\"";
      ctx.report(
          INFO,
          null,
          "This migration controls its transaction itself ("
              + tx.kind().toUpperCase(java.util.Locale.ROOT)
              + ") but the runner already wraps it in one: "
              + effect
              + ".",
          "Remove BEGIN/COMMIT and let the runner own the transaction.",
          "Or mark the file as running without a transaction (executeInTransaction=false) and"
              + " balance BEGIN and COMMIT yourself.");
    }
    if (tx.kind().equals("begin")) {
      if (open != null && !ctx.runnerTransaction) {
        ctx.report(
            INFO,
            null,
            "BEGIN while the transaction opened at line "
                + open.statement().line()
                + " is still open: "
                + (ctx.pg()
                    ? "PostgreSQL ignores it with a warning, and" + " the first COMMIT ends both."
                    : "SQLite fails with \"cannot start a"
                        + " transaction within a transaction\"."),
            "Remove the nested BEGIN, or COMMIT the first transaction before it.");
      }
      if (open == null) {
        open = ctx.stmt();
      }
    } else {
      if (open == null && !ctx.runnerTransaction) {
        ctx.report(
            INFO,
            null,
            tx.kind().toUpperCase(java.util.Locale.ROOT)
                + " without a BEGIN: there is no"
                + " transaction in progress, so it does nothing"
                + (ctx.pg() ? " but warn; the statements before it were not atomic." : "."),
            "Add the matching BEGIN, or remove the "
                + tx.kind().toUpperCase(java.util.Locale.ROOT)
                + ".");
      }
      open = null;
    }
  }

  @Override
  public void finish(Ctx ctx) {
    if (open != null && !ctx.runnerTransaction) {
      ctx.reportAt(
          open,
          INFO,
          "BEGIN without a matching COMMIT or ROLLBACK: the transaction is still open when the"
              + " migration ends, and the runner's connection closing discards its changes.",
          "Add COMMIT at the end of the transaction.",
          "Or remove BEGIN and let the runner own the transaction.");
    }
  }
}
