package dev.godwit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MariaDB is split with its family's rules: every script the MySQL tests split gives the same
 * statements, flags and failures under {@link SqlDialect#MARIADB}.
 */
class MariaDbSplitTest {
  private static final List<String> SCRIPTS =
      List.of(
          "SELECT `a``;b` FROM `t;`;SELECT 2",
          "SELECT 'it\\'s;', 'a''b;', \"say \\\"hi\\\";\", \"x\"\";\";SELECT 2",
          "# first\nSELECT 1 # one; really\n;SELECT 2",
          "SELECT 1--1;SELECT 2 -- c;\n;SELECT 3 --\n;SELECT 4 --",
          "/*!40101 SET NAMES utf8mb4 */;\n/*!40000 ALTER TABLE `t` DISABLE KEYS */;",
          "/*M!100100 SET x = 1 */",
          "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nSELECT 2;",
          "DELIMITER $$\nSELECT 1 AS x$$SELECT a$$",
          "BEGIN NOT ATOMIC\n  DECLARE x INT;\n  SET x = 1;\nEND;\nSELECT 1;",
          "CREATE PROCEDURE p()\nBEGIN\n  IF 1 THEN SELECT 1; END IF;\n  LOOP LEAVE; END LOOP;\n"
              + "END;\nSELECT 2;",
          "BEGIN;\nINSERT INTO t VALUES (1);\nREPLACE INTO t VALUES (2);\nCOMMIT;",
          "CREATE TABLE t (a INT);\nCREATE TEMPORARY TABLE u (a INT);\nLOCK TABLES t WRITE;",
          "SELECT $$a;\\b;",
          "SELECT X'41', N'a\\';b', _utf8mb4'c;d';SELECT 2");

  @Test
  void splitsAndFlagsEveryScriptLikeMySql() {
    for (String sql : SCRIPTS) {
      List<Statement> maria = Splits.split(SqlDialect.MARIADB, sql);
      assertThat(maria).as(sql).isEqualTo(Splits.split(SqlDialect.MYSQL, sql)).isNotEmpty();
    }
  }

  @Test
  void failsLikeMySql() {
    for (String sql :
        List.of(
            "SELECT 'abc\\';",
            "SELECT 1;\n /*!40101 SET x = 1;",
            "CREATE PROCEDURE p()\n" + "  BEGIN\n SELECT 1;\n")) {
      SqlSplitException maria = Splits.failure(SqlDialect.MARIADB, sql);
      SqlSplitException my = Splits.failure(SqlDialect.MYSQL, sql);
      assertThat(maria.getMessage()).isEqualTo(my.getMessage());
      assertThat(maria.problem()).isEqualTo(my.problem());
    }
  }

  @Test
  void keepsTheAnonymousBlockAndFlagsDdlAsImplicitCommit() {
    List<Statement> s =
        Splits.split(
            SqlDialect.MARIADB, "BEGIN NOT ATOMIC\n  SELECT 1;\nEND;\nALTER TABLE t ADD b INT;");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly("BEGIN NOT ATOMIC\n  SELECT 1;\nEND", "ALTER TABLE t ADD b INT");
    assertThat(s.get(0).flags()).doesNotContain(StatementFlag.TRANSACTION_CONTROL);
    assertThat(s.get(1).flags()).containsExactly(StatementFlag.IMPLICIT_COMMIT);
    assertThat(s.get(1).reason()).isEqualTo("ALTER");
  }
}
