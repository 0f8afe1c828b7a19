package dev.godwit.bench.traffic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database server the scenario runs on: PostgreSQL or MariaDB, with fresh databases. */
abstract class Server {
  final String base;
  final String user;
  final String password;

  Server(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  abstract String name();

  /** The SQL of V1: the orders table with {@code rows} rows. */
  abstract String createOrders(int rows);

  /** The SQL of V2, the migration measured. */
  String addColumn() {
    return "ALTER TABLE orders ADD COLUMN note VARCHAR(100) NULL;\n";
  }

  /** What the report transaction holds while it stays open. */
  abstract String reportHolds();

  abstract String adminUrl();

  abstract String urlOf(String database);

  abstract String quote(String name);

  String version() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl(), user, password)) {
      return c.getMetaData().getDatabaseProductName()
          + " "
          + c.getMetaData().getDatabaseProductVersion();
    }
  }

  String fresh(String database) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + quote(database));
    execute("CREATE DATABASE " + quote(database));
    return urlOf(database);
  }

  void drop(String database) throws SQLException {
    execute("DROP DATABASE IF EXISTS " + quote(database));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl(), user, password);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** A connection that read the orders table in a transaction it keeps open: the report. */
  Connection openReport(String url) throws SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("ApplicationName", "nightly-report");
    Connection c = DriverManager.getConnection(url, props);
    c.setAutoCommit(false);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), sum(amount) FROM orders")) {
      rs.next();
    }
    return c;
  }

  static final class Postgres extends Server {
    Postgres(String host, String user, String password) {
      super("jdbc:postgresql://" + host + "/", user, password);
    }

    @Override
    String name() {
      return "PostgreSQL";
    }

    @Override
    String createOrders(int rows) {
      return "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount"
          + " NUMERIC(12, 2) NOT NULL, status VARCHAR(20) NOT NULL, created_at TIMESTAMP NOT NULL"
          + " DEFAULT now());\n"
          + "INSERT INTO orders (id, customer_id, amount, status) SELECT g, g % 1000, g % 100,"
          + " 'open' FROM generate_series(1, "
          + rows
          + ") g;\n";
    }

    @Override
    String reportHolds() {
      return "ACCESS SHARE on orders (an open transaction that read it)";
    }

    @Override
    String adminUrl() {
      return base + "postgres";
    }

    @Override
    String urlOf(String database) {
      return base + database;
    }

    @Override
    String quote(String name) {
      return "\"" + name + "\"";
    }

    @Override
    void drop(String database) throws SQLException {
      try (Connection c = DriverManager.getConnection(adminUrl(), user, password);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
      }
    }
  }

  static final class MariaDb extends Server {
    MariaDb(String host, String user, String password) {
      super("jdbc:mariadb://" + host + "/", user, password);
    }

    @Override
    String name() {
      return "MariaDB";
    }

    @Override
    String createOrders(int rows) {
      // MariaDB's sequence engine gives the numbers (seq_1_to_N).
      return "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount"
          + " DECIMAL(12, 2) NOT NULL, status VARCHAR(20) NOT NULL, created_at TIMESTAMP NOT NULL"
          + " DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB;\n"
          + "INSERT INTO orders (id, customer_id, amount, status) SELECT seq, seq % 1000, seq %"
          + " 100, 'open' FROM seq_1_to_"
          + rows
          + ";\n";
    }

    @Override
    String reportHolds() {
      return "a shared metadata lock on orders (an open transaction that read it)";
    }

    @Override
    String adminUrl() {
      return base;
    }

    @Override
    String urlOf(String database) {
      return base + database;
    }

    @Override
    String quote(String name) {
      return "`" + name + "`";
    }
  }
}
