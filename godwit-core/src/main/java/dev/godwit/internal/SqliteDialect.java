package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite: transactional DDL, one connection. SQLite has no lock that outlives a transaction, so the
 * migration lock is an OS file lock on {@code <database>.godwit-lock} beside the database (released
 * by the OS when a runner dies), plus an in-process lock for runners in one JVM.
 */
final class SqliteDialect implements Dialect {
  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.SQLITE;
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  @Override
  public String currentSchema(Connection c) {
    return "main";
  }

  @Override
  public String databaseName(Connection c) throws SQLException {
    String file = databaseFile(c);
    return file == null || file.isEmpty() ? "memory" : Paths.get(file).getFileName().toString();
  }

  @Override
  public String currentUser(Connection c) {
    return "";
  }

  @Override
  public boolean schemaExists(Connection c, String schema) throws SQLException {
    return databases(c).contains(schema);
  }

  @Override
  public void createSchema(Connection c, String schema) {
    throw new GodwitException(
        ErrorCode.UNSUPPORTED,
        "SQLite has no schemas to create ('"
            + schema
            + "'); attach the database first or leave 'schemas' unset to use main");
  }

  @Override
  public void useSchema(Connection c, String schema) {
    // SQLite resolves unqualified names across attached databases; nothing to switch.
  }

  @Override
  public boolean tableExists(Connection c, String schema, String table) throws SQLException {
    return Jdbc.exists(
        c,
        "SELECT 1 FROM " + quote(schema) + ".sqlite_master WHERE type = 'table' AND name = ?",
        table);
  }

  @Override
  public boolean schemaIsEmpty(Connection c, String schema) throws SQLException {
    return !Jdbc.exists(
        c, "SELECT 1 FROM " + quote(schema) + ".sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  }

  @Override
  public List<String> createHistoryTable(String schema, String table) {
    return List.of(
        "CREATE TABLE "
            + quote(schema)
            + "."
            + quote(table)
            + " (\"installed_rank\" INT NOT NULL PRIMARY KEY, \"version\" VARCHAR(50),"
            + " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\""
            + " VARCHAR(1000) NOT NULL, \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
            + " \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
            + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL)",
        "CREATE INDEX "
            + quote(schema)
            + "."
            + quote(table + "_s_idx")
            + " ON "
            + quote(table)
            + " (\"success\")");
  }

  @Override
  public String booleanLiteral(boolean b) {
    return b ? "1" : "0";
  }

  @Override
  public MigrationLock lock(
      Connections connections, Connection main, String schema, String table, Duration wait)
      throws SQLException {
    String file = databaseFile(main);
    boolean memory = file == null || file.isEmpty();
    String key = memory ? "sqlite-memory:" + System.identityHashCode(main) : file;
    long deadline = System.nanoTime() + wait.toNanos();
    MigrationLock local = Locks.inProcess(key, wait);
    if (memory) {
      return local;
    }
    Path lockFile = Paths.get(file + ".godwit-lock");
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long pause = 50;
      while (true) {
        FileLock held = channel.tryLock();
        if (held != null) {
          return () -> {
            Jdbc.closeQuietly(held);
            Jdbc.closeQuietly(channel);
            local.close();
          };
        }
        if (System.nanoTime() > deadline) {
          channel.close();
          throw Locks.timeout(file, wait, "another process holding " + lockFile);
        }
        Locks.pause(pause);
        pause = Math.min(500, pause * 2);
      }
    } catch (IOException e) {
      local.close();
      throw new GodwitException(
          ErrorCode.LOCK_TIMEOUT,
          "Cannot open the lock file " + lockFile + ": " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  private static String databaseFile(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("PRAGMA database_list");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if ("main".equals(rs.getString("name"))) {
          return rs.getString("file");
        }
      }
    }
    return null;
  }

  private static List<String> databases(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("PRAGMA database_list");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString("name"));
      }
    }
    return out;
  }

  @Override
  public int clean(Connection c, List<String> schemas, boolean dropSchemas) throws SQLException {
    int dropped = 0;
    for (String schema : schemas) {
      String q = quote(schema) + ".";
      List<String> drops = new ArrayList<>();
      for (String type : List.of("trigger", "view", "table")) {
        for (String name :
            Jdbc.queryStrings(
                c,
                "SELECT name FROM "
                    + q
                    + "sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'",
                type)) {
          drops.add(
              "DROP " + type.toUpperCase(java.util.Locale.ROOT) + " IF EXISTS " + q + quote(name));
        }
      }
      Jdbc.execute(c, "PRAGMA foreign_keys = OFF");
      for (String d : drops) {
        Jdbc.execute(c, d);
      }
      dropped += drops.size();
    }
    return dropped;
  }

  /** SQLite has no information schema; its DDL is transactional, so this is rarely asked. */
  @Override
  public Boolean catalogHas(Connection c, String schema, CatalogObject o) {
    return null;
  }
}
