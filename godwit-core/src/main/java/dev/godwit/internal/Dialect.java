package dev.godwit.internal;

import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What differs between databases. One implementation per database family. */
interface Dialect {
  /** The implementation for a dialect of godwit-sql's vocabulary. */
  static Dialect of(SqlDialect d) {
    return switch (d) {
      case POSTGRES -> new PostgresDialect();
      case H2 -> new H2Dialect();
      case SQLITE -> new SqliteDialect();
      case MYSQL, MARIADB -> new MySqlDialect(d);
    };
  }

  /** A name for messages, e.g. "PostgreSQL". */
  String name();

  /** The splitter's lexical rules. */
  SqlDialect sqlDialect();

  /** Whether DDL rolls back with the transaction (PostgreSQL, SQLite; not H2 or MySQL). */
  boolean supportsTransactionalDdl();

  /** The connection's current schema. */
  String currentSchema(Connection c) throws SQLException;

  /** The database (catalog) name, for the {@code database} placeholder. */
  String databaseName(Connection c) throws SQLException;

  /** The user recorded in installed_by when the setting is unset. */
  String currentUser(Connection c) throws SQLException;

  /**
   * What a session reads when it opens: the current schema, user and database, and whether the
   * history schema, the history table and Flyway's history table exist. Over a network every round
   * trip counts against a command's time, so dialects answer this in one query where they can; this
   * default asks each question separately.
   *
   * @param schema the history schema, or null for the connection's current schema
   */
  default SessionProbe probe(Connection c, String schema, String table, String flywayTable)
      throws SQLException {
    String current = currentSchema(c);
    String s = schema != null ? schema : current;
    boolean schemaExists = schemaExists(c, s);
    boolean tableExists = schemaExists && tableExists(c, s, table);
    boolean flywayExists = schemaExists && !tableExists && tableExists(c, s, flywayTable);
    return new SessionProbe(
        current, currentUser(c), databaseName(c), schemaExists, tableExists, flywayExists);
  }

