package dev.godwit.junit;

import dev.godwit.testkit.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MariaDB and MySQL: they have no {@code CREATE DATABASE ... TEMPLATE}, so a copy is rebuilt from
 * the template table by table: its {@code SHOW CREATE TABLE} (columns, keys, foreign keys, the
 * AUTO_INCREMENT position) run in a new database with foreign key checks off, then {@code INSERT
 * ... SELECT} of the rows (the history table's too). That is a few statements per table instead of
 * every migration. Views, routines, triggers, events and sequences would need their definitions
 * rewritten for the new schema, so a template that has any is not copied this way: each test's
 * database is migrated afresh instead, slower but exact.
 */
final class MariaDbTemplate implements Template {

  private final Setup setup;
  private final MariaDbServer server;
  private final String templateUrl;

  /** The statements that rebuild the template in the current database, or null to migrate. */
  private final List<String> rebuild;

  private MariaDbTemplate(
      Setup setup, MariaDbServer server, String templateUrl, List<String> rebuild) {
    this.setup = setup;
    this.server = server;
    this.templateUrl = templateUrl;
    this.rebuild = rebuild;
  }

  static MariaDbTemplate at(Setup setup) {
    MariaDbServer server = MariaDbServer.at(setup.url(), setup.user(), setup.password());
    String url = server.createDatabase();
    try {
      setup.configure(url, setup.user(), setup.password()).load().migrate();
      return new MariaDbTemplate(setup, server, url, rebuildStatements(url, setup));
    } catch (RuntimeException e) {
      server.dropDatabase(url);
      throw e;
    }
  }

  @Override
  public DatabaseCopy copy() {
    String url = server.createDatabase();
    try {
      if (rebuild == null) {
        setup.configure(url, setup.user(), setup.password()).load().migrate();
      } else {
        try (Connection c = DriverManager.getConnection(url, setup.user(), setup.password());
            Statement s = c.createStatement()) {
          for (String sql : rebuild) {
            s.execute(sql);
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      server.dropDatabase(url);
      throw new IllegalStateException("Cannot copy the template database: " + e.getMessage(), e);
    }
    return new DatabaseCopy(
        url, setup.user(), setup.password(), setup, () -> server.dropDatabase(url));
  }

  @Override
  public void close() {
    server.dropDatabase(templateUrl);
  }

  /**
   * The statements that rebuild the template's tables and rows, or null if it has more than tables.
   */
  private static List<String> rebuildStatements(String url, Setup setup) {
    String schema = MariaDbServer.databaseOf(url);
    try (Connection c = DriverManager.getConnection(url, setup.user(), setup.password())) {
      if (count(c, OTHER_OBJECTS, schema, schema, schema, schema) > 0) {
        return null;
      }
      List<String> statements = new ArrayList<>();
      statements.add("SET FOREIGN_KEY_CHECKS = 0");
      List<String> inserts = new ArrayList<>();
      for (String table : tables(c, schema)) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + quote(table))) {
          rs.next();
          statements.add(rs.getString(2));
        }
        List<String> columns = storedColumns(c, schema, table);
        if (count(c, "SELECT COUNT(*) FROM " + quote(schema) + "." + quote(table)) > 0) {
          String list = String.join(", ", columns.stream().map(MariaDbTemplate::quote).toList());
          inserts.add(
              "INSERT INTO "
                  + quote(table)
                  + " ("
                  + list
                  + ") SELECT "
                  + list
                  + " FROM "
                  + quote(schema)
                  + "."
                  + quote(table));
        }
      }
      statements.addAll(inserts);
      statements.add("SET FOREIGN_KEY_CHECKS = 1");
      return List.copyOf(statements);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the template database: " + e.getMessage(), e);
    }
  }

  private static final String OTHER_OBJECTS =
      "SELECT (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?"
          + " AND table_type <> 'BASE TABLE')"
          + " + (SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = ?)"
          + " + (SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = ?)"
          + " + (SELECT COUNT(*) FROM information_schema.events WHERE event_schema = ?)";

  private static long count(Connection c, String sql, String... parameters) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        p.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  /** The columns an INSERT may write: generated ones compute themselves. */
  private static List<String> storedColumns(Connection c, String schema, String table)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT column_name, extra FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, schema);
      p.setString(2, table);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String extra = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(Locale.ROOT);
          boolean generated =
              extra.contains("GENERATED")
                  || extra.contains("VIRTUAL")
                  || extra.contains("STORED")
                  || extra.contains("PERSISTENT");
          if (!generated) {
            columns.add(rs.getString(1));
          }
        }
      }
    }
    return columns;
  }

  private static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }
}
