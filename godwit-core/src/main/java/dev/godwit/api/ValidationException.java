package dev.godwit.api;

import java.util.List;

/** Validation failed; {@link #issues()} lists every problem found, not only the first. */
public final class ValidationException extends GodwitException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationIssue> issues;

  /** Creates the exception from the issues found. */
  public ValidationException(List<ValidationIssue> issues) {
    super(ErrorCode.VALIDATION, describe(issues));
    this.issues = List.copyOf(issues);
  }

  /** Every problem found. */
  public List<ValidationIssue> issues() {
    return issues;
  }

  private static String describe(List<ValidationIssue> issues) {
    StringBuilder sb = new StringBuilder("Validation failed: ");
    sb.append(issues.size()).append(issues.size() == 1 ? " problem" : " problems");
    for (ValidationIssue issue : issues) {
      sb.append(System.lineSeparator()).append("  - ").append(issue.message());
    }
    return sb.toString();
  }
}
