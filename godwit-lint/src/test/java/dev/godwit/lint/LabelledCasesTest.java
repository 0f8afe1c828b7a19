package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every labelled case and computes precision and recall over {@code rule@line} findings: a
 * finding that is expected is a true positive, an unexpected one a false positive, an expected one
 * that is missing a false negative. Fails below 0.97 for either figure, and when a rule lacks a
 * positive or a negative case. Writes the figures to {@code target/lint-figures.txt}.
 */
class LabelledCasesTest {
  private static final Path CASES = Paths.get("src/test/resources/cases");
  private static final double MIN = 0.97;

  @Test
  void precisionAndRecallAreAtLeast97Percent() throws IOException {
    List<LabelledCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CASES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        cases.add(LabelledCase.read(p));
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    Map<String, int[]> perRule = new TreeMap<>();
    Map<String, int[]> perDialect = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    Set<String> positives = new HashSet<>();
    Set<String> negatives = new HashSet<>();
    for (LabelledCase c : cases) {
      LintReport report = Linter.lint(c.inputs(), c.options());
      Set<String> actual = LabelledCase.actual(report);
      boolean ruleExpected = false;
      for (String e : c.expected()) {
        String rule = e.substring(0, e.indexOf('@'));
        ruleExpected |= rule.equals(c.rule());
        int[] r = perRule.computeIfAbsent(rule, k -> new int[3]);
        int[] d = perDialect.computeIfAbsent(c.dialect().label(), k -> new int[3]);
        if (actual.contains(e)) {
          tp++;
          r[0]++;
          d[0]++;
        } else {
          fn++;
          r[2]++;
          d[2]++;
          mismatches.add(c.path() + ": missing " + e);
        }
      }
      for (String a : actual) {
        if (!c.expected().contains(a)) {
          fp++;
          perRule.computeIfAbsent(a.substring(0, a.indexOf('@')), k -> new int[3])[1]++;
          perDialect.computeIfAbsent(c.dialect().label(), k -> new int[3])[1]++;
          mismatches.add(c.path() + ": unexpected " + a);
        }
      }
      for (Map.Entry<String, Severity> s : c.expectedSeverity().entrySet()) {
        for (Finding f : report.active()) {
          if (f.rule().equals(s.getKey()) && f.severity() != s.getValue()) {
            mismatches.add(
                c.path() + ": " + f.rule() + " is " + f.severity() + ", expected " + s.getValue());
            fp++;
          }
        }
      }
      (ruleExpected ? positives : negatives).add(c.rule());
    }
    double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "godwit-lint labelled cases: %d cases, %d expected findings%n"
                + "precision %.3f  recall %.3f  (TP %d, FP %d, FN %d)%n",
            cases.size(),
            tp + fn,
            precision,
            recall,
            tp,
            fp,
            fn));
    out.append(String.format(Locale.ROOT, "%nby dialect (TP/FP/FN):%n"));
    perDialect.forEach(
        (k, v) -> out.append(String.format(Locale.ROOT, "  %-8s %d/%d/%d%n", k, v[0], v[1], v[2])));
    out.append(String.format(Locale.ROOT, "%nby rule (TP/FP/FN):%n"));
    perRule.forEach(
        (k, v) ->
            out.append(String.format(Locale.ROOT, "  %-42s %d/%d/%d%n", k, v[0], v[1], v[2])));
    if (!mismatches.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%nmismatches:%n"));
      mismatches.forEach(m -> out.append("  ").append(m).append('\n'));
    }
    System.out.print(out);
    Files.createDirectories(Paths.get("target"));
    Files.writeString(Paths.get("target/lint-figures.txt"), out, StandardCharsets.UTF_8);

    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    List<String> ids = Rules.all().stream().map(RuleInfo::id).toList();
    assertThat(positives).as("rules with a positive case").containsAll(ids);
    assertThat(negatives).as("rules with a negative case").containsAll(ids);
    assertThat(precision).as("precision\n" + out).isGreaterThanOrEqualTo(MIN);
    assertThat(recall).as("recall\n" + out).isGreaterThanOrEqualTo(MIN);
  }
}
