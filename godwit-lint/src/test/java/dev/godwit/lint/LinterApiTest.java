package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public API: options, inputs, suppressions, robustness and the output formats. */
class LinterApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LintReport pg(String sql) {
    return Linter.lint("V2__x.sql", sql, LintOptions.defaults(SqlDialect.POSTGRES));
  }

  @Test
  void findingCarriesRuleSeverityPositionStatementMessageAndRecipe() {
    LintReport r = pg("SELECT 1;\n\n  CREATE INDEX users_email ON users (email);\n");
    assertThat(r.findings()).hasSize(1);
    Finding f = r.findings().get(0);
    assertThat(f.rule()).isEqualTo("create-index-non-concurrently");
    assertThat(f.severity()).isEqualTo(Severity.WARN);
    assertThat(f.file()).isEqualTo("V2__x.sql");
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.column()).isEqualTo(3);
    assertThat(f.statement()).isEqualTo("CREATE INDEX users_email ON users (email)");
    assertThat(f.message()).contains("SHARE lock on users");
    assertThat(f.recipe()).isNotEmpty().anyMatch(s -> s.contains("CONCURRENTLY"));
    assertThat(r.maxSeverity()).contains(Severity.WARN);
    assertThat(r.reaches(Severity.WARN)).isTrue();
    assertThat(r.reaches(Severity.ERROR)).isFalse();
    assertThat(r.files()).isEqualTo(1);
    assertThat(r.statements()).isEqualTo(2);
  }

  @Test
  void suppressionOnTheLineBeforeCarriesItsReasonAndStopsCounting() {
    LintReport r =
        pg(
            "-- context\nSELECT 1;\n-- godwit:allow create-index-non-concurrently table has 40 rows\n"
                + "CREATE INDEX a_b ON a (b);\nCREATE INDEX a_c ON a (c);\n");
    assertThat(r.findings()).hasSize(2);
    assertThat(r.findings().get(0).suppressed()).isTrue();
    assertThat(r.findings().get(0).suppressionReason()).isEqualTo("table has 40 rows");
    assertThat(r.findings().get(1).suppressed()).isFalse();
    assertThat(r.suppressedCount()).isEqualTo(1);
    assertThat(r.warnings()).isEqualTo(1);
  }

  @Test
  void suppressionAtTheTopCoversTheWholeFileAndBlockCommentsWork() {
    LintReport r =
        pg(
            "/* godwit:allow drop-table,drop-column retired in 3.0 */\n\nDROP TABLE a;\n"
                + "ALTER TABLE b DROP COLUMN c;\nDROP TABLE d;\n");
    assertThat(r.findings()).hasSize(3).allMatch(Finding::suppressed);
    assertThat(r.findings()).allMatch(f -> f.suppressionReason().equals("retired in 3.0"));
    assertThat(r.maxSeverity()).isEmpty();
  }

  @Test
  void suppressionWithoutReasonOrWithUnknownIdIsAWarningAndSuppressesNothing() {
    LintReport r =
        pg(
            "SELECT 1;\n-- godwit:allow drop-table\nDROP TABLE a;\n"
                + "-- godwit:allow drop-tabel typo in the id\nDROP TABLE b;\n");
    assertThat(r.findings())
        .extracting(Finding::rule, Finding::line, Finding::suppressed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("invalid-suppression", 2, false),
            org.assertj.core.groups.Tuple.tuple("drop-table", 3, false),
            org.assertj.core.groups.Tuple.tuple("invalid-suppression", 4, false),
            org.assertj.core.groups.Tuple.tuple("drop-table", 5, false));
  }

  @Test
  void unsplittableScriptYieldsNotAnalysedWithTheLineAndKeepsEarlierFindings() {
    LintReport r = pg("DROP TABLE a;\nSELECT 'unterminated;\nDROP TABLE b;\n");
    assertThat(r.findings())
        .extracting(Finding::rule)
        .containsExactly("drop-table", "not-analysed");
    Finding na = r.findings().get(1);
    assertThat(na.severity()).isEqualTo(Severity.INFO);
    assertThat(na.line()).isEqualTo(2);
  }

  @Test
  void unreadableFileIsNotAnalysedNotACrash() {
    LintInput broken =
        new LintInput(
            "V9__gone.sql",
            () -> {
              throw new IOException("disk on fire");
            },
            LintInput.TransactionMode.AUTO,
            false,
            false);
    LintReport r = Linter.lint(List.of(broken), LintOptions.defaults(SqlDialect.SQLITE));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("not-analysed");
              assertThat(f.message()).contains("disk on fire");
            });
  }

  @Test
  void neverCrashesOnMangledSqlInAnyDialect() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/cases"))) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    Random random = new Random(42);
    for (Path p : files) {
      String text = Files.readString(p);
      for (int i = 0; i < 5; i++) {
        int a = random.nextInt(text.length());
        int b = a + random.nextInt(Math.max(1, text.length() - a));
        String mangled = text.substring(0, a) + text.substring(b) + text.substring(a, b);
        for (SqlDialect d : Rules.dialects()) {
          LintReport r = Linter.lint("x.sql", mangled, LintOptions.defaults(d));
          assertThat(r.files()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void optionsEnableDisableOverrideAndTimeoutsSetByTool() {
    String sql = "ALTER TABLE a ADD COLUMN b int;\nCREATE INDEX a_b ON a (b);\n";
    LintOptions base = LintOptions.defaults(SqlDialect.POSTGRES);
    assertThat(Linter.lint("x.sql", sql, base).findings())
        .extracting(Finding::rule)
        .containsExactly("create-index-non-concurrently");
    LintOptions on =
        LintOptions.builder(SqlDialect.POSTGRES)
            .enable("missing-lock-timeout")
            .disable("create-index-non-concurrently")
            .build();
    assertThat(Linter.lint("x.sql", sql, on).findings())
        .extracting(Finding::rule)
        .containsExactly("missing-lock-timeout");
    LintOptions tool =
        LintOptions.builder(SqlDialect.POSTGRES)
            .enable("missing-lock-timeout")
            .timeoutsSetByTool(true)
            .severity("create-index-non-concurrently", Severity.ERROR)
            .build();
    assertThat(Linter.lint("x.sql", sql, tool).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    assertThatThrownBy(() -> LintOptions.builder(SqlDialect.MYSQL).disable("no-such-rule").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown lint rule 'no-such-rule'")
        .hasMessageContaining("drop-table");
  }

  @Test
  void sizeAwareRulesRelaxOnSmallTablesAndSayTheSizeButCompatibilityRulesDoNot() {
    LintOptions opts =
        LintOptions.builder(SqlDialect.POSTGRES)
            .tableSize("public.tiny", new TableSize("public", "tiny", 12, 8192))
            .build();
    LintReport r =
        Linter.lint(
            "x.sql",
            "CREATE INDEX t_a ON public.tiny (a);\nALTER TABLE tiny RENAME COLUMN a TO b;\n",
            opts);
    assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(r.findings().get(0).message()).contains("~12 rows, 8.0 kB").contains("threshold");
    assertThat(r.findings().get(1).rule()).isEqualTo("rename-column");
    assertThat(r.findings().get(1).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void earlierFilesGiveContextButOnlyLintedFilesAreReported() {
    LintInput v1 =
        LintInput.of("V1__init.sql", "CREATE TABLE t (id int, v varchar(10));\nDROP TABLE old;\n")
            .asApplied();
    LintInput v2 =
        LintInput.of("V2__widen.sql", "ALTER TABLE t ALTER COLUMN v TYPE varchar(20);\n");
    LintReport r = Linter.lint(List.of(v1, v2), LintOptions.defaults(SqlDialect.POSTGRES));
    assertThat(r.findings()).isEmpty();
    assertThat(r.files()).isEqualTo(1);
  }

  @Test
  void downFilesAreRecognisedByName() {
    assertThat(LintInput.looksLikeDown("db/U3__undo.sql")).isTrue();
    assertThat(LintInput.looksLikeDown("m/2020_x.down.sql")).isTrue();
    assertThat(LintInput.looksLikeDown("m/2020-01-01_x/down.sql")).isTrue();
    assertThat(LintInput.looksLikeDown("db/V3__up.sql")).isFalse();
    assertThat(LintInput.looksLikeDown("db/V3__shutdown.sql")).isFalse();
  }

  @Test
  void versionsParse() {
    assertThat(ServerVersion.parse("16")).isEqualTo(new ServerVersion(16, 0, 0));
    assertThat(ServerVersion.parse("8.0.29")).isEqualTo(new ServerVersion(8, 0, 29));
    assertThat(ServerVersion.parse("10.11.6-MariaDB-0+deb12u1"))
        .isEqualTo(new ServerVersion(10, 11, 6));
    assertThat(ServerVersion.parse("3.45")).hasToString("3.45");
    assertThat(ServerVersion.UNKNOWN.known()).isFalse();
    assertThatThrownBy(() -> ServerVersion.parse("latest"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonHasFindingsWithTheDocumentedFieldsAndASummary() throws IOException {
    LintReport r =
        pg(
            "-- godwit:allow drop-table \"quoted\" reason\nDROP TABLE a;\nSELECT 1;\n"
                + "ALTER TABLE b RENAME TO c;\n");
    JsonNode root = JSON.readTree(r.toJson());
    JsonNode findings = root.get("findings");
    assertThat(findings.size()).isEqualTo(2);
    JsonNode f = findings.get(1);
    for (String field :
        List.of(
            "rule",
            "severity",
            "file",
            "line",
            "column",
            "statement",
            "message",
            "recipe",
            "suppressed")) {
      assertThat(f.has(field)).as(field).isTrue();
    }
    assertThat(f.get("rule").asText()).isEqualTo("rename-table");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("line").asInt()).isEqualTo(4);
    assertThat(f.get("recipe").isArray()).isTrue();
    assertThat(findings.get(0).get("suppressionReason").asText()).isEqualTo("\"quoted\" reason");
    assertThat(root.get("summary").get("errors").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("maxSeverity").asText()).isEqualTo("error");
    assertThat(JSON.readTree(pg("SELECT 1;").toJson()).get("summary").get("maxSeverity").isNull())
        .isTrue();
  }

  @Test
  void sarifIsAVersion210LogWithRulesResultsLocationsAndSuppressions() throws IOException {
    LintReport r =
        Linter.lint(
            "db/my migrations/V2__x.sql",
            "-- godwit:allow drop-table gone\nDROP TABLE a;\nCREATE INDEX i ON t (c);\n",
            LintOptions.defaults(SqlDialect.POSTGRES));
    JsonNode root = JSON.readTree(Sarif.render(r, "0.1.0"));
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules.size()).isEqualTo(47);
    JsonNode results = run.get("results");
    assertThat(results.size()).isEqualTo(2);
    JsonNode suppressed = results.get(0);
    assertThat(suppressed.get("ruleId").asText()).isEqualTo("drop-table");
    assertThat(suppressed.get("suppressions").get(0).get("justification").asText())
        .isEqualTo("gone");
    JsonNode index = results.get(1);
    assertThat(index.get("level").asText()).isEqualTo("warning");
    assertThat(rules.get(index.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("create-index-non-concurrently");
    JsonNode loc = index.get("locations").get(0).get("physicalLocation");
    assertThat(loc.get("artifactLocation").get("uri").asText())
        .isEqualTo("db/my%20migrations/V2__x.sql");
    assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(3);
    assertThat(index.get("message").get("text").asText()).contains("Safe recipe: 1)");
  }

  @Test
  void textReportShowsPositionSeverityRuleStatementAndNumberedRecipe() {
    String text = TextReport.render(pg("SELECT 1;\nALTER TABLE users RENAME COLUMN a TO b;\n"));
    assertThat(text)
        .contains("V2__x.sql:2:1: error [rename-column]")
        .contains("  ALTER TABLE users RENAME COLUMN a TO b\n")
        .contains("  Safe recipe:\n    1. ")
        .endsWith("1 error, 0 warnings, 0 infos (0 suppressed) in 1 file, 2 statements\n");
  }
}
