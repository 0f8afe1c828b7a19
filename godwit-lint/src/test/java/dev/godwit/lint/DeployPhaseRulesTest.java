package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlDialect;
import org.junit.jupiter.api.Test;

/**
 * Contract steps and deploy phases: in a pre-deploy migration the recipe moves them to a
 * post-deploy one; in a post-deploy migration ({@code -- godwit:phase post}) drops are only info.
 * Statements under {@code -- godwit:batch} count as batched.
 */
class DeployPhaseRulesTest {
  private static final String POST = "-- godwit:phase post\n";

  private static Finding only(String sql, String rule) {
    LintReport r = Linter.lint("V2__x.sql", sql, LintOptions.defaults(SqlDialect.POSTGRES));
    return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElse(null);
  }

  @Test
  void dropsInAPreDeployMigrationAreToldToMoveToThePostDeployOne() {
    Finding column = only("ALTER TABLE users DROP COLUMN name;\n", "drop-column");
    assertThat(column.severity()).isEqualTo(Severity.WARN);
    assertThat(column.recipe().get(0)).contains("post-deploy migration of the same release");
    Finding table = only("DROP TABLE legacy;\n", "drop-table");
    assertThat(table.severity()).isEqualTo(Severity.WARN);
    assertThat(table.recipe().get(0)).contains("-- godwit:phase post");
  }

  @Test
  void dropsInAPostDeployMigrationAreInfo() {
    Finding column = only(POST + "ALTER TABLE users DROP COLUMN name;\n", "drop-column");
    assertThat(column.severity()).isEqualTo(Severity.INFO);
    assertThat(column.message()).startsWith("Post-deploy migration");
    assertThat(column.recipe()).noneMatch(s -> s.contains("same release"));
    assertThat(only(POST + "DROP TABLE legacy;\n", "drop-table").severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void renamesInAPreDeployMigrationGetTheRecipeAndKeepTheirSeverity() {
    Finding column = only("ALTER TABLE users RENAME COLUMN name TO full_name;\n", "rename-column");
    assertThat(column.severity()).isEqualTo(Severity.ERROR);
    assertThat(column.recipe().get(0)).contains("post-deploy migration");
    Finding table = only("ALTER TABLE users RENAME TO people;\n", "rename-table");
    assertThat(table.recipe().get(0)).contains("post-deploy migration");
    assertThat(only(POST + "ALTER TABLE users RENAME TO people;\n", "rename-table").recipe().get(0))
        .doesNotContain("same release");
  }

  @Test
  void setNotNullOnAColumnTheMigrationAddsBreaksTheOldCodeOnlyBeforeTheDeploy() {
    String sql =
        "ALTER TABLE users ADD COLUMN email TEXT;\n"
            + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";
    Finding pre = only(sql, "set-not-null");
    assertThat(pre.severity()).isEqualTo(Severity.WARN);
    assertThat(pre.message()).contains("old code").contains("INSERTs into users fail");
    assertThat(pre.recipe().get(0)).contains("post-deploy migration");
    assertThat(only(POST + sql, "set-not-null")).isNull();
  }

  @Test
  void aBatchedBackfillIsNotAnUnbatchedDataChange() {
    Finding plain =
        only(
            "UPDATE users SET full_name = name WHERE full_name IS NULL;\n",
            "unbatched-data-change");
    assertThat(plain).isNotNull();
    assertThat(plain.recipe().get(0)).contains("-- godwit:batch rows=5000 pause=50ms");
    assertThat(
            only(
                "-- godwit:batch rows=5000\nUPDATE users SET full_name = name WHERE full_name IS"
                    + " NULL;\n",
                "unbatched-data-change"))
        .isNull();
  }
}
