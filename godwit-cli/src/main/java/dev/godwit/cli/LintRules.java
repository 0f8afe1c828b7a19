package dev.godwit.cli;

import dev.godwit.api.NameSuggestions;
import dev.godwit.lint.RuleDoc;
import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Rules;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code godwit lint --rules} (the catalog: id, dialects, default severity, on or off, one line)
 * and {@code godwit lint --explain RULE} (the long description and the safe recipe), each also as
 * JSON. Neither reads the configuration nor connects.
 */
final class LintRules {
  private LintRules() {}

  static int run(Args args, PrintStream out, PrintStream err) {
    boolean json = args.has(Option.JSON);
    if (args.has(Option.RULES) && args.has(Option.EXPLAIN)) {
      err.println("ERROR: --rules and --explain are alternatives: give one of them.");
      return ExitCode.USAGE.code;
    }
    if (args.has(Option.RULES)) {
      out.print(json ? Json.write(catalog()) + "\n" : table());
      return ExitCode.OK.code;
    }
    String id = args.value(Option.EXPLAIN);
    Optional<RuleInfo> rule = Rules.find(id);
    Optional<RuleDoc> doc = Rules.explain(id);
    if (rule.isEmpty() || doc.isEmpty()) {
      err.println(
          "ERROR: lint --explain: unknown rule '"
              + id
              + "'"
              + hint(id)
              + ". godwit lint --rules lists them.");
      return ExitCode.USAGE.code;
    }
    if (json) {
      Map<String, Object> m = entry(rule.get());
      m.put("longDescription", doc.get().description());
      m.put("recipe", doc.get().recipe());
      out.println(Json.write(m));
    } else {
      out.print(explain(rule.get(), doc.get()));
    }
    return ExitCode.OK.code;
  }

  /** A "did you mean" for a typo, or for a fragment of an id such as {@code reindex}. */
  private static String hint(String id) {
    List<String> ids = rules().stream().map(RuleInfo::id).toList();
    String hint = NameSuggestions.hint(id, ids);
    if (hint.isEmpty() && id.length() >= 4) {
      return ids.stream()
          .filter(i -> i.contains(id.toLowerCase(Locale.ROOT)))
          .findFirst()
          .map(i -> " (did you mean '" + i + "'?)")
          .orElse("");
    }
    return hint;
  }

  private static List<RuleInfo> rules() {
    return Stream.concat(Rules.all().stream(), Rules.meta().stream()).toList();
  }

  private static List<Map<String, Object>> catalog() {
    List<Map<String, Object>> out = new ArrayList<>();
    rules().forEach(r -> out.add(entry(r)));
    return out;
  }

  private static Map<String, Object> entry(RuleInfo r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("dialects", r.dialectsLabel());
    m.put("defaultSeverity", r.defaultSeverity().label());
    m.put("enabledByDefault", r.enabledByDefault());
    m.put("sizeAware", r.sizeAware());
    m.put("description", r.description());
    return m;
  }

  private static String table() {
    int width = rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    StringBuilder b = new StringBuilder();
    String format = "%-" + width + "s  %-10s  %-8s  %-3s  %s%n";
    b.append(String.format(Locale.ROOT, format, "rule", "dialects", "default", "on", "what"));
    for (RuleInfo r : rules()) {
      b.append(
          String.format(
              Locale.ROOT,
              format,
              r.id(),
              r.dialectsLabel(),
              r.defaultSeverity().label(),
              r.enabledByDefault() ? "on" : "off",
              r.description()));
    }
    b.append(
        "\npg PostgreSQL, my MySQL and MariaDB, sl SQLite. Turn rules on or off with --enable and"
            + " --disable or [lint] enable/disable; godwit lint --explain RULE describes one.\n");
    return b.toString();
  }

  private static String explain(RuleInfo r, RuleDoc d) {
    StringBuilder b = new StringBuilder();
    b.append(r.id()).append('\n');
    b.append("  dialects: ").append(r.dialectsLabel());
    b.append("; default: ").append(r.defaultSeverity().label());
    b.append(r.enabledByDefault() ? "" : " (off unless enabled)");
    b.append(r.sizeAware() ? "; size-aware" : "").append("\n\n");
    b.append(d.description()).append("\n\nSafe recipe:\n");
    for (int i = 0; i < d.recipe().size(); i++) {
      b.append("  ").append(i + 1).append(". ").append(d.recipe().get(i)).append('\n');
    }
    return b.toString();
  }
}
