package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code sqlite-foreign-keys-pragma-in-transaction}: the pragma is a no-op in a transaction. */
final class SqliteForeignKeysPragmaInTransactionRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "sqlite-foreign-keys-pragma-in-transaction",
          Dialects.SL,
          Severity.ERROR,
          false,
          true,
          "PRAGMA foreign_keys = ... inside a transaction: silently ignored, so a table rebuild"
              + " can cascade-delete child rows.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.Pragma p)
        || !p.name().equals("foreign_keys")
        || p.value() == null
        || !ctx.inTransaction) {
      return;
    }
    ctx.report(
        INFO,
        null,
        "PRAGMA foreign_keys = "
            + p.value()
            + " runs inside a transaction"
            + (ctx.explicitTransaction
                ? " (after BEGIN)"
                : " (the runner wraps this migration in" + " one)")
            + ", where SQLite silently ignores it. Foreign keys stay as they were: in the 12-step"
            + " table rebuild, DROP TABLE of the parent then runs with foreign keys on, and ON"
            + " DELETE CASCADE children are emptied.",
        "Run the migration without a transaction (executeInTransaction=false).",
        "PRAGMA foreign_keys=OFF before BEGIN; rebuild the table; PRAGMA foreign_key_check before"
            + " COMMIT; COMMIT; then PRAGMA foreign_keys=ON.");
  }
}
