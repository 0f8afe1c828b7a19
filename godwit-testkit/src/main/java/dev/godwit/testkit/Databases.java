package dev.godwit.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates and drops the test databases, over JDBC. */
final class Databases {

  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String OBJECT_IN_USE = "55006";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Databases() {}

  static Connection connect(String url, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(url, properties);
  }

  /**
   * Creates an empty database named {@code godwit_<n>_<random>} (unique in this JVM by the counter,
   * and across JVMs sharing a server very likely by the random part, else retried) and returns its
   * name.
   */
  static String create(String adminUrl, String user, String password) {
    return create(adminUrl, user, password, null);
  }

  /**
   * Like {@link #create(String, String, String)}, as a copy of the database {@code template} when
   * it is not null ({@code CREATE DATABASE ... TEMPLATE}: a file-level copy, which PostgreSQL only
   * makes while nobody is connected to the template).
   */
  static String create(String adminUrl, String user, String password, String template) {
    return create(adminUrl, user, password, template, "");
  }

  /**
   * Like {@link #create(String, String, String, String)}, with {@code options} appended to the
   * {@code CREATE DATABASE} statement (e.g. {@code STRATEGY FILE_COPY}).
   */
  static String create(
      String adminUrl, String user, String password, String template, String options) {
    for (int attempt = 1; ; attempt++) {
      String name =
          "godwit_"
              + COUNTER.incrementAndGet()
              + "_"
              + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
      try (Connection connection = connect(adminUrl, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE DATABASE "
                + name
                + (template == null ? "" : " TEMPLATE " + quote(template))
                + (options.isEmpty() ? "" : " " + options));
        return name;
      } catch (SQLException e) {
        if (!DUPLICATE_DATABASE.equals(e.getSQLState()) || attempt == 3) {
          throw new IllegalStateException(
              "Could not create a database on " + adminUrl + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Drops {@code name}, first disconnecting whoever is still connected to it. */
  static void drop(String adminUrl, String user, String password, String name) throws SQLException {
    try (Connection connection = connect(adminUrl, user, password)) {
      for (int attempt = 1; ; attempt++) {
        try (PreparedStatement terminate =
                connection.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid()");
            Statement drop = connection.createStatement()) {
          terminate.setString(1, name);
          terminate.execute();
          drop.execute("DROP DATABASE IF EXISTS " + quote(name));
          return;
        } catch (SQLException e) {
          // Terminated backends take a moment to go away.
          if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt == 20) {
            throw e;
          }
          pause();
        }
      }
    }
  }

  /**
   * Drops every database of {@code names} over one connection: with {@code force} (PostgreSQL 13
   * and later) one {@code DROP DATABASE ... WITH (FORCE)} each, which ends the sessions still
   * connected; else as {@link #drop}. Goes on past a failure and throws the first one at the end.
   */
  static void dropAll(
      String adminUrl, String user, String password, List<String> names, boolean force)
      throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    if (!force) {
      for (String name : names) {
        drop(adminUrl, user, password, name);
      }
      return;
    }
    SQLException first = null;
    try (Connection connection = connect(adminUrl, user, password);
        Statement drop = connection.createStatement()) {
      for (String name : names) {
        try {
          drop.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** A quoted identifier, for names this class did not make. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static void pause() throws SQLException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted", e);
    }
  }
}
