package dev.godwit.lint;

import java.util.List;
import java.util.Objects;

/**
 * Lints migration files for zero-downtime safety.
 *
 * <pre>{@code
 * LintOptions options = LintOptions.builder(SqlDialect.POSTGRES).version("16").build();
 * LintReport report = Linter.lint(List.of(
 *     LintInput.of(Path.of("db/V1__init.sql")).asApplied(),   // context only
 *     LintInput.of(Path.of("db/V2__index.sql"))),             // linted
 *     options);
 * if (report.reaches(Severity.ERROR)) { ... }
 * System.out.println(TextReport.render(report));
 * }</pre>
 *
 * <p>Files are read in the given order. Applied files only build the schema context; the others are
 * linted, each seeing what the files before it created. Never throws for bad SQL: what cannot be
 * split or parsed becomes a {@code not-analysed} finding. Thread-safe and stateless.
 */
public final class Linter {
  private Linter() {}

  /**
   * Lints {@code migrations} in order.
   *
   * @param migrations the files in apply order, applied ones first
   * @param options dialect, version, rule selection and table sizes
   * @return every finding, suppressed ones included
   */
  public static LintReport lint(List<LintInput> migrations, LintOptions options) {
    Objects.requireNonNull(migrations, "migrations");
    Objects.requireNonNull(options, "options");
    return RuleEngineAccess.run(List.copyOf(migrations), options);
  }

  /** Lints one script held in memory, with no earlier context. */
  public static LintReport lint(String name, String sql, LintOptions options) {
    return lint(List.of(LintInput.of(name, sql)), options);
  }
}
