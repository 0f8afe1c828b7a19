package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.List;

/**
 * {@code ban-char-field}: char(n) pads with spaces, compares ignoring them, and is no faster than
 * text on PostgreSQL.
 */
final class BanCharFieldRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "ban-char-field",
          Dialects.PG,
          Severity.WARN,
          false,
          false,
          "A char(n) / character(n) column: blank-padded, with surprising comparisons, and no"
              + " faster than text on PostgreSQL. Opt-in.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    List<String> cols =
        DefinedColumns.described(ctx.parsed(), c -> c.type().base().equals("bpchar"));
    if (cols.isEmpty()) {
      return;
    }
    ctx.report(
        INFO,
        null,
        String.join(", ", cols)
            + ": char(n) pads values with spaces to n characters, drops trailing spaces in"
            + " comparisons and when cast to text, and takes the same space as text.",
        "Use text (or varchar), with CHECK (char_length(col) = n) when the length is fixed.");
  }
}
