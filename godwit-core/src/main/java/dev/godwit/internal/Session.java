package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command's connection to the database and everything derived from it: the dialect, the
 * schemas, the history table, the placeholder values.
 */
final class Session implements AutoCloseable {
  /** Flyway's default history table, adopted when Godwit's own is absent. */
  static final String FLYWAY_TABLE = "flyway_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  // Adoption is announced once per database and table in a JVM, not once per command.
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  final GodwitConfig config;
  final Connections connections;
  final Connection connection;
  final Dialect dialect;
  final List<String> schemas;
  final HistoryTable history;
  final ProgressTable progress;
  final String installedBy;
  final Placeholders placeholders;
  final int serverMajorVersion;
  final String databaseDescription;

  /**
   * Whether the history table is known to exist. Once it exists it stays (only clean drops it, and
   * says so), so later reads skip the catalog; while it is absent every check asks the database,
   * because another runner may create it at any moment.
   */
  private boolean historyKnownToExist;

  private MigrationLock held = MigrationLock.NONE;

  private Session(GodwitConfig config, Connections connections, Connection connection)
      throws SQLException {
    this.config = config;
    this.connections = connections;
    this.connection = connection;
    this.dialect = detect(connection);
    if (dialect instanceof SqliteDialect) {
      // The busy timeout covers every statement, not only the lock: even "do not wait for another
      // runner" (0) must ride out a reader's momentary lock, hence a second at least. SQLite takes
      // an int of milliseconds.
      long ms = Math.max(1, config.number(ConfigKey.LOCK_WAIT_TIMEOUT)) * 1000L;
      ms = Math.min(ms, Integer.MAX_VALUE);
      Jdbc.execute(connection, "PRAGMA busy_timeout = " + ms);
    }
    connection.setAutoCommit(true);
    List<String> configured = config.list(ConfigKey.SCHEMAS);
    String wanted =
        config.string(ConfigKey.DEFAULT_SCHEMA) != null
            ? config.string(ConfigKey.DEFAULT_SCHEMA)
            : configured.isEmpty() ? null : configured.get(0);
    Dialect.SessionProbe probe =
        dialect.probe(connection, wanted, config.string(ConfigKey.TABLE), FLYWAY_TABLE);
    String current = probe.currentSchema();
    this.schemas = configured.isEmpty() ? List.of(current) : List.copyOf(configured);
    String historySchema = wanted != null ? wanted : current;
    String table = historyTableName(config, probe, historySchema);
    String tablespace = config.string(ConfigKey.TABLESPACE);
    if (tablespace != null && !(dialect instanceof PostgresDialect)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "The 'tablespace' setting works on PostgreSQL only; this database is "
              + connection.getMetaData().getDatabaseProductName()
              + " (MariaDB, H2 and SQLite have no tablespace to put the history table in)."
              + " Remove the setting.");
    }
    this.history = new HistoryTable(dialect, historySchema, table, tablespace);
    this.progress = new ProgressTable(dialect, historySchema, table);
    this.historyKnownToExist =
        table.equals(config.string(ConfigKey.TABLE))
            ? probe.tableExists()
            : probe.flywayTableExists();
    String user = config.string(ConfigKey.INSTALLED_BY);
    this.installedBy = user != null ? user : nullToEmpty(probe.user());
    this.serverMajorVersion = dialect.majorVersion(connection);
    this.databaseDescription =
        connection.getMetaData().getDatabaseProductName()
            + " "
            + connection.getMetaData().getDatabaseProductVersion();
    Map<String, String> builtIns = new HashMap<>();
    builtIns.put("defaultSchema", historySchema);
    builtIns.put("user", installedBy);
    builtIns.put("database", nullToEmpty(probe.database()));
    builtIns.put(
        "timestamp",
        // Flyway's timestamp placeholder is the JVM's local time; the zone is chosen on purpose.
        LocalDateTime.now(java.time.ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)));
    builtIns.put("table", history.table());
    builtIns.put("environment", config.environment() == null ? "default" : config.environment());
    builtIns.put("workingDirectory", System.getProperty("user.dir"));
    this.placeholders = new Placeholders(config, builtIns);
    if (!historySchema.equals(current) && probe.schemaExists()) {
      dialect.useSchema(connection, historySchema);
    }
  }

  /**
   * The history table to use: the configured one, or Flyway's {@code flyway_schema_history} when no
   * table is configured, Godwit's own is absent and Flyway's exists. Godwit then reads and writes
   * Flyway's table as it is, so Flyway keeps working against it too.
   */
  private static String historyTableName(
      GodwitConfig config, Dialect.SessionProbe probe, String schema) {
    String configured = config.string(ConfigKey.TABLE);
    if (config.isSet(ConfigKey.TABLE)
        || !probe.schemaExists()
        || probe.tableExists()
        || !probe.flywayTableExists()) {
      return configured;
    }
    String where = schema + "." + FLYWAY_TABLE;
    if (ANNOUNCED.add(config.url() + " " + where)) {
      LOG.info(
          "Using Flyway's history table {} as it is ({} does not exist): Godwit writes the rows"
              + " Flyway writes, so Flyway can keep running against it. Set table = \"{}\" to"
              + " make this explicit.",
          where,
          configured,
          FLYWAY_TABLE);
    }
    return FLYWAY_TABLE;
  }

  static Session open(GodwitConfig config) {
    Connections connections = new Connections(config);
    Connection c = connections.open();
    try {
      return new Session(config, connections, c);
    } catch (GodwitException e) {
      Jdbc.closeQuietly(c);
      throw e;
    } catch (SQLException e) {
      Jdbc.closeQuietly(c);
      throw new GodwitException(
          ErrorCode.CONNECTION,
          "Connected to "
              + connections.target()
              + " but could not read its settings: "
              + SecretMasking.scrub(e.getMessage(), connections.secrets()),
          e);
    } catch (RuntimeException e) {
      Jdbc.closeQuietly(c);
      throw e;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The server's dialect, as godwit-sql reads it from the product name and version. */
  private static Dialect detect(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    SqlDialect d =
        SqlDialect.fromServer(product, c.getMetaData().getDatabaseProductVersion())
            .orElseThrow(
                () ->
                    new GodwitException(
                        ErrorCode.UNSUPPORTED,
                        "Godwit does not support "
                            + product
                            + " yet. Supported: PostgreSQL, H2, SQLite (MySQL and MariaDB are on"
                            + " the way)."));
    return Dialect.of(d);
  }

  MigrationLock lock() {
    Duration wait = Duration.ofSeconds(config.number(ConfigKey.LOCK_WAIT_TIMEOUT));
    MigrationLock lock;
    try {
      lock = dialect.lock(connections, connection, history.schema(), history.table(), wait);
    } catch (SQLException e) {
      throw sqlFailure("take the migration lock", e);
    }
    held = lock;
    return () -> {
      held = MigrationLock.NONE;
      lock.close();
    };
  }

  /**
   * Stops with a {@code LOCK_LOST} error if the migration lock this session took is no longer held;
   * nothing when it holds none.
   *
   * @param before what the runner is about to do, for the message
   */
  void verifyLock(String before) {
    held.verify(before);
  }

  /** Whether the history table exists; see {@link #historyKnownToExist}. */
  boolean historyExists() throws SQLException {
    if (!historyKnownToExist) {
      historyKnownToExist = history.exists(connection);
    }
    return historyKnownToExist;
  }

  /** After clean dropped the history table with its schema. */
  void forgetHistoryTable() {
    historyKnownToExist = false;
  }

  /** The history rows, or none when the table does not exist yet. */
  List<HistoryRow> readHistory() {
    List<HistoryRow> rows = readHistoryKeepingCorrupt();
    if (!history.corrupt().isEmpty()) {
      // Going on without a row could run its migration again: only validate and repair do.
      throw new dev.godwit.api.ValidationException(HistoryChecks.corruptIssues(history.corrupt()));
    }
    return rows;
  }

  /** The readable rows; those that cannot be read are then in {@code history.corrupt()}. */
  List<HistoryRow> readHistoryKeepingCorrupt() {
    try {
      if (!historyExists()) {
        return List.of();
      }
      return history.read(connection);
    } catch (SQLException e) {
      throw sqlFailure("read the history table " + history.schema() + "." + history.table(), e);
    }
  }

  /**
   * Creates missing schemas and the history table. Call under the lock.
   *
   * @return the schemas this call created (for Flyway's SCHEMA marker row)
   */
  List<String> createSchemasAndHistoryTable() {
    List<String> created = new ArrayList<>();
    try {
      connection.setAutoCommit(true);
      for (String s : schemas) {
        if (!dialect.schemaExists(connection, s)) {
          if (!config.flag(ConfigKey.CREATE_SCHEMAS)) {
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                "Schema '" + s + "' does not exist and createSchemas is false. Create it first.");
          }
          dialect.createSchema(connection, s);
          created.add(s);
        }
      }
      if (!created.isEmpty() && created.contains(history.schema())) {
        dialect.useSchema(connection, history.schema());
      }
      if (!historyExists()) {
        history.create(connection);
        historyKnownToExist = true;
      }
      return created;
    } catch (SQLException e) {
      throw sqlFailure("create the history table " + history.schema() + "." + history.table(), e);
    }
  }

  GodwitException sqlFailure(String what, SQLException e) {
    ConnectionLoss loss = ConnectionLoss.of(e, connection);
    // Outside a migration a lost connection is the database being out of reach (exit 4, which a
    // deploy script may retry), not a migration that failed.
    return new GodwitException(
        loss == null ? ErrorCode.MIGRATION_FAILED : ErrorCode.CONNECTION,
        "Could not "
            + what
            + ": "
            + SecretMasking.scrub(e.getMessage(), connections.secrets())
            + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "")
            + (loss == null
                ? ""
                : ". The connection to the database "
                    + loss.how()
                    + ". Run the command again once the database is reachable"
                    + " ('connectRetries' waits for it)."),
        e);
  }

  @Override
  public void close() {
    Jdbc.closeQuietly(connection);
  }
}
