package dev.godwit.internal;

import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL 8 and MariaDB 10.6+: every DDL statement commits by itself, so migrations record how far
 * they got; the lock is a named lock (GET_LOCK) held by its own connection.
 */
final class MySqlDialect implements Dialect {
  private final SqlDialect dialect;
  private final boolean mariaDb;

  /** For a server of the MySQL family: {@code dialect} says whether it is MariaDB. */
  MySqlDialect(SqlDialect dialect) {
    this.dialect = dialect;
    this.mariaDb = dialect == SqlDialect.MARIADB;
  }

  @Override
  public List<TableSize> tableSizes(Connection c) throws SQLException {
    return Dialect.tableSizesWith(
        c,
        "SELECT TABLE_SCHEMA, TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0) +"
            + " COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
            + " DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
  }

  @Override
  public String name() {
    return dialect.displayName();
  }

  @Override
  public SqlDialect sqlDialect() {
    return dialect;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return false;
  }

  @Override
  public String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String currentSchema(Connection c) throws SQLException {
    String db = Jdbc.queryString(c, "SELECT DATABASE()");
    if (db == null) {
      throw new SQLException(
          "the connection has no current database: put one in the URL, e.g."
              + " jdbc:mariadb://host:3306/app, or set 'schemas'");
    }
    return db;
  }

  /** One round trip instead of five. */
  @Override
  public SessionProbe probe(Connection c, String schema, String table, String flywayTable)
      throws SQLException {
    String sql =
        "SELECT DATABASE(), SUBSTRING_INDEX(USER(), '@', 1), DATABASE(),"
            + " EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = w.s),"
            + " EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = w.s AND"
            + " TABLE_NAME = ?),"
            + " EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = w.s AND"
            + " TABLE_NAME = ?)"
            + " FROM (SELECT COALESCE(?, DATABASE()) AS s) w";
    SessionProbe p = Dialect.probeWith(c, sql, schema, table, flywayTable);
    if (p.currentSchema() == null && schema == null) {
      currentSchema(c); // throws the explanation
    }
    return p;
  }

  @Override
  public String databaseName(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT DATABASE()");
  }

  @Override
  public String currentUser(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT SUBSTRING_INDEX(USER(), '@', 1)");
  }

  @Override
  public void createSchema(Connection c, String schema) throws SQLException {
    Jdbc.execute(c, "CREATE DATABASE IF NOT EXISTS " + quote(schema));
  }

  @Override
  public void useSchema(Connection c, String schema) throws SQLException {
    Jdbc.execute(c, "USE " + quote(schema));
  }

  @Override
  public boolean schemaIsEmpty(Connection c, String schema) throws SQLException {
    return !Jdbc.exists(c, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", schema)
        && !Jdbc.exists(
            c, "SELECT 1 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", schema);
  }

  @Override
  public List<String> createHistoryTable(String schema, String table) {
    String t = quote(schema) + "." + quote(table);
    // MariaDB gets an unnamed key, MySQL a named one: the same DDL Flyway writes on each.
    String pk =
        (mariaDb ? "" : "CONSTRAINT " + quote(table + "_pk") + " ")
            + "PRIMARY KEY (`installed_rank`)";
    return List.of(
        "CREATE TABLE "
            + t
            + " (`installed_rank` INT NOT NULL, `version` VARCHAR(50), `description` VARCHAR(200)"
            + " NOT NULL, `type` VARCHAR(20) NOT NULL, `script` VARCHAR(1000) NOT NULL, `checksum`"
            + " INT, `installed_by` VARCHAR(100) NOT NULL, `installed_on` TIMESTAMP NOT NULL"
            + " DEFAULT CURRENT_TIMESTAMP, `execution_time` INT NOT NULL, `success` BOOL NOT NULL, "
            + pk
            + ")",
        "CREATE INDEX " + quote(table + "_s_idx") + " ON " + t + " (`success`)");
  }

  @Override
  public String booleanLiteral(boolean b) {
    return b ? "1" : "0";
  }

  /** Flyway's lock name, so that Godwit and Flyway exclude each other. */
  String lockName(String schema, String table) {
    return "Flyway-" + (quote(schema) + "." + quote(table)).hashCode();
  }

  @Override
  public MigrationLock lock(
      Connections connections, Connection main, String schema, String table, Duration wait)
      throws SQLException {
    String name = lockName(schema, table);
    Connection lockConnection = connections.open();
    try {
      lockConnection.setAutoCommit(true);
      long deadline = System.nanoTime() + wait.toNanos();
      LockWaitReport report =
          new LockWaitReport(schema + "." + table + " (lock " + name + ")", wait);
      while (true) {
        // Wait server-side a second at a time so that the deadline is kept to the second.
        if (Jdbc.queryBoolean(lockConnection, "SELECT GET_LOCK(?, 1)", name)) {
          report.acquired();
          // The lock's session sits idle while the migrations run: wait_timeout (8 hours by
          // default, often minutes on managed servers) would end it and so free the lock.
          try (Statement st = lockConnection.createStatement()) {
            st.execute("SET SESSION wait_timeout = 31536000");
          }
          return new HeldLock(
              lockConnection,
              schema + "." + table + " (lock " + name + ")",
              c -> Jdbc.queryBoolean(c, "SELECT IS_USED_LOCK(?) = CONNECTION_ID()", name),
              () -> release(lockConnection, name));
        }
        if (System.nanoTime() > deadline) {
          String holder = holder(lockConnection, name);
          lockConnection.close();
          throw Locks.timeout(schema + "." + table + " (lock " + name + ")", wait, holder);
        }
        report.notYet(() -> holder(lockConnection, name));
      }
    } catch (SQLException | RuntimeException e) {
      Jdbc.closeQuietly(lockConnection);
      throw e;
    }
  }

  private static void release(Connection c, String name) {
    try {
      Jdbc.queryString(c, "SELECT RELEASE_LOCK(?)", name);
    } catch (SQLException e) {
      // Closing the connection releases the lock all the same.
    } finally {
      Jdbc.closeQuietly(c);
    }
  }

  private static String holder(Connection c, String name) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE FROM"
                + " information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return "connection id "
              + rs.getLong(1)
              + ", user '"
              + rs.getString(2)
              + "', host "
              + rs.getString(3)
              + ", database "
              + rs.getString(4)
              + ", "
              + rs.getString(5)
              + " for "
              + rs.getLong(6)
              + " s"
              + (rs.getString(7) == null || rs.getString(7).isEmpty()
                  ? ""
                  : ", " + rs.getString(7));
        }
      }
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown (the lock was released just now)";
  }

  @Override
  public StatementLocks statementLocks() {
    return new MySqlStatementLocks(mariaDb);
  }

  @Override
  public int clean(Connection c, List<String> schemas, boolean dropSchemas) throws SQLException {
    int dropped = 0;
    for (String schema : schemas) {
      if (dropSchemas) {
        Jdbc.execute(c, "DROP DATABASE IF EXISTS " + quote(schema));
        dropped++;
        continue;
      }
      String q = quote(schema) + ".";
      List<String> drops = new ArrayList<>();
      for (String v :
          Jdbc.queryStrings(
              c,
              "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
              schema)) {
        drops.add("DROP VIEW IF EXISTS " + q + quote(v));
      }
      for (String t :
          Jdbc.queryStrings(
              c,
              "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND"
                  + " TABLE_TYPE = 'BASE TABLE'",
              schema)) {
        drops.add("DROP TABLE IF EXISTS " + q + quote(t));
      }
      if (mariaDb) {
        for (String s :
            Jdbc.queryStrings(
                c,
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND"
                    + " TABLE_TYPE = 'SEQUENCE'",
                schema)) {
          drops.add("DROP SEQUENCE IF EXISTS " + q + quote(s));
        }
      }
      for (String r :
          Jdbc.queryStrings(
              c,
              "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
                  + " WHERE ROUTINE_SCHEMA = ?",
              schema)) {
        int sp = r.indexOf(' ');
        drops.add("DROP " + r.substring(0, sp) + " IF EXISTS " + q + quote(r.substring(sp + 1)));
      }
      for (String e :
          Jdbc.queryStrings(
              c,
              "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
              schema)) {
        drops.add("DROP EVENT IF EXISTS " + q + quote(e));
      }
      Jdbc.execute(c, "SET FOREIGN_KEY_CHECKS = 0");
      try {
        for (String d : drops) {
          Jdbc.execute(c, d);
        }
      } finally {
        Jdbc.execute(c, "SET FOREIGN_KEY_CHECKS = 1");
      }
      dropped += drops.size();
    }
    return dropped;
  }

  @Override
  public Map<String, String> serverSettings(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("flavor", dialect.label());
    out.put("version", Jdbc.queryString(c, "SELECT @@version"));
    out.put("sql_mode", Jdbc.queryString(c, "SELECT @@sql_mode"));
    return out;
  }

  @Override
  public Boolean catalogHas(Connection c, String schema, CatalogObject o) throws SQLException {
    if (o.kind() != CatalogObject.Kind.INDEX) {
      return Dialect.super.catalogHas(c, schema, o);
    }
    if (o.table() == null) {
      return null;
    }
    return Jdbc.exists(
        c,
        "SELECT 1 FROM INFORMATION_SCHEMA.STATISTICS WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND"
            + " LOWER(TABLE_NAME) = LOWER(?) AND LOWER(INDEX_NAME) = LOWER(?)",
        schema,
        o.table(),
        o.name());
  }
}
