package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table: the same columns and values Flyway writes. Read in one query; rows are only
 * appended, except by {@code repair}.
 */
final class HistoryTable {
  private static final DateTimeFormatter SQLITE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]", java.util.Locale.ROOT);

  private final Dialect dialect;
  private final String schema;
  private final String table;
  private final String qualified;
  private final String columns;
  private final String tablespace;

  HistoryTable(Dialect dialect, String schema, String table) {
    this(dialect, schema, table, null);
  }

  /**
   * A history table.
   *
   * @param tablespace where a new table goes (PostgreSQL), or null for the default
   */
  HistoryTable(Dialect dialect, String schema, String table, String tablespace) {
    this.tablespace = tablespace;
    this.dialect = dialect;
    this.schema = schema;
    this.table = table;
    this.qualified = dialect.quote(schema) + "." + dialect.quote(table);
    this.columns =
        String.join(
            ", ",
            java.util.stream.Stream.of(
                    "installed_rank",
                    "version",
                    "description",
                    "type",
                    "script",
                    "checksum",
                    "installed_by",
                    "installed_on",
                    "execution_time",
                    "success")
                .map(dialect::quote)
                .toList());
  }

  /** A column name quoted for this database. */
  private String col(String name) {
    return dialect.quote(name);
  }

  /** The statement with its double-quoted column names quoted as this database wants. */
  private String q(String sql) {
    char quote = dialect.quote("x").charAt(0);
    return quote == '"' ? sql : sql.replace('"', quote);
  }

  String schema() {
    return schema;
  }

  String table() {
    return table;
  }

  boolean exists(Connection c) throws SQLException {
    return dialect.tableExists(c, schema, table);
  }

  /** Creates the table with autocommit on; idempotent where the dialect allows. */
  void create(Connection c) throws SQLException {
    List<String> ddls =
        tablespace != null && dialect instanceof PostgresDialect pg
            ? pg.createHistoryTable(schema, table, tablespace)
            : dialect.createHistoryTable(schema, table);
    for (String ddl : ddls) {
      Jdbc.execute(c, ddl);
    }
    for (String dml : dialect.afterCreateHistoryTable(schema, table)) {
      Jdbc.execute(c, dml);
    }
  }

  /**
   * A row that cannot be read as a migration's record, left out of {@link #read}'s result.
   *
   * @param rank installed_rank
   * @param column the column whose value is wrong
   * @param value the value as stored
   * @param problem what is wrong with it
   */
  record CorruptRow(int rank, String column, String value, String problem) {
    String describe() {
      return "installed_rank "
          + rank
          + ": "
          + column
          + " '"
          + value
          + "' "
          + problem
          + " (edited by hand?). Run repair to remove the row, or correct it in the table.";
    }
  }

  private List<CorruptRow> corrupt = List.of();

  /** The rows the last {@link #read} left out because they cannot be read. */
  List<CorruptRow> corrupt() {
    return corrupt;
  }

  List<HistoryRow> read(Connection c) throws SQLException {
    String sql =
        "SELECT "
            + columns
            + " FROM "
            + qualified
            + dialect.historyFilter()
            + " ORDER BY "
            + col("installed_rank");
    List<HistoryRow> rows = new ArrayList<>();
    List<CorruptRow> bad = new ArrayList<>();
    if (dialect instanceof SqliteDialect) {
      // SQLite reads a double-quoted name it does not know as a string, so a missing column
      // would not fail the query below: check the columns first.
      unreadable(c, new SQLException("history table columns"));
    }
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int checksum = rs.getInt(6);
        Integer cs = rs.wasNull() ? null : checksum;
        int rank = rs.getInt(1);
        String type = rs.getString(4);
        MigrationType mt;
        try {
          mt = MigrationType.fromHistory(type);
        } catch (IllegalArgumentException | NullPointerException e) {
          bad.add(new CorruptRow(rank, "type", type, "is not a migration type Flyway writes"));
          continue;
        }
        String version = rs.getString(2);
        if (version != null) {
          try {
            MigrationVersion.parse(version);
          } catch (IllegalArgumentException e) {
            bad.add(
                new CorruptRow(rank, "version", version, "is not a version: " + e.getMessage()));
            continue;
          }
        }
        rows.add(
            new HistoryRow(
                rank,
                version,
                rs.getString(3),
                mt,
                rs.getString(5),
                cs,
                rs.getString(7),
                installedOn(rs),
                rs.getInt(9),
                rs.getBoolean(10)));
      }
    } catch (SQLException e) {
      throw unreadable(c, e);
    }
    corrupt = List.copyOf(bad);
    return rows;
  }

  // The columns Flyway's table has, each with the kind of value it holds.
  private static final List<String> NUMBER_COLUMNS =
      List.of("installed_rank", "checksum", "execution_time");

  /**
   * Why the table cannot be read, when its columns are the cause: a missing column, or a number
   * column that holds text. That is a configuration problem ('table' names a table that is not a
   * history table, or one changed by hand), not a failed migration.
   */
  private SQLException unreadable(Connection c, SQLException cause) throws SQLException {
    List<String> problems = new ArrayList<>();
    java.util.Map<String, Integer> present = new java.util.HashMap<>();
    // The table's own columns, as a query that returns no row describes them on every database.
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + qualified + " WHERE 1 = 0");
        ResultSet rs = ps.executeQuery()) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        present.put(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT), md.getColumnType(i));
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return cause;
    }
    if (present.isEmpty()) {
      return cause;
    }
    for (String name :
        List.of(
            "installed_rank",
            "version",
            "description",
            "type",
            "script",
            "checksum",
            "installed_by",
            "installed_on",
            "execution_time",
            "success")) {
      Integer type = present.get(name);
      if (type == null) {
        problems.add("column '" + name + "' is missing");
      } else if (NUMBER_COLUMNS.contains(name) && !isNumber(type)) {
        problems.add(
            "column '"
                + name
                + "' should hold integers but is of JDBC type "
                + java.sql.JDBCType.valueOf(type).getName());
      }
    }
    if (problems.isEmpty()) {
      return cause;
    }
    throw new GodwitException(
        ErrorCode.CONFIGURATION,
        "The history table "
            + schema
            + "."
            + table
            + " does not have Flyway's columns: "
            + String.join("; ", problems)
            + ". Point the 'table' setting at a Godwit or Flyway history table, or fix the"
            + " column (ALTER TABLE ... ADD/ALTER COLUMN) to Flyway's definition.",
        cause);
  }

  private static boolean isNumber(int jdbcType) {
    return jdbcType == Types.INTEGER
        || jdbcType == Types.BIGINT
        || jdbcType == Types.SMALLINT
        || jdbcType == Types.TINYINT
        || jdbcType == Types.NUMERIC
        || jdbcType == Types.DECIMAL;
  }

  private Instant installedOn(ResultSet rs) throws SQLException {
    if (!(dialect instanceof SqliteDialect)) {
      // A local date-time, read in the JVM's zone as Timestamp would be, without the Calendar
      // work of getTimestamp (a third of reading a large history on PostgreSQL).
      LocalDateTime local = rs.getObject(8, LocalDateTime.class);
      return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }
    Object raw = rs.getObject(8);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s) {
      // SQLite keeps installed_on as UTC text.
      try {
        return LocalDateTime.parse(s.trim(), SQLITE_TIME).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Timestamp ts = rs.getTimestamp(8);
    return ts == null ? null : ts.toInstant();
  }

  void insert(Connection c, HistoryRow row) throws SQLException {
    String sql =
        "INSERT INTO "
            + qualified
            + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
            + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(q(sql))) {
      ps.setInt(1, row.rank());
      ps.setString(2, row.version());
      ps.setString(3, truncateDescription(row.description()));
      ps.setString(4, row.type().name());
      ps.setString(5, truncateScript(row.script()));
      if (row.checksum() == null) {
        ps.setNull(6, Types.INTEGER);
      } else {
        ps.setInt(6, row.checksum());
      }
      ps.setString(7, truncate(row.installedBy(), 100));
      ps.setInt(8, row.executionTime());
      ps.setBoolean(9, row.success());
      ps.executeUpdate();
    }
  }

  /** Turns a failed row into a successful one (resume, repair --mark-applied). */
  void markSuccess(Connection c, int rank, int executionTime) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            q(
                "UPDATE "
                    + qualified
                    + " SET \"success\" = ?, \"execution_time\" = ? WHERE \"installed_rank\" = ?"))) {
      ps.setBoolean(1, true);
      ps.setInt(2, executionTime);
      ps.setInt(3, rank);
      ps.executeUpdate();
    }
  }

  void deleteRank(Connection c, int rank) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(q("DELETE FROM " + qualified + " WHERE \"installed_rank\" = ?"))) {
      ps.setInt(1, rank);
      ps.executeUpdate();
    }
  }

  void update(Connection c, int rank, String description, MigrationType type, Integer checksum)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            q(
                "UPDATE "
                    + qualified
                    + " SET \"description\" = ?, \"type\" = ?, \"checksum\" = ? WHERE"
                    + " \"installed_rank\" = ?"))) {
      ps.setString(1, truncateDescription(description));
      ps.setString(2, type.name());
      if (checksum == null) {
        ps.setNull(3, Types.INTEGER);
      } else {
        ps.setInt(3, checksum);
      }
      ps.setInt(4, rank);
      ps.executeUpdate();
    }
  }

  /** Flyway stores the first 197 characters and "..." for longer descriptions. */
  static String truncateDescription(String d) {
    return d.length() <= 200 ? d : d.substring(0, 197) + "...";
  }

  /** Flyway overwrites the first three characters of a long script path with "...". */
  static String truncateScript(String s) {
    return s.length() <= 1000 ? s : "..." + s.substring(3, 1000);
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
