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
import java.util.List;

/** PostgreSQL: transactional DDL, a session-level advisory lock on its own connection. */
final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.POSTGRES;
  }

  @Override
  public List<TableSize> tableSizes(Connection c) throws SQLException {
    return Dialect.tableSizesWith(c, SIZES);
  }

  /**
   * {@code reltuples} once the table has been analysed or vacuumed. Before that it is -1
   * (PostgreSQL 14+; 0 before), which says nothing about the size, so the rows are estimated as the
   * planner does: the pages on disk ({@code pg_relation_size}, current even without statistics)
   * times the rows that fit in a page, from the width of the columns (their fixed length, 32 bytes
   * for variable-length ones) plus the tuple header. A partitioned parent holds no rows itself: its
   * size is the sum of its partitions'.
   */
  private static final String SIZES =
      "WITH t AS (SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples,"
          + " pg_relation_size(c.oid) AS bytes, pg_total_relation_size(c.oid) AS total,"
          + " (SELECT COALESCE(sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END), 0)"
          + " FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
          + " AND NOT a.attisdropped) AS width"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (current_schemas(false))),"
          + " e AS (SELECT oid, nspname, relname, relkind, total, CASE"
          + " WHEN reltuples > 0 OR (reltuples = 0 AND bytes = 0) THEN reltuples::bigint"
          + " WHEN bytes = 0 THEN 0"
          + " ELSE (bytes / current_setting('block_size')::bigint)"
          + " * ((current_setting('block_size')::bigint - 24) / (28 + width)) END AS rows"
          + " FROM t)"
          + " SELECT e.nspname, e.relname, CASE WHEN e.relkind = 'p' THEN COALESCE((SELECT"
          + " sum(p.rows) FROM pg_inherits i JOIN e p ON p.oid = i.inhrelid WHERE i.inhparent ="
          + " e.oid), 0) ELSE e.rows END::bigint,"
          + " CASE WHEN e.relkind = 'p' THEN COALESCE((SELECT sum(p.total) FROM pg_inherits i"
          + " JOIN e p ON p.oid = i.inhrelid WHERE i.inhparent = e.oid), 0)"
          + " ELSE e.total END::bigint FROM e";

  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  @Override
  public String currentSchema(Connection c) throws SQLException {
    String s = Jdbc.queryString(c, "SELECT current_schema()");
    return s != null ? s : "public";
  }

  @Override
  public String databaseName(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT current_database()");
  }

  @Override
  public String currentUser(Connection c) throws SQLException {
    return Jdbc.queryString(c, "SELECT current_user");
  }

  /** One round trip instead of six: this is most of what {@code info} costs besides the read. */
  @Override
  public SessionProbe probe(Connection c, String schema, String table, String flywayTable)
      throws SQLException {
    String sql =
        "SELECT current_schema(), current_user, current_database(), n.oid IS NOT NULL,"
            + " EXISTS (SELECT 1 FROM pg_class t WHERE t.relnamespace = n.oid AND t.relname = ?"
            + " AND t.relkind IN ('r', 'p')),"
            + " EXISTS (SELECT 1 FROM pg_class t WHERE t.relnamespace = n.oid AND t.relname = ?"
            + " AND t.relkind IN ('r', 'p'))"
            + " FROM (SELECT coalesce(CAST(? AS text), current_schema(), 'public') AS s) w"
            + " LEFT JOIN pg_namespace n ON n.nspname = w.s";
    SessionProbe p = Dialect.probeWith(c, sql, schema, table, flywayTable);
    // An empty search_path leaves no current schema; PostgreSQL then creates in none, Godwit in
    // public.
    return p.currentSchema() != null
        ? p
        : new SessionProbe(
            "public",
            p.user(),
            p.database(),
            p.schemaExists(),
            p.tableExists(),
            p.flywayTableExists());
  }

  @Override
  public boolean schemaExists(Connection c, String schema) throws SQLException {
    return Jdbc.exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema);
  }

  @Override
  public void createSchema(Connection c, String schema) throws SQLException {
    Jdbc.execute(c, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  @Override
  public void useSchema(Connection c, String schema) throws SQLException {
    // Keep the rest of the search_path so extensions installed in public still resolve.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT set_config('search_path', ? || ',' || current_setting('search_path'), false)")) {
      ps.setString(1, quote(schema));
      ps.execute();
    }
  }

  @Override
  public boolean tableExists(Connection c, String schema, String table) throws SQLException {
    return Jdbc.exists(
        c,
        "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')",
        schema,
        table);
  }

  @Override
  public boolean schemaIsEmpty(Connection c, String schema) throws SQLException {
    return !Jdbc.exists(
        c,
        "SELECT 1 FROM pg_namespace n WHERE n.nspname = ? AND (EXISTS (SELECT 1 FROM pg_class"
            + " WHERE relnamespace = n.oid) OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace ="
            + " n.oid) OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = n.oid AND typtype IN"
            + " ('e', 'd', 'r', 'm')))",
        schema);
  }

  @Override
  public List<String> createHistoryTable(String schema, String table) {
    return createHistoryTable(schema, table, null);
  }

  /**
   * The history table's DDL; with a tablespace, the table, its primary key's index and the success
   * index go there, as Flyway puts them.
   */
  List<String> createHistoryTable(String schema, String table, String tablespace) {
    String t = quote(schema) + "." + quote(table);
    String in = tablespace == null ? "" : " TABLESPACE " + quote(tablespace);
    String pkIn = tablespace == null ? "" : " USING INDEX TABLESPACE " + quote(tablespace);
    return List.of(
        "CREATE TABLE "
            + t
            + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\""
            + " VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT"
            + " NULL, \"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL,"
            + " \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), \"execution_time\" INTEGER NOT"
            + " NULL, \"success\" BOOLEAN NOT NULL)"
            + in,
        "ALTER TABLE "
            + t
            + " ADD CONSTRAINT "
            + quote(table + "_pk")
            + " PRIMARY KEY (\"installed_rank\")"
            + pkIn,
        "CREATE INDEX " + quote(table + "_s_idx") + " ON " + t + " (\"success\")" + in);
  }

  /**
   * The same key Flyway uses, so Godwit and Flyway exclude each other: "Flyway" in ASCII plus the
   * hash of the quoted, qualified table name.
   */
  static long lockKey(String schema, String table) {
    String qualified = "\"" + schema + "\".\"" + table + "\"";
    return 0x466C79776179L + qualified.hashCode();
  }

  @Override
  public MigrationLock lock(
      Connections connections, Connection main, String schema, String table, Duration wait)
      throws SQLException {
    long key = lockKey(schema, table);
    // Its own connection, never inside a transaction: a session lock held by an idle session
    // does not make CREATE INDEX CONCURRENTLY wait, a transaction-scoped one would.
    Connection lockConnection = connections.open();
    try {
      lockConnection.setAutoCommit(true);
      long deadline = System.nanoTime() + wait.toNanos();
      long pause = 50;
      LockWaitReport report = new LockWaitReport(schema + "." + table, wait);
      while (true) {
        if (Jdbc.queryBoolean(lockConnection, "SELECT pg_try_advisory_lock(" + key + ")")) {
          report.acquired();
          keepSessionOpen(lockConnection);
          return new HeldLock(
              lockConnection,
              schema + "." + table,
              PostgresDialect::holds,
              () -> release(lockConnection, key));
        }
        if (System.nanoTime() > deadline) {
          String holder = holder(lockConnection, key);
          lockConnection.close();
          throw Locks.timeout(schema + "." + table, wait, holder);
        }
        report.notYet(() -> holder(lockConnection, key));
        Locks.pause(pause);
        pause = Math.min(1000, pause * 2);
      }
    } catch (SQLException | RuntimeException e) {
      Jdbc.closeQuietly(lockConnection);
      throw e;
    }
  }

  /**
   * The lock's session sits idle while the migrations run on the main connection; a server with
   * {@code idle_session_timeout} (PostgreSQL 14 and later) would end it and so free the lock.
   */
  private static void keepSessionOpen(Connection c) throws SQLException {
    if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
      try (Statement st = c.createStatement()) {
        st.execute("SET idle_session_timeout = 0");
      }
    }
  }

  /**
   * A session-level advisory lock ends only when its session unlocks it or ends, and only Godwit
   * uses this session; so the session answering a query is proof enough that it still holds the
   * lock. (Reading {@code pg_locks} instead snapshots the server's whole lock table: milliseconds
   * on a busy server, paid twice per migration.)
   */
  private static boolean holds(Connection c) throws SQLException {
    return Jdbc.queryBoolean(c, "SELECT true");
  }

  private static void release(Connection c, long key) {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_unlock(" + key + ")");
    } catch (SQLException e) {
      // Closing the session below releases the lock all the same.
    } finally {
      Jdbc.closeQuietly(c);
    }
  }

  private static String holder(Connection c, long key) {
    String sql =
        "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state FROM pg_locks l"
            + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND"
            + " l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFFFFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return "pid "
              + rs.getInt(1)
              + ", application '"
              + rs.getString(2)
              + "', client "
              + (rs.getString(3) == null ? "local socket" : rs.getString(3))
              + ", connected since "
              + rs.getTimestamp(4)
              + ", state "
              + rs.getString(5);
        }
      }
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown (the lock was released just now)";
  }

  @Override
  public StatementLocks statementLocks() {
    return new PostgresStatementLocks();
  }

  @Override
  public int clean(Connection c, List<String> schemas, boolean dropSchemas) throws SQLException {
    int dropped = 0;
    for (String schema : schemas) {
      if (dropSchemas) {
        Jdbc.execute(c, "DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
        dropped++;
        continue;
      }
      List<String> drops = new ArrayList<>();
      String q = quote(schema) + ".";
      for (String name :
          Jdbc.queryStrings(
              c,
              "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                  + " WHERE n.nspname = ?",
              schema)) {
        drops.add("DROP EXTENSION IF EXISTS " + quote(name) + " CASCADE");
      }
      for (String name : relations(c, schema, "m")) {
        drops.add("DROP MATERIALIZED VIEW IF EXISTS " + q + quote(name) + " CASCADE");
      }
      for (String name : relations(c, schema, "v")) {
        drops.add("DROP VIEW IF EXISTS " + q + quote(name) + " CASCADE");
      }
      for (String name : relations(c, schema, "r', 'p', 'f")) {
        drops.add("DROP TABLE IF EXISTS " + q + quote(name) + " CASCADE");
      }
      for (String name : relations(c, schema, "S")) {
        drops.add("DROP SEQUENCE IF EXISTS " + q + quote(name) + " CASCADE");
      }
      for (String sig :
          Jdbc.queryStrings(
              c,
              "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE"
                  + " 'FUNCTION' END || ' ' || quote_ident(n.nspname) || '.' ||"
                  + " quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid)"
                  + " || ')' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace LEFT"
                  + " JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' WHERE n.nspname = ?"
                  + " AND d.objid IS NULL",
              schema)) {
        drops.add("DROP " + sig.replaceFirst(" ", " IF EXISTS ") + " CASCADE");
      }
      for (String name :
          Jdbc.queryStrings(
              c,
              "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                  + " WHERE n.nspname = ? AND t.typtype IN ('e', 'd', 'r', 'c', 'm') AND"
                  + " (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) ="
                  + " 'c')",
              schema)) {
        drops.add("DROP TYPE IF EXISTS " + q + quote(name) + " CASCADE");
      }
      for (String d : drops) {
        Jdbc.execute(c, d);
      }
      dropped += drops.size();
    }
    return dropped;
  }

  private static List<String> relations(Connection c, String schema, String kinds)
      throws SQLException {
    return Jdbc.queryStrings(
        c,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN"
            + " pg_depend d ON d.objid = c.oid AND d.deptype = 'e' WHERE n.nspname = ? AND"
            + " c.relkind IN ('"
            + kinds
            + "') AND d.objid IS NULL AND NOT c.relispartition",
        schema);
  }

  @Override
  public boolean caseSensitiveNames() {
    return true;
  }

  /**
   * An index counts only when valid: an interrupted {@code CREATE INDEX CONCURRENTLY} leaves an
   * INVALID one, which the statement's next run drops and builds again.
   */
  @Override
  public Boolean catalogHas(Connection c, String schema, CatalogObject o) throws SQLException {
    if (o.kind() != CatalogObject.Kind.INDEX) {
      return Dialect.super.catalogHas(c, schema, o);
    }
    return Jdbc.exists(
        c,
        "SELECT 1 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON"
            + " n.oid = i.relnamespace WHERE n.nspname = ? AND i.relname = ? AND x.indisvalid",
        schema,
        o.name());
  }
}
