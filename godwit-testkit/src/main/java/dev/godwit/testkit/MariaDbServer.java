package dev.godwit.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real MariaDB (or MySQL) server for integration tests: the one named by {@code
 * GODWIT_TEST_MYSQL_URL} (plus {@code _USER}, {@code _PASSWORD}), else the local server at
 * 127.0.0.1:3306 as root with an empty password, which {@code .ci/run} starts. There is no embedded
 * MariaDB that runs as root from Maven Central, so on a machine without a server the tests skip
 * with the reason from {@link #unavailableReason()}; in CI they must not.
 */
public final class MariaDbServer {
  private static final Object LOCK = new Object();
  private static MariaDbServer instance;
  private static String unavailable;

  private final String baseUrl;
  private final String user;
  private final String password;
  private final List<String> created = new CopyOnWriteArrayList<>();

  private MariaDbServer(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl.contains("?") || baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.user = user;
    this.password = password;
  }

  /**
   * The server, when one answers.
   *
   * @return the server, or empty when none is reachable
   */
  public static Optional<MariaDbServer> find() {
    synchronized (LOCK) {
      if (instance == null && unavailable == null) {
        Map<String, String> env = System.getenv();
        String url = env.getOrDefault("GODWIT_TEST_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = env.getOrDefault("GODWIT_TEST_MYSQL_USER", "root");
        String password = env.getOrDefault("GODWIT_TEST_MYSQL_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
          MariaDbServer server = new MariaDbServer(url, user, password);
          Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "drop-test-dbs"));
          instance = server;
        } catch (SQLException e) {
          unavailable = "no MariaDB/MySQL server at " + url + " (" + e.getMessage() + ")";
        }
      }
      return Optional.ofNullable(instance);
    }
  }

  /**
   * An existing MariaDB or MySQL server, reached through {@code url} (for example {@code
   * jdbc:mariadb://127.0.0.1:3306/}); databases created on it are dropped when the JVM exits (best
   * effort). Does not connect.
   *
   * @param url the JDBC URL of the server, with or without a database
   * @param user a user allowed to create databases
   * @param password the user's password, possibly empty
   * @return the server
   */
  public static MariaDbServer at(String url, String user, String password) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    int slash = base.indexOf('/', base.indexOf("//") + 2);
    String server = slash < 0 ? base + "/" : base.substring(0, slash + 1);
    MariaDbServer result =
        new MariaDbServer(server + (q < 0 ? "" : url.substring(q)), user, password);
    Runtime.getRuntime().addShutdownHook(new Thread(result::dropCreated, "drop-test-dbs"));
    return result;
  }

  /**
   * Why no server is available.
   *
   * @return the reason, or null when a server was found
   */
  public static String unavailableReason() {
    find();
    return unavailable;
  }

  /**
   * The user to connect as.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * The password of {@link #user()}.
   *
   * @return the password, possibly empty
   */
  public String password() {
    return password;
  }

  /**
   * The server's version string, such as {@code 10.11.19-MariaDB}.
   *
   * @return the version
   */
  public String version() {
    try (Connection c = DriverManager.getConnection(baseUrl, user, password)) {
      return c.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the MariaDB version: " + e.getMessage(), e);
    }
  }

  /**
   * Creates an empty database with a unique name; it is dropped when the JVM exits.
   *
   * @return its JDBC URL
   */
  public String createDatabase() {
    String name = "godwit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(baseUrl, user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    created.add(name);
    return urlOf(name);
  }

  /**
   * The JDBC URL of the database {@code name} on this server.
   *
   * @param name the database
   * @return its URL, with this server's parameters
   */
  public String urlOf(String name) {
    int q = baseUrl.indexOf('?');
    String base = q < 0 ? baseUrl : baseUrl.substring(0, q);
    String slashed = base.endsWith("/") ? base : base + "/";
    return slashed + name + (q < 0 ? "" : baseUrl.substring(q));
  }

  /**
   * The database a URL of this server names.
   *
   * @param url a URL that {@link #createDatabase()} or {@link #urlOf(String)} returned
   * @return the database name
   */
  public static String databaseOf(String url) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    return base.substring(base.lastIndexOf('/') + 1);
  }

  /**
   * Drops the database at {@code url}, if it exists.
   *
   * @param url a URL that {@link #createDatabase()} returned
   * @throws IllegalStateException if it cannot be dropped
   */
  public void dropDatabase(String url) {
    String name = databaseOf(url);
    try (Connection c = DriverManager.getConnection(baseUrl, user, password);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS `" + name.replace("`", "``") + "`");
      created.remove(name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
    }
  }

  private void dropCreated() {
    try (Connection c = DriverManager.getConnection(baseUrl, user, password);
        Statement st = c.createStatement()) {
      for (String name : created) {
        st.execute("DROP DATABASE IF EXISTS `" + name + "`");
      }
    } catch (SQLException e) {
      // Best effort at JVM exit; the names are unique, so leftovers harm nothing.
    }
  }
}
