package dev.godwit.lint.rules;

import dev.godwit.sql.Token;

/** One action of an ALTER TABLE statement. */
sealed interface Action {

  record AddColumn(ColumnDef column, boolean ifNotExists) implements Action {}

  record DropColumn(String column) implements Action {}

  /** PostgreSQL {@code ALTER COLUMN c TYPE t [USING e]}. */
  record AlterType(String column, TypeRef type, boolean using) implements Action {}

  /** MySQL {@code MODIFY c def} ({@code from} equals the new name) or {@code CHANGE from c def}. */
  record Modify(String from, ColumnDef column, boolean change) implements Action {}

  record SetNotNull(String column) implements Action {}

  record DropNotNull(String column) implements Action {}

  record SetDefault(String column, java.util.List<Token> expr) implements Action {}

  record AddConstraint(ConstraintDef constraint) implements Action {}

  record ValidateConstraint(String name) implements Action {}

  /** DROP CONSTRAINT, and MySQL DROP INDEX/KEY/FOREIGN KEY/CHECK. */
  record DropConstraint(String name) implements Action {}

  /** MySQL DROP PRIMARY KEY. */
  record DropPrimaryKey() implements Action {}

  record RenameColumn(String from, String to) implements Action {}

  record RenameTable(Name to) implements Action {}

  /** RENAME CONSTRAINT, MySQL RENAME INDEX/KEY. */
  record RenameOther(String from, String to) implements Action {}

  /** SET TABLESPACE, SET LOGGED, SET UNLOGGED, SET ACCESS METHOD: {@code what} names it. */
  record Rewrite(String what) implements Action {}

  record DetachPartition(Name partition, boolean concurrently, boolean finish) implements Action {}

  record AttachPartition(Name partition) implements Action {}

  /** MySQL {@code ALGORITHM=x} or {@code LOCK=x}: {@code key} is algorithm or lock. */
  record MySqlOption(String key, String value) implements Action {}

  /** MySQL CONVERT TO CHARACTER SET. */
  record ConvertCharset(String charset) implements Action {}

  /** MySQL PARTITION BY, REMOVE PARTITIONING, REORGANIZE/COALESCE PARTITION. */
  record Partitioning(String what) implements Action {}

  /**
   * Anything else, with its PostgreSQL lock: SET STATISTICS, storage parameters, CLUSTER ON and the
   * like take SHARE UPDATE EXCLUSIVE; triggers SHARE ROW EXCLUSIVE; the rest ACCESS EXCLUSIVE.
   */
  record Other(String first, PgLock lock) implements Action {}
}
