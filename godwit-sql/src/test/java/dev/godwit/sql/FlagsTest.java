package dev.godwit.sql;

import static dev.godwit.sql.StatementFlag.COPY_FROM_STDIN;
import static dev.godwit.sql.StatementFlag.IMPLICIT_COMMIT;
import static dev.godwit.sql.StatementFlag.NON_TRANSACTIONAL;
import static dev.godwit.sql.StatementFlag.PLAIN_DML;
import static dev.godwit.sql.StatementFlag.TRANSACTION_CONTROL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlagsTest {
  private static Set<StatementFlag> flags(SplitOptions options, String sql) {
    return Splits.split(options, sql).get(0).flags();
  }

  private static Set<StatementFlag> flags(SqlDialect dialect, String sql) {
    return flags(SplitOptions.of(dialect), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE DATABASE d",
        "drop database if exists d",
        "CREATE TABLESPACE s LOCATION '/x'",
        "DROP TABLESPACE s",
        "CREATE SUBSCRIPTION s CONNECTION 'c' PUBLICATION p",
        "DROP SUBSCRIPTION s",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "CREATE INDEX CONCURRENTLY i ON t (a)",
        "create unique index concurrently if not exists i on t (a)",
        "DROP INDEX CONCURRENTLY i",
        "REINDEX INDEX CONCURRENTLY i",
        "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
        "REINDEX (CONCURRENTLY) INDEX i",
        "REINDEX (VERBOSE, CONCURRENTLY) TABLE t",
        "ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY",
        "REINDEX SCHEMA s",
        "REINDEX DATABASE d",
        "REINDEX SYSTEM d",
        "VACUUM",
        "vacuum (analyze) t",
        "DISCARD ALL",
        "COMMIT PREPARED 'x'",
      })
  void flagsPostgresStatementsThatCannotRunInATransaction(String sql) {
    assertThat(flags(SqlDialect.POSTGRES, sql)).containsExactly(NON_TRANSACTIONAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX i ON t (a)",
        "REINDEX TABLE t",
        "DISCARD PLANS",
        "CREATE TABLE concurrently (a int)",
        "SELECT 'VACUUM'",
        "ALTER TYPE mood ADD VALUE 'ok'",
        "ANALYZE t",
        "REINDEX (VERBOSE) TABLE t",
        "ALTER TABLE measurements DETACH PARTITION measurements_2020",
        "ALTER TABLE t ADD COLUMN concurrently int",
      })
  void doesNotFlagTransactionalPostgresStatements(String sql) {
    assertThat(flags(SqlDialect.POSTGRES, sql)).doesNotContain(NON_TRANSACTIONAL);
  }

  @ParameterizedTest
  @CsvSource({"0,false", "9,true", "11,true", "12,false", "17,false"})
  void flagsAlterTypeAddValueOnlyBeforePostgres12(int version, boolean flagged) {
    SplitOptions options = SplitOptions.of(SqlDialect.POSTGRES).withServerMajorVersion(version);
    assertThat(
            flags(options, "ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad'")
                .contains(NON_TRANSACTIONAL))
        .isEqualTo(flagged);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES|BEGIN",
        "POSTGRES|begin work",
        "POSTGRES|BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "POSTGRES|START TRANSACTION",
        "POSTGRES|COMMIT",
        "POSTGRES|END",
        "POSTGRES|ABORT",
        "POSTGRES|ROLLBACK",
        "POSTGRES|ROLLBACK TO SAVEPOINT s",
        "POSTGRES|PREPARE TRANSACTION 'x'",
        "MYSQL|BEGIN",
        "MYSQL|START TRANSACTION READ ONLY",
        "MYSQL|COMMIT WORK",
        "MYSQL|ROLLBACK",
        "SQLITE|BEGIN DEFERRED TRANSACTION",
        "SQLITE|END",
        "SQLITE|COMMIT",
        "H2|COMMIT",
        "H2|ROLLBACK",
      })
  void flagsTransactionControl(SqlDialect dialect, String sql) {
    assertThat(flags(dialect, sql)).containsExactly(TRANSACTION_CONTROL);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES|SAVEPOINT s",
        "POSTGRES|RELEASE SAVEPOINT s",
        "MYSQL|END",
        "POSTGRES|PREPARE p AS SELECT 1",
        "POSTGRES|SELECT begin FROM t",
      })
  void doesNotFlagOtherStatementsAsTransactionControl(SqlDialect dialect, String sql) {
    assertThat(flags(dialect, sql)).doesNotContain(TRANSACTION_CONTROL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t (a INT)",
        "CREATE OR REPLACE VIEW v AS SELECT 1",
        "ALTER TABLE t ADD COLUMN b INT",
        "DROP TABLE t",
        "RENAME TABLE a TO b",
        "TRUNCATE TABLE t",
        "CREATE INDEX i ON t (a)",
        "CREATE USER 'u'@'%' IDENTIFIED BY 'p'",
        "CREATE DATABASE d",
        "DROP SCHEMA s",
        "GRANT SELECT ON t TO u",
        "REVOKE SELECT ON t FROM u",
        "LOCK TABLES t WRITE",
        "UNLOCK TABLES",
        "ANALYZE TABLE t",
        "OPTIMIZE NO_WRITE_TO_BINLOG TABLE t",
        "REPAIR TABLE t",
        "FLUSH PRIVILEGES",
        "SET PASSWORD FOR u = 'x'",
        "/*!40000 ALTER TABLE t DISABLE KEYS */",
      })
  void flagsMySqlStatementsThatCommitImplicitly(String sql) {
    assertThat(flags(SqlDialect.MYSQL, sql)).containsExactly(IMPLICIT_COMMIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TEMPORARY TABLE t (a INT)",
        "DROP TEMPORARY TABLE IF EXISTS t",
        "SELECT 1",
        "SET @a = 1",
        "SAVEPOINT s",
      })
  void doesNotFlagMySqlStatementsWithoutImplicitCommit(String sql) {
    assertThat(flags(SqlDialect.MYSQL, sql)).doesNotContain(IMPLICIT_COMMIT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CREATE TABLE t (a int)", "GRANT SELECT ON t TO u", "LOCK TABLE t"})
  void flagsImplicitCommitOnlyForMySql(String sql) {
    for (SqlDialect d : SqlDialect.values()) {
      if (d.family() == SqlDialect.MYSQL) {
        assertThat(flags(d, sql)).containsExactly(IMPLICIT_COMMIT);
      } else {
        assertThat(flags(d, sql)).doesNotContain(IMPLICIT_COMMIT);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES|INSERT INTO t VALUES (1)",
        "POSTGRES|insert into t select * from u where x in (select a from b returning_t)",
        "POSTGRES|UPDATE t SET a = 1",
        "POSTGRES|DELETE FROM t WHERE a IN (SELECT 1)",
        "POSTGRES|INSERT INTO t VALUES ('RETURNING')",
        "POSTGRES|INSERT INTO t SELECT * FROM (DELETE FROM u RETURNING *) x",
        "MYSQL|REPLACE INTO t VALUES (1)",
        "MYSQL|INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 2",
        "SQLITE|INSERT OR REPLACE INTO t VALUES (1)",
        "H2|INSERT INTO t VALUES (1)",
      })
  void flagsPlainDml(SqlDialect dialect, String sql) {
    assertThat(flags(dialect, sql)).containsExactly(PLAIN_DML);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POSTGRES|INSERT INTO t VALUES (1) RETURNING id",
        "POSTGRES|UPDATE t SET a = 1 returning *",
        "POSTGRES|WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "POSTGRES|SELECT 1",
        "POSTGRES|MERGE INTO t USING u ON true WHEN MATCHED THEN DELETE",
        "POSTGRES|REPLACE INTO t VALUES (1)",
        "SQLITE|REPLACE INTO t VALUES (1)",
        "SQLITE|DELETE FROM t RETURNING *",
      })
  void doesNotFlagDmlWithResultsOrUnclearShape(SqlDialect dialect, String sql) {
    assertThat(flags(dialect, sql)).doesNotContain(PLAIN_DML);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA foreign_keys = ON",
        "pragma foreign_keys=off",
        "PRAGMA main.foreign_keys = ON",
        "VACUUM"
      })
  void flagsSqliteStatementsThatAreNoOpsInATransaction(String sql) {
    assertThat(flags(SqlDialect.SQLITE, sql)).containsExactly(NON_TRANSACTIONAL);
    assertThat(flags(SqlDialect.SQLITE, "PRAGMA journal_mode = WAL")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"COPY t FROM STDIN", "copy s.t (a, \"b\") from stdin with (format csv)"})
  void flagsCopyFromStdin(String sql) {
    assertThat(flags(SqlDialect.POSTGRES, sql + ";\n\\.\n")).containsExactly(COPY_FROM_STDIN);
  }
}
