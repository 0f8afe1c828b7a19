package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.List;

/**
 * {@code prefer-text-over-varchar}: on PostgreSQL varchar(n) stores like text, and raising n later
 * is cheap but lowering it rewrites; a CHECK on length is easier to change.
 */
final class PreferTextOverVarcharRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "prefer-text-over-varchar",
          Dialects.PG,
          Severity.WARN,
          false,
          false,
          "A varchar(n) column on PostgreSQL: it is stored like text, and its limit is harder to"
              + " change than a CHECK (char_length(col) <= n). Opt-in.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    List<String> cols =
        DefinedColumns.described(
            ctx.parsed(), c -> c.type().base().equals("varchar") && !c.type().args().isEmpty());
    if (cols.isEmpty()) {
      return;
    }
    ctx.report(
        INFO,
        null,
        String.join(", ", cols)
            + ": PostgreSQL stores varchar(n) exactly like text, so the limit only adds a check"
            + " that is tied to the type: lowering it later rewrites the table, and the error"
            + " names no constraint.",
        "Use text, with CHECK (char_length(col) <= n) when a limit is a real rule; a CHECK can be"
            + " replaced with NOT VALID and VALIDATE without a rewrite.");
  }
}
