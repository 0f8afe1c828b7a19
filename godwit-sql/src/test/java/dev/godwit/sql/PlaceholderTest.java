package dev.godwit.sql;

import static dev.godwit.sql.Splits.failure;
import static dev.godwit.sql.Splits.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlSplitException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderTest {
  private static final Map<String, String> VALUES =
      Map.of("schema", "app", "multi", "line1\nline2", "semi", "a;b", "Owner", "bob");

  private static SplitOptions options(SqlDialect dialect, boolean codeOnly) {
    return new SplitOptions(dialect, 0, VALUES::get, "${", "}", codeOnly);
  }

  private static List<String> texts(SplitOptions options, String sql) {
    return split(options, sql).stream().map(Statement::sql).toList();
  }

  @Test
  void replacesEverywhereLikeFlyway() {
    assertThat(
            texts(
                options(SqlDialect.POSTGRES, false),
                "CREATE TABLE ${schema}.t (a text DEFAULT '${schema}') -- in ${schema}\n;"))
        .containsExactly("CREATE TABLE app.t (a text DEFAULT 'app') -- in app");
  }

  @Test
  void replacesOnlyInCodeAndQuotedIdentifiersWhenAsked() {
    assertThat(
            texts(
                options(SqlDialect.POSTGRES, true),
                "SELECT '${x}', \"${schema}\".t FROM ${schema}.u /* ${y} */;"))
        .containsExactly("SELECT '${x}', \"app\".t FROM app.u /* ${y} */");
  }

  @Test
  void keepsUndefinedPlaceholdersInDollarBodies() {
    assertThat(
            texts(
                options(SqlDialect.POSTGRES, true),
                "DO $$ BEGIN RAISE NOTICE '${undefined} ${schema}'; END $$;"))
        .containsExactly("DO $$ BEGIN RAISE NOTICE '${undefined} app'; END $$");
  }

  @Test
  void failsOnUndefinedPlaceholderWithItsPosition() {
    SqlSplitException e =
        failure(options(SqlDialect.POSTGRES, false), "SELECT 1;\nSELECT ${nope};");
    assertThat(e.problem()).isEqualTo(Problem.UNDEFINED_PLACEHOLDER);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.getMessage())
        .contains("${nope}", "define it in placeholders, or set placeholderReplacement=false");
    SqlSplitException inString = failure(options(SqlDialect.MYSQL, false), "SELECT 'x ${nope}';");
    assertThat(inString.column()).isEqualTo(11);
  }

  @Test
  void keepsLinesAndColumnsOfTheOriginalText() {
    List<Statement> s =
        split(options(SqlDialect.POSTGRES, false), "SELECT '${multi}';\n  SELECT ${semi};");
    assertThat(s).extracting(Statement::sql).containsExactly("SELECT 'line1\nline2'", "SELECT a;b");
    assertThat(s.get(1).line()).isEqualTo(2);
    assertThat(s.get(1).column()).isEqualTo(3);
  }

  @Test
  void passesNamesAsWrittenAndSupportsCustomMarkers() {
    List<String> asked = new ArrayList<>();
    SplitOptions o =
        new SplitOptions(
            SqlDialect.MYSQL,
            0,
            n -> {
              asked.add(n);
              return "v";
            },
            "%%",
            "%%",
            false);
    assertThat(texts(o, "SELECT %%Owner%%, %%OWNER%% FROM t"))
        .containsExactly("SELECT v, v FROM t");
    // Splits runs each script four times (normal and tiny windows).
    assertThat(asked.subList(0, 2)).containsExactly("Owner", "OWNER");
  }

  @Test
  void leavesTextWithoutSuffixAlone() {
    assertThat(texts(options(SqlDialect.MYSQL, false), "SELECT '${schema' , ${ x\n;"))
        .containsExactly("SELECT '${schema' , ${ x");
  }

  @Test
  void leavesLeadingCommentsVerbatimAndUnchecked() {
    Statement s = split(options(SqlDialect.POSTGRES, false), "-- uses ${nope}\nSELECT 1;").get(0);
    assertThat(s.leadingComments()).isEqualTo("-- uses ${nope}");
  }

  @Test
  void replacesNothingWithoutResolver() {
    assertThat(split(SplitOptions.of(SqlDialect.MYSQL), "SELECT ${x};").get(0).sql())
        .isEqualTo("SELECT ${x}");
  }
}