  /**
   * Runs a one-query probe: {@code sql} takes the history table, Flyway's table and the history
   * schema (null for the current one) as parameters, and returns one row of the current schema,
   * user and database and the three existence flags, in the order of {@link SessionProbe}.
   */
  static SessionProbe probeWith(
      Connection c, String sql, String schema, String table, String flywayTable)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      ps.setString(2, flywayTable);
      ps.setString(3, schema);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new SessionProbe(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getBoolean(4),
            rs.getBoolean(5),
            rs.getBoolean(6));
      }
    }
  }

  /**
   * The answers of {@link #probe}. {@code flywayTableExists} is only meaningful when {@code
   * tableExists} is false.
   */
  record SessionProbe(
      String currentSchema,
      String user,
      String database,
      boolean schemaExists,
      boolean tableExists,
      boolean flywayTableExists) {}

  /** Quotes an identifier exactly as given (no case folding). */
  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Whether the schema exists; the standard information schema answers on most databases. */
  default boolean schemaExists(Connection c, String schema) throws SQLException {
    return Jdbc.exists(
        c, "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?", schema);
  }

  /** Creates the schema. */
  void createSchema(Connection c, String schema) throws SQLException;

  /** Makes {@code schema} the default for unqualified names on this connection. */
  void useSchema(Connection c, String schema) throws SQLException;

  /** Whether the table exists in the schema, by the standard information schema. */
  default boolean tableExists(Connection c, String schema, String table) throws SQLException {
    return Jdbc.exists(
        c,
        "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
        schema,
        table);
  }

  /**
   * Whether the catalog holds the table, column or index, for telling whether an interrupted
   * statement was applied; null when this database cannot say. Unquoted names come in lower case
   * (as the tokenizer reads them): compared without case except where quoting keeps it
   * (PostgreSQL). Indexes are the dialects' own; this default knows tables and columns.
   *
   * @param schema the schema to look in: the statement's, else the connection's current one
   */
  default Boolean catalogHas(Connection c, String schema, CatalogObject o) throws SQLException {
    String cmp = caseSensitiveNames() ? "%s = ?" : "LOWER(%s) = LOWER(?)";
    return switch (o.kind()) {
      case TABLE ->
          Jdbc.exists(
              c,
              "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE "
                  + String.format(java.util.Locale.ROOT, cmp, "TABLE_SCHEMA")
                  + " AND "
                  + String.format(java.util.Locale.ROOT, cmp, "TABLE_NAME"),
              schema,
              o.name());
      case COLUMN ->
          Jdbc.exists(
              c,
              "SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                  + String.format(java.util.Locale.ROOT, cmp, "TABLE_SCHEMA")
                  + " AND "
                  + String.format(java.util.Locale.ROOT, cmp, "TABLE_NAME")
                  + " AND "
                  + String.format(java.util.Locale.ROOT, cmp, "COLUMN_NAME"),
              schema,
              o.table(),
              o.name());
      case INDEX -> null;
    };
  }

  /** Whether the catalog keeps names exactly as the tokenizer reads them (PostgreSQL). */
  default boolean caseSensitiveNames() {
    return false;
  }

  /** Whether the schema holds no table, view, sequence or routine. */
  boolean schemaIsEmpty(Connection c, String schema) throws SQLException;

  /** The DDL that creates the history table, with the same layout Flyway uses. */
  List<String> createHistoryTable(String schema, String table);

  /** Extra clause for the history read (H2 skips its marker row). */
  default String historyFilter() {
    return "";
  }

  /** Rows to insert right after creating the table (H2's lock marker). */
  default List<String> afterCreateHistoryTable(String schema, String table) {
    return List.of();
  }

  /** The literal for a boolean in SQL. */
  default String booleanLiteral(boolean b) {
    return b ? "TRUE" : "FALSE";
  }

  /**
   * Takes the migration lock, waiting at most {@code wait}.
   *
   * @param connections opens extra connections when the lock needs its own
   * @param main the connection that migrations run on
   */
  MigrationLock lock(
      Connections connections, Connection main, String schema, String table, Duration wait)
      throws SQLException;

  /**
   * How the database bounds a migration's lock waits (lockTimeout, lockRetries), or null where it
   * has no such settings (H2, SQLite). A new object per runner: it remembers the session's values.
   */
  default StatementLocks statementLocks() {
    return null;
  }

  /** Drops every object of the schemas; returns how many were dropped. */
  int clean(Connection c, List<String> schemas, boolean dropSchemas) throws SQLException;

  /**
   * Whether the statement commits the open transaction by itself (DDL on MySQL and H2). A migration
   * holding one runs statement by statement, so its progress is known exactly.
   */
  default boolean commitsImplicitly(Statement statement) {
    return statement.has(StatementFlag.IMPLICIT_COMMIT);
  }

  /** Server settings a migration may depend on, for {@code info}: version, flavor, modes. */
  default Map<String, String> serverSettings(Connection c) throws SQLException {
    return Map.of("version", c.getMetaData().getDatabaseProductVersion());
  }

  /**
   * The catalog's size estimates for the tables of the connection's current schemas, cheap to read
   * on a busy production database; none where the database keeps no estimates (SQLite, H2).
   */
  default List<TableSize> tableSizes(Connection c) throws SQLException {
    return List.of();
  }

  /** Runs a size query whose rows are schema, table, rows and bytes. */
  static List<TableSize> tableSizesWith(Connection c, String sql) throws SQLException {
    List<TableSize> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new TableSize(
                rs.getString(1),
                rs.getString(2),
                Math.max(0, rs.getLong(3)),
                Math.max(0, rs.getLong(4))));
      }
    }
    return out;
  }

  /** The server's major version, 0 when unknown. */
  default int majorVersion(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseMajorVersion();
  }
}
