package dev.godwit.internal;

import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * H2: DDL commits by itself, so a failed migration leaves a failed row, as on MySQL. The history
 * table gets Flyway's marker row so that Flyway can lock it too.
 */
final class H2Dialect implements Dialect {
  private static final String MARKER = "<< Flyway Schema History table created >>";

  @Override
  public String name() {
    return "H2";
  }

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.H2;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return false;
  }

  private static final java.util.regex.Pattern DDL =
      java.util.regex.Pattern.compile(
          "(?is)^\\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME|COMMENT|GRANT|REVOKE)\\b.*");

  @Override
  public boolean commitsImplicitly(dev.godwit.sql.Statement statement) {
    // H2 commits before and after DDL, like MySQL; the splitter flags this for MySQL only.
    return DDL.matcher(statement.sql()).matches();
  }

  @Override
  public String currentSchema(Connection c) throws SQLException {
    return c.getSchema();
  }

  @Override
  public String databaseName(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT DATABASE()");
  }

  @Override
  public String currentUser(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT CURRENT_USER");
  }

  @Override
  public void createSchema(Connection c, String schema) throws SQLException {
    Jdbc.execute(c, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  @Override
  public void useSchema(Connection c, String schema) throws SQLException {
    Jdbc.execute(c, "SET SCHEMA " + quote(schema));
  }

  @Override
  public boolean schemaIsEmpty(Connection c, String schema) throws SQLException {
    return !Jdbc.exists(c, "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?", schema)
        && !Jdbc.exists(
            c, "SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?", schema);
  }

  @Override
  public List<String> createHistoryTable(String schema, String table) {
    String t = quote(schema) + "." + quote(table);
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + t
            + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\""
            + " VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT"
            + " NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, \"installed_on\""
            + " TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, \"execution_time\" INT NOT NULL,"
            + " \"success\" BOOLEAN NOT NULL, CONSTRAINT "
            + quote(table + "_pk")
            + " PRIMARY KEY (\"installed_rank\"))",
        "CREATE INDEX IF NOT EXISTS "
            + quote(schema)
            + "."
            + quote(table + "_s_idx")
            + " ON "
            + t
            + " (\"success\")");
  }

  @Override
  public List<String> afterCreateHistoryTable(String schema, String table) {
    // The marker row exists so that there is always a row to lock (Flyway keeps the same one).
    return List.of(
        "MERGE INTO "
            + quote(schema)
            + "."
            + quote(table)
            + " KEY (\"installed_rank\") VALUES (-1, NULL, '"
            + MARKER
            + "', 'TABLE', '', NULL, '', CURRENT_TIMESTAMP, 0, TRUE)");
  }

  @Override
  public String historyFilter() {
    return " WHERE \"type\" <> 'TABLE'";
  }

  @Override
  public MigrationLock lock(
      Connections connections, Connection main, String schema, String table, Duration wait)
      throws SQLException {
    // An embedded H2 database belongs to one process (H2 locks its file), so a lock inside this
    // JVM, keyed by database and table, is what excludes concurrent runners.
    return Locks.inProcess(main.getMetaData().getURL() + "|" + schema + "." + table, wait);
  }

  @Override
  public int clean(Connection c, List<String> schemas, boolean dropSchemas) throws SQLException {
    int dropped = 0;
    for (String schema : schemas) {
      if (dropSchemas && !schema.equals("PUBLIC")) {
        Jdbc.execute(c, "DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
        dropped++;
        continue;
      }
      List<String> drops = new ArrayList<>();
      String q = quote(schema) + ".";
      for (String v :
          Jdbc.queryStrings(
              c,
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND"
                  + " TABLE_TYPE = 'VIEW'",
              schema)) {
        drops.add("DROP VIEW IF EXISTS " + q + quote(v) + " CASCADE");
      }
      for (String t :
          Jdbc.queryStrings(
              c,
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND"
                  + " TABLE_TYPE = 'BASE TABLE'",
              schema)) {
        drops.add("DROP TABLE IF EXISTS " + q + quote(t) + " CASCADE");
      }
      for (String s :
          Jdbc.queryStrings(
              c,
              "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?",
              schema)) {
        drops.add("DROP SEQUENCE IF EXISTS " + q + quote(s));
      }
      for (String a :
          Jdbc.queryStrings(
              c,
              "SELECT DISTINCT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA"
                  + " = ?",
              schema)) {
        drops.add("DROP ALIAS IF EXISTS " + q + quote(a));
      }
      for (String d :
          Jdbc.queryStrings(
              c,
              "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ?",
              schema)) {
        drops.add("DROP DOMAIN IF EXISTS " + q + quote(d) + " CASCADE");
      }
      for (String d : drops) {
        Jdbc.execute(c, d);
      }
      dropped += drops.size();
    }
    return dropped;
  }
}
