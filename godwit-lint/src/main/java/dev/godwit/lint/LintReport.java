package dev.godwit.lint;

import java.util.List;
import java.util.Optional;

/**
 * The result of a lint run: every finding in file and line order, suppressed ones included (they
 * carry their reason and do not count towards {@link #maxSeverity()}).
 *
 * @param findings the findings, in input order, then by line and column
 * @param files how many files were linted (applied files read for context are not counted)
 * @param statements how many statements of those files were looked at
 */
public record LintReport(List<Finding> findings, int files, int statements) {

  /** Freezes the findings. */
  public LintReport {
    findings = List.copyOf(findings);
  }

  /** Unsuppressed findings of exactly {@code severity}. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
  }

  /** Unsuppressed error findings. */
  public long errors() {
    return count(Severity.ERROR);
  }

  /** Unsuppressed warning findings. */
  public long warnings() {
    return count(Severity.WARN);
  }

  /** Unsuppressed info findings. */
  public long infos() {
    return count(Severity.INFO);
  }

  /** Findings accepted by a suppression comment. */
  public long suppressedCount() {
    return findings.stream().filter(Finding::suppressed).count();
  }

  /** The unsuppressed findings. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  /** The highest severity among unsuppressed findings; empty when there are none. */
  public Optional<Severity> maxSeverity() {
    return findings.stream()
        .filter(f -> !f.suppressed())
        .map(Finding::severity)
        .max(Enum::compareTo);
  }

  /**
   * Whether an unsuppressed finding reaches {@code threshold}: what {@code --fail-on} and the
   * production gate of {@code migrate} check.
   */
  public boolean reaches(Severity threshold) {
    return maxSeverity().map(s -> s.atLeast(threshold)).orElse(false);
  }

  /**
   * The report as a JSON object: {@code {"findings":[...], "summary":{...}}}. Each finding has
   * {@code rule}, {@code severity}, {@code file}, {@code line}, {@code column}, {@code statement},
   * {@code message}, {@code recipe} (array of steps), {@code suppressed} and, when suppressed,
   * {@code suppressionReason}.
   */
  public String toJson() {
    return JsonReport.write(this);
  }
}
