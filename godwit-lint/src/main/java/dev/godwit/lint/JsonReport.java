package dev.godwit.lint;

/** Writes {@link LintReport#toJson()}. */
final class JsonReport {
  private JsonReport() {}

  static String write(LintReport report) {
    Json j = new Json(true);
    j.open('{');
    j.key("findings").arrayValue();
    for (Finding f : report.findings()) {
      j.objectValue();
      j.field("rule", f.rule());
      j.field("severity", f.severity().label());
      j.field("file", f.file());
      j.field("line", f.line());
      j.field("column", f.column());
      j.field("statement", f.statement());
      j.field("message", f.message());
      j.key("recipe").values(f.recipe());
      j.field("suppressed", f.suppressed());
      if (f.suppressed()) {
        j.field("suppressionReason", f.suppressionReason());
      }
      j.close('}');
    }
    j.close(']');
    j.key("summary").objectValue();
    j.field("files", report.files());
    j.field("statements", report.statements());
    j.field("errors", report.errors());
    j.field("warnings", report.warnings());
    j.field("infos", report.infos());
    j.field("suppressed", report.suppressedCount());
    j.field("maxSeverity", report.maxSeverity().map(Severity::label).orElse(null));
    j.close('}');
    j.close('}');
    return j.toString();
  }
}
