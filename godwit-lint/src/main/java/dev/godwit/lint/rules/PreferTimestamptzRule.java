package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.List;

/**
 * {@code prefer-timestamptz}: timestamp without time zone stores a wall-clock reading whose zone is
 * lost, so values from sessions in different zones cannot be compared.
 */
final class PreferTimestamptzRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "prefer-timestamptz",
          Dialects.PG,
          Severity.WARN,
          false,
          false,
          "A timestamp (without time zone) column: the zone is lost, so values written by sessions"
              + " in different time zones do not compare. Opt-in.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    List<String> cols =
        DefinedColumns.described(ctx.parsed(), c -> c.type().base().equals("timestamp"));
    if (cols.isEmpty()) {
      return;
    }
    ctx.report(
        INFO,
        null,
        String.join(", ", cols)
            + ": timestamp without time zone keeps the wall-clock reading and drops the zone, so"
            + " now() written from sessions in different time zones (or across a DST change) gives"
            + " values that do not compare.",
        "Use timestamptz (timestamp with time zone): it stores an instant and shows it in the"
            + " session's zone.",
        "Changing an existing column later is a rewrite unless the session time zone is UTC"
            + " (PostgreSQL 12+); decide at creation.");
  }
}
