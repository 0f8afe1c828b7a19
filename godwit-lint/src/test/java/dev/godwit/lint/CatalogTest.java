package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlDialect;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog matches the summary table of the rule catalog (§3) exactly, followed by the rules of
 * issue 15 (robustness, identifier length and the opt-in type rules, which the catalog's §4 had
 * left out), and every rule has its long description and recipe.
 */
class CatalogTest {

  /** id, dialects, severity, size-aware: copied from §3. */
  private static final List<String> SUMMARY =
      List.of(
          "create-index-non-concurrently|pg|warn|y",
          "drop-index-non-concurrently|pg|warn|n",
          "reindex-non-concurrently|pg|warn|y",
          "detach-partition-non-concurrently|pg|warn|n",
          "refresh-matview-non-concurrently|pg|warn|y",
          "add-column-volatile-default|all|error|y",
          "add-column-auto-increment|pg, my|error|y",
          "add-column-stored-generated|pg, my|error|y",
          "add-column-not-null-no-default|all|error|n",
          "set-not-null|pg|error|y",
          "add-check-constraint|pg, my|error|y",
          "add-foreign-key|pg, my|error|y",
          "validate-constraint-same-transaction|pg|error|y",
          "add-unique-constraint|pg|error|y",
          "add-primary-key|pg|error|y",
          "add-exclusion-constraint|pg|warn|y",
          "change-column-type|pg, my|error|y",
          "table-rewrite|pg|error|y",
          "explicit-lock-table|pg, my|warn|n",
          "statement-not-allowed-in-transaction|pg|error|n",
          "enum-value-add-in-transaction|pg|error|n",
          "backfill-in-ddl-transaction|pg|error|y",
          "unbalanced-transaction|pg, sl|error|n",
          "mysql-ddl-in-transaction|my|warn|n",
          "sqlite-foreign-keys-pragma-in-transaction|sl|error|n",
          "missing-lock-timeout|pg, my|warn|n",
          "missing-statement-timeout|pg|info|y",
          "rename-column|all|error|n",
          "rename-table|all|error|n",
          "drop-column|all|warn|n",
          "drop-table|all|warn|n",
          "drop-schema-or-database|pg, my|error|n",
          "drop-not-null|pg|info|n",
          "truncate-table|pg, my|warn|n",
          "down-migration-data-loss|all|warn|n",
          "unbatched-data-change|all|warn|y",
          "mysql-algorithm-copy|my|error|y",
          "mysql-lock-not-none|my|warn|y",
          // Issue 15: squawk's prefer-robust-stmts, identifier-too-long and its type rules.
          "non-idempotent-statement|all|warn|n",
          "identifier-too-long|pg, my|error|n",
          "prefer-bigint-over-int|pg, my|warn|n",
          "prefer-identity-over-serial|pg|warn|n",
          "prefer-text-over-varchar|pg|warn|n",
          "prefer-timestamptz|pg|warn|n",
          "ban-char-field|pg|warn|n");

  @Test
  void catalogHasTheSummaryTablesIdsDialectsSeveritiesAndSizeAwareness() {
    List<String> actual =
        Rules.all().stream()
            .map(
                r ->
                    r.id()
                        + "|"
                        + r.dialectsLabel()
                        + "|"
                        + r.defaultSeverity().label()
                        + "|"
                        + (r.sizeAware() ? "y" : "n"))
            .toList();
    assertThat(actual).containsExactlyElementsOf(SUMMARY);
  }

  @Test
  void onlyTheTimeoutAndTypeRulesAreOptIn() {
    assertThat(Rules.all().stream().filter(r -> !r.enabledByDefault()).map(RuleInfo::id))
        .containsExactlyInAnyOrder(
            "missing-lock-timeout",
            "missing-statement-timeout",
            "prefer-bigint-over-int",
            "prefer-identity-over-serial",
            "prefer-text-over-varchar",
            "prefer-timestamptz",
            "ban-char-field");
  }

  @Test
  void everyRuleAndMetaFindingIsExplainedWithARecipe() {
    for (RuleInfo r :
        java.util.stream.Stream.concat(Rules.all().stream(), Rules.meta().stream()).toList()) {
      RuleDoc doc = Rules.explain(r.id()).orElseThrow(() -> new AssertionError(r.id()));
      assertThat(doc.description()).as(r.id()).hasSizeGreaterThan(r.description().length() / 2);
      assertThat(doc.recipe()).as(r.id()).isNotEmpty().allMatch(step -> step.length() > 10);
    }
    assertThat(RuleDoc.all()).hasSize(Rules.all().size() + Rules.meta().size());
    assertThat(Rules.explain("nope")).isEmpty();
  }

  @Test
  void mysqlRulesApplyToMariadbToo() {
    for (RuleInfo r : Rules.all()) {
      assertThat(r.appliesTo(SqlDialect.MARIADB)).isEqualTo(r.appliesTo(SqlDialect.MYSQL));
    }
  }

  @Test
  void everyRuleHasADescriptionAndIdsAreUnique() {
    Map<String, Long> ids =
        Rules.all().stream().collect(Collectors.groupingBy(RuleInfo::id, Collectors.counting()));
    assertThat(ids.values()).allMatch(n -> n == 1);
    assertThat(Rules.all()).allMatch(r -> r.description().length() > 20);
    assertThat(Rules.find("not-analysed")).isPresent();
    assertThat(Rules.find("invalid-suppression")).isPresent();
    assertThat(Rules.find("nope")).isEmpty();
  }
}
