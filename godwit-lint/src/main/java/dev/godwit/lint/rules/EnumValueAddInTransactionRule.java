package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.Token;

/** {@code enum-value-add-in-transaction}: a new enum label used before it is committed. */
final class EnumValueAddInTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "enum-value-add-in-transaction",
          Dialects.PG,
          Severity.ERROR,
          false,
          true,
          "ALTER TYPE ... ADD VALUE in a transaction before PostgreSQL 12, or a new enum label"
              + " used later in the same transaction: fails.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!ctx.inTransaction) {
      return;
    }
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.AlterTypeAddValue a) {
      if (ctx.version.known() && ctx.version.major() < 12) {
        ctx.report(
            INFO,
            null,
            "ALTER TYPE "
                + a.type()
                + " ADD VALUE '"
                + a.label()
                + "' runs inside a transaction"
                + " block, which PostgreSQL "
                + ctx.version
                + " refuses (\"cannot run inside a"
                + " transaction block\"; allowed from 12).",
            "Put the ADD VALUE in its own migration that runs without a transaction.",
            "Use the new value in a later migration.");
      }
      return;
    }
    if (ctx.enumLabelsInTransaction.isEmpty() || p instanceof Parsed.CreateEnum) {
      return;
    }
    for (Token t : ctx.stmt().tokens()) {
      if (t.isString() && ctx.enumLabelsInTransaction.containsKey(t.value())) {
        String type = ctx.enumLabelsInTransaction.get(t.value());
        ctx.report(
            INFO,
            null,
            "This statement uses '"
                + t.value()
                + "', the label ALTER TYPE "
                + type
                + " ADD VALUE added earlier in the same transaction. PostgreSQL refuses it until"
                + " that transaction commits: \"unsafe use of new value '"
                + t.value()
                + "' of enum type "
                + type
                + "\".",
            "Add the value in its own migration (which commits it).",
            "Use it (casts, DEFAULT, UPDATE) in a later migration.",
            "Specify BEFORE/AFTER when the label order matters.");
        return;
      }
    }
  }
}
