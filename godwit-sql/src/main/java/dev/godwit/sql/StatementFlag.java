package dev.godwit.sql;

/**
 * Facts about a statement that decide how the core runs it. For the first three, {@link
 * Statement#reason()} says which SQL decided it.
 */
public enum StatementFlag {
  /**
   * Cannot run inside a transaction block (PostgreSQL CREATE INDEX CONCURRENTLY, VACUUM...; SQLite
   * VACUUM and PRAGMA foreign_keys). The splitter is the one place that lists these statements.
   */
  NON_TRANSACTIONAL,
  /** Commits the current transaction by itself (MySQL/MariaDB DDL). */
  IMPLICIT_COMMIT,
  /** Transaction control written in the script: BEGIN, START TRANSACTION, COMMIT, ROLLBACK. */
  TRANSACTION_CONTROL,
  /** Holds nothing but whitespace and comments; never sent to the database. */
  COMMENT_ONLY,
  /** Plain INSERT, UPDATE or DELETE without RETURNING: may be sent in a JDBC batch. */
  PLAIN_DML,
  /** PostgreSQL {@code COPY ... FROM STDIN}: {@link Statement#copyData()} holds the rows. */
  COPY_FROM_STDIN
}
