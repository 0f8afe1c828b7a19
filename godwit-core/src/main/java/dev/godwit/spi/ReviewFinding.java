package dev.godwit.spi;

import java.util.List;

/**
 * One finding of a {@link PendingMigrationReviewer}.
 *
 * @param rule the rule's stable id, e.g. {@code create-index-non-concurrently}
 * @param severity how serious it is
 * @param script the file
 * @param line the 1-based line of the statement
 * @param message what happens, in one line
 * @param suppressed whether a {@code -- godwit:allow} comment suppressed it
 * @param recipe the safe recipe, step by step (empty when there is none); migrate shows it with
 *     {@code --verbose} only, and {@code godwit lint} always
 */
public record ReviewFinding(
    String rule,
    Severity severity,
    String script,
    int line,
    String message,
    boolean suppressed,
    List<String> recipe) {

  /** Freezes the recipe. */
  public ReviewFinding {
    recipe = recipe == null ? List.of() : List.copyOf(recipe);
  }

  /**
   * A finding without a recipe.
   *
   * @param rule the rule's stable id
   * @param severity how serious it is
   * @param script the file
   * @param line the 1-based line of the statement
   * @param message what happens
   * @param suppressed whether a {@code -- godwit:allow} comment suppressed it
   */
  public ReviewFinding(
      String rule, Severity severity, String script, int line, String message, boolean suppressed) {
    this(rule, severity, script, line, message, suppressed, List.of());
  }

  /** Severities, lowest first. */
  public enum Severity {
    INFO,
    WARN,
    ERROR
  }
}
