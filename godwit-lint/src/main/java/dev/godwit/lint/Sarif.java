package dev.godwit.lint;

import java.util.List;
import java.util.Locale;

/**
 * Renders a report as SARIF 2.1.0 for code-scanning UIs: one run whose tool lists every rule (with
 * its long description as {@code fullDescription} and its recipe as {@code help}), one result per
 * finding with the file, line, column and statement as its location. Suppressed findings carry an
 * {@code inSource} suppression with the reason as justification.
 */
public final class Sarif {
  /** The SARIF schema this renderer follows. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private Sarif() {}

  /**
   * The report as a SARIF 2.1.0 log.
   *
   * @param report the findings
   * @param toolVersion Godwit's version, written as the driver's version
   * @return the JSON text
   */
  public static String render(LintReport report, String toolVersion) {
    List<RuleInfo> rules =
        java.util.stream.Stream.concat(Rules.all().stream(), Rules.meta().stream()).toList();
    Json j = new Json(true);
    j.open('{');
    j.field("$schema", SCHEMA);
    j.field("version", "2.1.0");
    j.key("runs").arrayValue();
    j.objectValue();
    j.key("tool").objectValue();
    j.key("driver").objectValue();
    j.field("name", "godwit-lint");
    j.field("version", toolVersion);
    j.field("informationUri", "https://github.com/godwit-dev/godwit");
    j.key("rules").arrayValue();
    for (RuleInfo r : rules) {
      j.objectValue();
      j.field("id", r.id());
      j.key("shortDescription").objectValue().field("text", r.description()).close('}');
      RuleDoc doc = RuleDoc.all().get(r.id());
      if (doc != null) {
        j.key("fullDescription").objectValue().field("text", doc.description()).close('}');
        j.key("help")
            .objectValue()
            .field("text", "Safe recipe: " + doc.recipeText())
            .field("markdown", markdown(doc))
            .close('}');
      }
      j.key("defaultConfiguration")
          .objectValue()
          .field("level", level(r.defaultSeverity()))
          .field("enabled", r.enabledByDefault())
          .close('}');
      j.key("properties")
          .objectValue()
          .field("dialects", r.dialectsLabel())
          .field("sizeAware", r.sizeAware())
          .close('}');
      j.close('}');
    }
    j.close(']');
    j.close('}');
    j.close('}');
    j.key("results").arrayValue();
    for (Finding f : report.findings()) {
      j.objectValue();
      j.field("ruleId", f.rule());
      int index = indexOf(rules, f.rule());
      if (index >= 0) {
        j.field("ruleIndex", index);
      }
      j.field("level", level(f.severity()));
      j.key("message").objectValue().field("text", f.fullMessage()).close('}');
      j.key("locations").arrayValue().objectValue();
      j.key("physicalLocation").objectValue();
      j.key("artifactLocation").objectValue().field("uri", uri(f.file())).close('}');
      j.key("region").objectValue();
      j.field("startLine", f.line());
      j.field("startColumn", f.column());
      if (!f.statement().isEmpty()) {
        j.key("snippet").objectValue().field("text", f.statement()).close('}');
      }
      j.close('}');
      j.close('}');
      j.close('}').close(']');
      if (f.suppressed()) {
        j.key("suppressions").arrayValue().objectValue();
        j.field("kind", "inSource");
        j.field("justification", f.suppressionReason());
        j.close('}').close(']');
      }
      j.close('}');
    }
    j.close(']');
    j.close('}');
    j.close(']');
    j.close('}');
    return j.toString();
  }

  /** The rule's help as Markdown: the description, then the recipe as a numbered list. */
  private static String markdown(RuleDoc doc) {
    StringBuilder b = new StringBuilder(doc.description()).append("\n\n**Safe recipe**\n\n");
    for (int i = 0; i < doc.recipe().size(); i++) {
      b.append(i + 1).append(". ").append(doc.recipe().get(i)).append('\n');
    }
    return b.toString();
  }

  /** SARIF's level for a severity: error, warning or note. */
  public static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARN -> "warning";
      case INFO -> "note";
    };
  }

  private static int indexOf(List<RuleInfo> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A relative URI reference: forward slashes, reserved and non-ASCII bytes percent-encoded. */
  static String uri(String path) {
    StringBuilder b = new StringBuilder();
    for (byte x : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
