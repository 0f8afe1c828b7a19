package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code godwit lint --rules} and {@code --explain RULE}: the catalog and one rule's long form, in
 * text and JSON, without a configuration or a database.
 */
class LintRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun godwit(String... args) {
    // A url that cannot be reached: the catalog must not need it.
    return CliRun.run(
        Map.of("GODWIT_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1"), args);
  }

  @Test
  void rulesListsEveryRuleWithDialectsSeverityAndWhetherItIsOn() {
    CliRun run = godwit("lint", "--rules");
    assertThat(run.exit()).isZero();
    List<String> lines = run.out().lines().toList();
    for (RuleInfo r : Rules.all()) {
      String line =
          lines.stream().filter(l -> l.startsWith(r.id() + " ")).findFirst().orElseThrow();
      assertThat(line)
          .contains(" " + r.dialectsLabel() + " ")
          .contains(" " + r.defaultSeverity().label() + " ")
          .contains(r.enabledByDefault() ? " on " : " off ")
          .endsWith(r.description());
    }
    assertThat(run.out()).contains("prefer-timestamptz").contains("invalid-suppression");
  }

  @Test
  void rulesAsJson() throws Exception {
    CliRun run = godwit("lint", "--rules", "--json");
    assertThat(run.exit()).isZero();
    JsonNode rules = JSON.readTree(run.out());
    assertThat(rules.size()).isEqualTo(Rules.all().size() + Rules.meta().size());
    List<String> off = new ArrayList<>();
    for (JsonNode r : rules) {
      if (!r.get("enabledByDefault").asBoolean()) {
        off.add(r.get("id").asText());
      }
    }
    assertThat(off).contains("ban-char-field", "missing-lock-timeout").doesNotContain("drop-table");
    JsonNode first = rules.get(0);
    assertThat(first.get("id").asText()).isEqualTo("create-index-non-concurrently");
    assertThat(first.get("dialects").asText()).isEqualTo("pg");
    assertThat(first.get("defaultSeverity").asText()).isEqualTo("warn");
    assertThat(first.get("sizeAware").asBoolean()).isTrue();
  }

  @Test
  void explainPrintsTheLongDescriptionAndTheRecipe() throws Exception {
    CliRun run = godwit("lint", "--explain", "non-idempotent-statement");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("non-idempotent-statement\n  dialects: all; default: warn")
        .contains("--resume")
        .contains("Safe recipe:\n  1. Write the IF form");
    CliRun json = godwit("lint", "--explain", "prefer-bigint-over-int", "--json");
    assertThat(json.exit()).isZero();
    JsonNode doc = JSON.readTree(json.out());
    assertThat(doc.get("enabledByDefault").asBoolean()).isFalse();
    assertThat(doc.get("longDescription").asText()).contains("2,147,483,647");
    assertThat(doc.get("recipe").size()).isEqualTo(2);
  }

  @Test
  void anUnknownRuleIsAUsageErrorWithASuggestion() {
    CliRun typo = godwit("lint", "--explain", "drop-tabel");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err())
        .contains("unknown rule 'drop-tabel'")
        .contains("did you mean 'drop-table'");
    CliRun fragment = godwit("lint", "--explain", "reindex");
    assertThat(fragment.exit()).isEqualTo(2);
    assertThat(fragment.err()).contains("did you mean 'reindex-non-concurrently'");
    assertThat(godwit("lint", "--rules", "--explain", "drop-table").exit()).isEqualTo(2);
    assertThat(godwit("migrate", "--rules").err()).contains("--rules is an option of: lint");
  }
}
