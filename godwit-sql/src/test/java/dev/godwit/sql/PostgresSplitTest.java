package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresSplitTest {
  private static List<Statement> split(String sql) {
    return SqlSplitter.of(SqlDialect.POSTGRES).splitAll(sql, "test.sql");
  }

  private static List<String> texts(String sql) {
    return split(sql).stream().map(Statement::sql).toList();
  }

  @Test
  void splitsOnSemicolonsAndKeepsTextAsWritten() {
    assertThat(texts("SELECT 1;\n  select  2 ;\nSELECT 3"))
        .containsExactly("SELECT 1", "select  2", "SELECT 3");
  }

  @Test
  void reportsLineAndColumnOfFirstToken() {
    List<Statement> s = split("SELECT 1;\n\n   SELECT 2;");
    assertThat(s.get(1).line()).isEqualTo(3);
    assertThat(s.get(1).column()).isEqualTo(4);
  }

  @Test
  void splitsDollarQuotedBodyAsOneStatement() {
    String fn =
        "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql";
    assertThat(texts(fn + ";\nSELECT 1;")).containsExactly(fn, "SELECT 1");
  }

  @Test
  void failsOnUnterminatedStringAtItsOpening() {
    assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\n"))
        .isInstanceOfSatisfying(
            SqlSplitException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(SqlSplitException.Problem.UNTERMINATED_STRING);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(8);
            });
  }
}
