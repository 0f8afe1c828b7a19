package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.StatementFlag;

/** {@code mysql-ddl-in-transaction}: MySQL DDL commits the open transaction implicitly. */
final class MySqlDdlInTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mysql-ddl-in-transaction",
          Dialects.MY,
          Severity.WARN,
          false,
          true,
          "DDL between START TRANSACTION/BEGIN and COMMIT/ROLLBACK: it commits the transaction"
              + " implicitly, so the block is not atomic.");

  private Stmt open;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.TxControl tx) {
      open = tx.kind().equals("begin") ? ctx.stmt() : null;
      return;
    }
    if (open == null || !isDdl(ctx, p)) {
      return;
    }
    ctx.report(
        INFO,
        null,
        "This DDL runs after the START TRANSACTION at line "
            + open.statement().line()
            + ": MySQL commits the open transaction before any DDL, so the statements before it"
            + " are committed, the DDL itself cannot be rolled back, and a later ROLLBACK undoes"
            + " nothing before it.",
        "Keep DDL out of explicit transactions; one DDL statement per migration where possible.",
        "Write migrations to be re-runnable (IF EXISTS / IF NOT EXISTS): a failure mid-file"
            + " leaves earlier DDL applied.",
        "Keep data-only changes in their own transaction.");
  }

  private static boolean isDdl(Ctx ctx, Parsed p) {
    if (p instanceof Parsed.CreateTable ct) {
      return !ct.temporary();
    }
    if (p instanceof Parsed.AlterTable
        || p instanceof Parsed.DropTable
        || p instanceof Parsed.CreateIndex
        || p instanceof Parsed.DropIndex
        || p instanceof Parsed.RenameTables
        || p instanceof Parsed.Truncate
        || p instanceof Parsed.DropSchema
        || p instanceof Parsed.CreateSchema
        || p instanceof Parsed.CreateView) {
      return true;
    }
    return ctx.stmt().statement().has(StatementFlag.IMPLICIT_COMMIT)
        && p instanceof Parsed.Other o
        && (o.verb().equals("create")
            || o.verb().equals("alter")
            || o.verb().equals("drop")
            || o.verb().equals("rename"));
  }
}
