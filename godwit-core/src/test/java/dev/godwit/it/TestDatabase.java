package dev.godwit.it;

import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** A fresh, empty database of one kind, for one test. */
record TestDatabase(Kind kind, String url, String user, String password) {

  enum Kind {
    H2,
    SQLITE,
    POSTGRES,
    MARIADB
  }

  /** Named factories, one per database the core supports; each call gives a new database. */
  record Factory(String name, Supplier<TestDatabase> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Factory> factories() {
    List<Factory> out = new ArrayList<>();
    out.add(new Factory("H2", TestDatabase::h2));
    out.add(new Factory("SQLite", TestDatabase::sqlite));
    for (PostgresServer pg : PostgresServers.all()) {
      out.add(new Factory(pg.name(), () -> postgres(pg)));
    }
    Optional<MariaDbServer> maria = MariaDbServer.find();
    if (maria.isPresent()) {
      MariaDbServer m = maria.get();
      out.add(
          new Factory(
              "MariaDB " + m.version(),
              () -> new TestDatabase(Kind.MARIADB, m.createDatabase(), m.user(), m.password())));
    } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI must not skip MariaDB: " + MariaDbServer.unavailableReason());
    } else {
      System.out.println("SKIPPED MariaDB cases: " + MariaDbServer.unavailableReason());
    }
    return out;
  }

  static List<Factory> mariaDbFactories() {
    return factories().stream().filter(f -> f.name().startsWith("MariaDB")).toList();
  }

  /** Whether a failed migration's DDL stays applied (the database commits DDL by itself). */
  boolean ddlCommitsItself() {
    return kind == Kind.H2 || kind == Kind.MARIADB;
  }

  /** Quotes an identifier for this database. */
  String q(String identifier) {
    return kind == Kind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }

  static List<Factory> postgresFactories() {
    return factories().stream().filter(f -> f.name().contains("PostgreSQL")).toList();
  }

  static TestDatabase h2() {
    return new TestDatabase(
        Kind.H2, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("godwit-sqlite");
      return new TestDatabase(Kind.SQLITE, "jdbc:sqlite:" + dir.resolve("test.db"), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestDatabase postgres(PostgresServer pg) {
    return new TestDatabase(Kind.POSTGRES, pg.createDatabase(), pg.user(), pg.password());
  }

  GodwitConfig.Builder configure(Path migrations) {
    return Godwit.configure().url(url, user, password).locations("filesystem:" + migrations);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The first column of the first row, as text; null when there is no row. */
  String query(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  boolean tableExists(String table) throws SQLException {
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return true;
        }
      }
    }
    return false;
  }

  String history() {
    return kind == Kind.H2 ? "\"godwit_schema_history\"" : "godwit_schema_history";
  }

  /** SQL for a boolean literal. */
  String bool(boolean b) {
    return kind == Kind.SQLITE || kind == Kind.MARIADB ? (b ? "1" : "0") : (b ? "TRUE" : "FALSE");
  }
}
