package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.List;

/** What a statement is, as far as the rules care. Unrecognised statements are {@link Other}. */
sealed interface Parsed {

  record AlterTable(Name table, boolean ifExists, List<Action> actions) implements Parsed {}

  record CreateTable(
      Name table,
      boolean temporary,
      boolean partitioned,
      Name partitionOf,
      List<ColumnDef> columns,
      List<ConstraintDef> constraints,
      boolean asSelect)
      implements Parsed {}

  /**
   * CREATE INDEX on any dialect.
   *
   * @param kind MySQL FULLTEXT or SPATIAL, else null
   * @param algorithm MySQL ALGORITHM value or null
   * @param lock MySQL LOCK value or null
   */
  record CreateIndex(
      Name index,
      Name table,
      boolean unique,
      boolean concurrently,
      boolean only,
      String kind,
      List<String> columns,
      String algorithm,
      String lock)
      implements Parsed {}

  /** DROP INDEX; {@code table} is MySQL's {@code ON t}. */
  record DropIndex(
      List<Name> indexes, boolean concurrently, Name table, String algorithm, String lock)
      implements Parsed {}

  /** REINDEX; {@code kind} is index, table, schema, database or system. */
  record Reindex(String kind, Name target, boolean concurrently) implements Parsed {}

  record RefreshMatview(Name view, boolean concurrently) implements Parsed {}

  record DropTable(List<Name> tables, boolean cascade) implements Parsed {}

  /** DROP SCHEMA or DROP DATABASE; {@code kind} says which. */
  record DropSchema(String kind, List<Name> names, boolean cascade) implements Parsed {}

  record Truncate(List<Name> tables, boolean cascade) implements Parsed {}

  /** MySQL RENAME TABLE a TO b, c TO d. */
  record RenameTables(List<Name> from, List<Name> to) implements Parsed {}

  /** PostgreSQL LOCK TABLE (mode as written, upper case) or MySQL LOCK TABLES (READ/WRITE). */
  record LockTable(List<Name> tables, String mode, PgLock pgLock) implements Parsed {}

  record Vacuum(boolean full, List<Name> tables) implements Parsed {}

  /** CLUSTER; {@code table} null means every previously clustered table. */
  record Cluster(Name table) implements Parsed {}

  /**
   * SET name = value[, ...]: names and values in lower case, values unquoted; {@code local} for SET
   * LOCAL.
   */
  record SetVar(java.util.Map<String, String> values, boolean local) implements Parsed {}

  /** Transaction control; {@code kind} is begin, commit or rollback. */
  record TxControl(String kind) implements Parsed {}

  record AlterTypeAddValue(Name type, String label) implements Parsed {}

  record CreateEnum(Name type, List<String> labels) implements Parsed {}

  record CreateDomain(Name domain, boolean constrained) implements Parsed {}

  /**
   * UPDATE, DELETE or INSERT.
   *
   * @param kind update, delete, insert_select or insert_values
   * @param where the WHERE clause's tokens, null when there is none
   * @param bounded LIMIT, or another bound that makes it one batch
   * @param sources tables read by INSERT ... SELECT
   */
  record Dml(String kind, Name table, List<Token> where, boolean bounded, List<Name> sources)
      implements Parsed {}

  /** SQLite PRAGMA name [= value]; value null when only read. */
  record Pragma(String name, String value) implements Parsed {}

  /** CREATE VIEW; {@code selectStarFrom} is the table of a plain {@code SELECT * FROM t}. */
  record CreateView(Name view, boolean materialized, Name selectStarFrom) implements Parsed {}

  record CreateSchema(Name schema) implements Parsed {}

  record CreateTrigger(Name table) implements Parsed {}

  /** A statement no rule needs to understand. {@code verb} is its first word. */
  record Other(String verb) implements Parsed {}

  /** The statement could not be understood; {@code why} says what was unexpected. */
  record Unparsed(String why) implements Parsed {}
}
