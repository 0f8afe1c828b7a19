package dev.godwit.api;

import java.util.List;

/**
 * The result of {@code validate}.
 *
 * @param issues every problem found; empty when valid
 * @param migrationsChecked how many local and applied migrations were compared
 * @param warnings warnings that do not fail validation
 */
public record ValidateResult(
    List<ValidationIssue> issues, int migrationsChecked, List<String> warnings) {

  /** Freezes the lists. */
  public ValidateResult {
    issues = List.copyOf(issues);
    warnings = List.copyOf(warnings);
  }

  /** Whether no problem was found. */
  public boolean valid() {
    return issues.isEmpty();
  }
}
