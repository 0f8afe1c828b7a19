package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF output validates against the OASIS SARIF 2.1.0 JSON schema (vendored in {@code
 * src/test/resources/sarif}, see its README), and every rule carries its long description and
 * recipe.
 */
class SarifSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  private static LintReport report() {
    LintOptions options = LintOptions.builder(SqlDialect.POSTGRES).build();
    return Linter.lint(
        List.of(
            LintInput.of(
                "db/migration/V2__mixed ünïcode.sql",
                "-- godwit:allow drop-column not read since 4.2 (OPS-17)\n"
                    + "ALTER TABLE users DROP COLUMN legacy;\n"
                    + "CREATE INDEX users_email_idx ON users (email);\n"
                    + "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"
                    + "FROBNICATE everything;\n"
                    + "-- godwit:allow drop-table\n"
                    + "DROP TABLE old;\n")),
        options);
  }

  @Test
  void theOutputIsValidSarif210() {
    LintReport report = report();
    assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(5);
    List<Error> errors = schema.validate(Sarif.render(report, "0.1.0"), InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void theSchemaCatchesAnInvalidLog() {
    // The check can fail: a result whose level SARIF does not define is reported.
    String bad =
        Sarif.render(report(), "0.1.0").replace("\"level\": \"warning\"", "\"level\": \"loud\"");
    assertThat(schema.validate(bad, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void everyRuleHasItsLongDescriptionAndRecipe() throws IOException {
    JsonNode rules = JSON.readTree(Sarif.render(report(), "0.1.0")).at("/runs/0/tool/driver/rules");
    assertThat(rules).hasSize(Rules.all().size() + Rules.meta().size());
    for (JsonNode r : rules) {
      String id = r.get("id").asText();
      RuleDoc doc = Rules.explain(id).orElseThrow();
      assertThat(r.at("/fullDescription/text").asText()).as(id).isEqualTo(doc.description());
      assertThat(doc.description())
          .as(id)
          .hasSizeGreaterThan(r.at("/shortDescription/text").asText().length() / 2);
      assertThat(doc.recipe()).as(id + " recipe").isNotEmpty();
      assertThat(r.at("/help/text").asText())
          .as(id)
          .startsWith("Safe recipe: 1) " + doc.recipe().get(0));
      assertThat(r.at("/help/markdown").asText()).as(id).contains("1. " + doc.recipe().get(0));
    }
  }
}
