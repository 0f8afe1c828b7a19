package dev.godwit.lint;

import java.util.Locale;

/**
 * Renders a report for people, one block per finding:
 *
 * <pre>
 * db/V7__index.sql:3:1: error [add-column-volatile-default]
 *   ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()
 *   ALTER TABLE orders ADD COLUMN token ... rewrites the whole table ...
 *   Safe recipe:
 *     1. Add the column without a default ...
 * </pre>
 */
public final class TextReport {
  private static final int MAX_STATEMENT = 300;

  private TextReport() {}

  /** Every finding, suppressed ones in one short line each, and a summary line. */
  public static String render(LintReport report) {
    StringBuilder b = new StringBuilder();
    for (Finding f : report.findings()) {
      b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ");
      if (f.suppressed()) {
        b.append("suppressed ")
            .append(f.severity().label())
            .append(" [")
            .append(f.rule())
            .append("]: ")
            .append(f.suppressionReason())
            .append('\n');
        continue;
      }
      b.append(f.severity().label()).append(" [").append(f.rule()).append("]\n");
      if (!f.statement().isEmpty()) {
        b.append("  ").append(statement(f.statement())).append('\n');
      }
      b.append("  ").append(f.message()).append('\n');
      if (!f.recipe().isEmpty()) {
        b.append("  Safe recipe:\n");
        for (int i = 0; i < f.recipe().size(); i++) {
          b.append("    ").append(i + 1).append(". ").append(f.recipe().get(i)).append('\n');
        }
      }
    }
    b.append(summary(report)).append('\n');
    return b.toString();
  }

  /** {@code 2 errors, 1 warning, 0 infos (1 suppressed) in 3 files, 41 statements}. */
  public static String summary(LintReport r) {
    return String.format(
        Locale.ROOT,
        "%d %s, %d %s, %d %s (%d suppressed) in %d %s, %d %s",
        r.errors(),
        r.errors() == 1 ? "error" : "errors",
        r.warnings(),
        r.warnings() == 1 ? "warning" : "warnings",
        r.infos(),
        r.infos() == 1 ? "info" : "infos",
        r.suppressedCount(),
        r.files(),
        r.files() == 1 ? "file" : "files",
        r.statements(),
        r.statements() == 1 ? "statement" : "statements");
  }

  private static String statement(String sql) {
    String one = sql.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_STATEMENT ? one : one.substring(0, MAX_STATEMENT - 3) + "...";
  }
}
