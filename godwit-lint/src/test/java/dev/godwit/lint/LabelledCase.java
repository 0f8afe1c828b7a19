package dev.godwit.lint;

import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One labelled case of {@code src/test/resources/cases/<dialect>/<name>.sql}.
 *
 * <p>The file starts with header comments: {@code -- case:} its name, {@code -- rule:} the rule it
 * is about, {@code -- expect:} the findings as {@code rule@line} (or {@code none}), and optionally
 * {@code -- version:}, {@code -- tx: on|off|auto}, {@code -- enable:}, {@code -- sizes:
 * table=rows,...}, {@code -- volatility: name/arity=i|s|v,...} (what {@code pg_proc} says when
 * connected), {@code -- indexes: index=table,...} (the live catalog's index tables), {@code --
 * down: true}, {@code -- expect-severity: rule=severity}. A line {@code -- @applied-above} splits
 * the body: what is above it is an earlier, already applied migration (schema context only); lines
 * keep their numbers in the linted part.
 */
record LabelledCase(
    Path path,
    String name,
    String rule,
    SqlDialect dialect,
    Set<String> expected,
    Map<String, Severity> expectedSeverity,
    LintOptions options,
    List<LintInput> inputs) {

  static LabelledCase read(Path path) throws IOException {
    String dialectDir = path.getParent().getFileName().toString();
    SqlDialect dialect = SqlDialect.fromLabel(dialectDir);
    List<String> lines = Files.readAllLines(path);
    Map<String, String> header = new HashMap<>();
    int i = 0;
    while (i < lines.size() && lines.get(i).startsWith("-- ") && lines.get(i).contains(": ")) {
      String l = lines.get(i).substring(3);
      int c = l.indexOf(": ");
      header.put(l.substring(0, c).trim(), l.substring(c + 2).trim());
      i++;
    }
    Set<String> expected = new LinkedHashSet<>();
    String exp = header.getOrDefault("expect", "none");
    if (!exp.equals("none")) {
      expected.addAll(List.of(exp.split("\\s+")));
    }
    Map<String, Severity> sev = new HashMap<>();
    if (header.containsKey("expect-severity")) {
      for (String kv : header.get("expect-severity").split(",")) {
        String[] p = kv.split("=");
        sev.put(p[0].trim(), Severity.parse(p[1]));
      }
    }
    LintOptions.Builder b = LintOptions.builder(dialect);
    if (header.containsKey("version")) {
      b.version(header.get("version"));
    }
    if (header.containsKey("enable")) {
      b.enable(header.get("enable").split(",\\s*"));
    }
    if (header.containsKey("sizes")) {
      for (String kv : header.get("sizes").split(",")) {
        String[] p = kv.split("=");
        b.tableSize(p[0].trim(), TableSize.ofRows(p[0].trim(), Long.parseLong(p[1].trim())));
      }
    }
    if (header.containsKey("volatility")) {
      Map<String, FunctionVolatility> v = new HashMap<>();
      for (String kv : header.get("volatility").split(",")) {
        String[] p = kv.split("=");
        v.put(p[0].trim(), FunctionVolatility.ofCode(p[1].trim()));
      }
      b.functionVolatility(v);
    }
    if (header.containsKey("indexes")) {
      Map<String, String> tables = new HashMap<>();
      for (String kv : header.get("indexes").split(",")) {
        String[] p = kv.split("=");
        tables.put(p[0].trim(), p[1].trim());
      }
      b.indexTables(tables);
    }
    int marker = lines.indexOf("-- @applied-above");
    List<LintInput> inputs = new ArrayList<>();
    StringBuilder linted = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      boolean applied = marker >= 0 && k >= i && k < marker;
      linted.append(applied ? "" : lines.get(k)).append('\n');
    }
    if (marker >= 0) {
      inputs.add(
          LintInput.of("V1__context.sql", String.join("\n", lines.subList(i, marker)) + "\n")
              .asApplied());
    }
    LintInput input = LintInput.of(dialectDir + "/" + path.getFileName(), linted.toString());
    String tx = header.getOrDefault("tx", "auto");
    if (tx.equals("on")) {
      input = input.withTransaction(true);
    } else if (tx.equals("off")) {
      input = input.withTransaction(false);
    }
    if ("true".equals(header.get("down"))) {
      input = input.asDown();
    }
    inputs.add(input);
    return new LabelledCase(
        path,
        header.getOrDefault("case", path.getFileName().toString()),
        header.get("rule"),
        dialect,
        expected,
        sev,
        b.build(),
        inputs);
  }

  /** The unsuppressed findings as {@code rule@line}. */
  static Set<String> actual(LintReport report) {
    Set<String> out = new LinkedHashSet<>();
    for (Finding f : report.active()) {
      out.add(f.rule() + "@" + f.line());
    }
    return out;
  }
}
