package dev.godwit.sql;

import static dev.godwit.sql.StatementFlag.IMPLICIT_COMMIT;
import static dev.godwit.sql.StatementFlag.NON_TRANSACTIONAL;
import static dev.godwit.sql.StatementFlag.TRANSACTION_CONTROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Statement#reason()}: why the splitter set a transaction flag. */
class ReasonsTest {
  private static Statement one(SqlDialect dialect, String sql) {
    return Splits.only(dialect, sql);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CREATE INDEX CONCURRENTLY i ON t (a)|CREATE INDEX CONCURRENTLY",
        "create unique index concurrently if not exists i on t (a)|CREATE INDEX CONCURRENTLY",
        "DROP INDEX CONCURRENTLY IF EXISTS i|DROP INDEX CONCURRENTLY",
        "REINDEX INDEX CONCURRENTLY i|REINDEX CONCURRENTLY",
        "REINDEX (VERBOSE, CONCURRENTLY) TABLE t|REINDEX CONCURRENTLY",
        "REINDEX SCHEMA CONCURRENTLY s|REINDEX CONCURRENTLY",
        "REINDEX SCHEMA s|REINDEX SCHEMA",
        "REINDEX DATABASE d|REINDEX DATABASE",
        "REINDEX SYSTEM d|REINDEX SYSTEM",
        "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY|"
            + "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
        "ALTER SYSTEM SET work_mem = '64MB'|ALTER SYSTEM",
        "CREATE DATABASE d|CREATE DATABASE",
        "DROP DATABASE IF EXISTS d|DROP DATABASE",
        "CREATE TABLESPACE s LOCATION '/x'|CREATE TABLESPACE",
        "DROP TABLESPACE s|DROP TABLESPACE",
        "CREATE SUBSCRIPTION s CONNECTION 'c' PUBLICATION p|CREATE SUBSCRIPTION",
        "DROP SUBSCRIPTION s|DROP SUBSCRIPTION",
        "vacuum (analyze) t|VACUUM",
        "DISCARD ALL|DISCARD ALL",
        "COMMIT PREPARED 'x'|COMMIT PREPARED",
        "ROLLBACK PREPARED 'x'|ROLLBACK PREPARED",
      })
  void namesWhyAPostgresStatementCannotRunInATransaction(String sql, String reason) {
    Statement s = one(SqlDialect.POSTGRES, sql);
    assertThat(s.flags()).containsExactly(NON_TRANSACTIONAL);
    assertThat(s.reason()).isEqualTo(reason);
  }

  @Test
  void namesAlterTypeAddValueOnlyBeforePostgres12() {
    String sql = "ALTER TYPE mood ADD VALUE 'ok'";
    SplitOptions pg11 = SplitOptions.of(SqlDialect.POSTGRES).withServerMajorVersion(11);
    assertThat(Splits.split(pg11, sql).get(0).reason())
        .isEqualTo("ALTER TYPE ... ADD VALUE before PostgreSQL 12");
    assertThat(one(SqlDialect.POSTGRES, sql).reason()).isEmpty();
  }

  @Test
  void findsDetachConcurrentlyPastTheLeadingWords() {
    String sql =
        "ALTER TABLE IF EXISTS ONLY public.measurement DETACH PARTITION"
            + " public.measurement_y2006m02_archived_before_the_move CONCURRENTLY";
    Statement s = one(SqlDialect.POSTGRES, sql);
    assertThat(s.flags()).containsExactly(NON_TRANSACTIONAL);
    assertThat(s.reason()).isEqualTo("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");
  }

  @Test
  void aColumnOrTableNamedConcurrentlyIsNoDetach() {
    for (String sql :
        List.of(
            "ALTER TABLE t RENAME COLUMN a TO concurrently",
            "ALTER TABLE t RENAME TO concurrently",
            "ALTER TABLE m DETACH PARTITION \"concurrently\"",
            "ALTER TABLE m DETACH PARTITION p FINALIZE")) {
      Statement s = one(SqlDialect.POSTGRES, sql);
      assertThat(s.flags()).as(sql).doesNotContain(NON_TRANSACTIONAL);
      assertThat(s.reason()).as(sql).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES|begin work|BEGIN",
        "POSTGRES|START TRANSACTION|START TRANSACTION",
        "POSTGRES|END|END",
        "POSTGRES|ABORT|ABORT",
        "POSTGRES|ROLLBACK TO SAVEPOINT s|ROLLBACK",
        "POSTGRES|PREPARE TRANSACTION 'x'|PREPARE TRANSACTION",
        "MYSQL|COMMIT WORK|COMMIT",
        "MARIADB|START TRANSACTION READ ONLY|START TRANSACTION",
        "SQLITE|END|END",
        "H2|ROLLBACK|ROLLBACK",
      })
  void namesTheTransactionControl(SqlDialect dialect, String sql, String reason) {
    Statement s = one(dialect, sql);
    assertThat(s.flags()).containsExactly(TRANSACTION_CONTROL);
    assertThat(s.reason()).isEqualTo(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CREATE TABLE t (a INT)|CREATE",
        "DROP TABLE t|DROP",
        "ALTER TABLE t ADD b INT|ALTER",
        "LOCK TABLE t WRITE|LOCK TABLES",
        "UNLOCK TABLES|UNLOCK TABLES",
        "OPTIMIZE NO_WRITE_TO_BINLOG TABLE t|OPTIMIZE",
        "LOAD INDEX INTO CACHE t|LOAD INDEX",
        "SET PASSWORD FOR u = 'x'|SET PASSWORD",
      })
  void namesWhatCommitsImplicitlyOnTheMySqlFamily(String sql, String reason) {
    for (SqlDialect d : List.of(SqlDialect.MYSQL, SqlDialect.MARIADB)) {
      Statement s = one(d, sql);
      assertThat(s.flags()).containsExactly(IMPLICIT_COMMIT);
      assertThat(s.reason()).isEqualTo(reason);
    }
  }

  @Test
  void namesVacuumAndTheForeignKeysPragmaOnSqlite() {
    assertThat(one(SqlDialect.SQLITE, "VACUUM").reason()).isEqualTo("VACUUM");
    assertThat(one(SqlDialect.SQLITE, "PRAGMA main.foreign_keys = ON").reason())
        .isEqualTo("PRAGMA foreign_keys");
  }

  @Test
  void aStatementHasAtMostOneTransactionFlagAndAReasonExactlyWhenItHasOne() {
    Set<StatementFlag> transactional =
        Set.of(NON_TRANSACTIONAL, TRANSACTION_CONTROL, IMPLICIT_COMMIT);
    List<String> statements =
        List.of(
            "BEGIN",
            "COMMIT",
            "COMMIT PREPARED 'x'",
            "ROLLBACK PREPARED 'x'",
            "END",
            "VACUUM",
            "CREATE TABLE t (a int)",
            "CREATE INDEX CONCURRENTLY i ON t (a)",
            "LOCK TABLES t READ",
            "START TRANSACTION",
            "INSERT INTO t VALUES (1)",
            "SELECT 1",
            "PRAGMA foreign_keys = 1",
            "DROP DATABASE d",
            "ALTER SYSTEM RESET ALL",
            "REINDEX SCHEMA s",
            "ABORT");
    for (SqlDialect d : SqlDialect.values()) {
      for (String sql : statements) {
        Statement s = one(d, sql);
        long n = s.flags().stream().filter(transactional::contains).count();
        assertThat(n).as("%s: %s", d, sql).isLessThanOrEqualTo(1);
        assertThat(s.reason().isEmpty()).as("%s: %s", d, sql).isEqualTo(n == 0);
      }
    }
  }

  @Test
  void commentOnlyAndPlainStatementsHaveNoReason() {
    assertThat(
            Stream.of("-- nothing", "SELECT 1", "INSERT INTO t VALUES (1)")
                .map(sql -> one(SqlDialect.POSTGRES, sql).reason()))
        .containsOnly("");
  }
}
