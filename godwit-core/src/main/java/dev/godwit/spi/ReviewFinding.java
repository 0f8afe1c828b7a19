package dev.godwit.spi;

/**
 * One finding of a {@link PendingMigrationReviewer}.
 *
 * @param rule the rule's stable id, e.g. {@code create-index-non-concurrently}
 * @param severity how serious it is
 * @param script the file
 * @param line the 1-based line of the statement
 * @param message what happens and the safe recipe
 * @param suppressed whether a {@code -- godwit:allow} comment suppressed it
 */
public record ReviewFinding(
    String rule, Severity severity, String script, int line, String message, boolean suppressed) {

  /** Severities, lowest first. */
  public enum Severity {
    INFO,
    WARN,
    ERROR
  }
}
