package dev.godwit.lint;

import java.util.List;
import java.util.Objects;

/**
 * One problem the linter found in one statement.
 *
 * @param rule the rule id, for example {@code create-index-non-concurrently}
 * @param severity the effective severity (after configuration and table-size adjustments)
 * @param file the migration's name as given in {@link LintInput#name()}
 * @param line 1-based line of the statement's first character
 * @param column 1-based column of the statement's first character
 * @param statement the statement as written (without its delimiter); empty for file-level findings
 * @param message what happens when the statement runs: the lock, the rewrite, the failure or the
 *     broken old code, and on which table
 * @param recipe the safe way to do it, step by step (may be empty for informational findings)
 * @param suppressed whether a {@code -- godwit:allow} comment accepted the finding
 * @param suppressionReason the reason given in that comment, or {@code null} when not suppressed
 */
public record Finding(
    String rule,
    Severity severity,
    String file,
    int line,
    int column,
    String statement,
    String message,
    List<String> recipe,
    boolean suppressed,
    String suppressionReason) {

  /** Validates and freezes the fields. */
  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(message, "message");
    recipe = List.copyOf(recipe);
    if (suppressed != (suppressionReason != null)) {
      throw new IllegalArgumentException("a suppressed finding needs a reason, others none");
    }
  }

  /** A copy marked as suppressed with {@code reason}. */
  public Finding suppress(String reason) {
    return new Finding(
        rule, severity, file, line, column, statement, message, recipe, true, reason);
  }

  /** A copy with another severity. */
  public Finding withSeverity(Severity s) {
    return new Finding(
        rule, s, file, line, column, statement, message, recipe, suppressed, suppressionReason);
  }

  /** The message followed by the numbered recipe steps, as one text. */
  public String fullMessage() {
    if (recipe.isEmpty()) {
      return message;
    }
    StringBuilder b = new StringBuilder(message).append(" Safe recipe:");
    for (int i = 0; i < recipe.size(); i++) {
      b.append(' ').append(i + 1).append(") ").append(recipe.get(i));
    }
    return b.toString();
  }
}
