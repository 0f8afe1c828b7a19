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
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
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
    int q = baseUrl.indexOf('?');
    return q < 0 ? baseUrl + name : baseUrl.substring(0, q) + name + baseUrl.substring(q);
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
