package dev.godwit.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An existing PostgreSQL server named by {@code GODWIT_TEST_POSTGRES_URL}. The databases created on
 * it are dropped when the JVM exits (best effort).
 */
final class ExternalPostgresServer implements PostgresServer {

  static final String URL_VARIABLE = "GODWIT_TEST_POSTGRES_URL";
  static final String USER_VARIABLE = "GODWIT_TEST_POSTGRES_USER";
  static final String PASSWORD_VARIABLE = "GODWIT_TEST_POSTGRES_PASSWORD";

  private final String name;
  private final String adminUrl;
  private final String user;
  private final String password;
  private final List<String> created = new ArrayList<>();
  private int majorVersion;

  ExternalPostgresServer(String name, String adminUrl, String user, String password) {
    this.name = name;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * The server named by {@code env}, if any.
   *
   * @throws IllegalStateException if {@code GODWIT_TEST_POSTGRES_URL} is not a PostgreSQL JDBC URL
   */
  static Optional<ExternalPostgresServer> fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault(URL_VARIABLE, "").trim();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!url.startsWith(JdbcUrls.PREFIX)) {
      throw new IllegalStateException(
          URL_VARIABLE + " must be a JDBC URL starting with " + JdbcUrls.PREFIX + ", not " + url);
    }
    return Optional.of(
        new ExternalPostgresServer(
            "PostgreSQL at " + URL_VARIABLE,
            url,
            env.getOrDefault(USER_VARIABLE, "postgres"),
            env.getOrDefault(PASSWORD_VARIABLE, "")));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized int majorVersion() {
    if (majorVersion == 0) {
      try (Connection connection = Databases.connect(adminUrl, user, password);
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
        rs.next();
        majorVersion = Integer.parseInt(rs.getString(1)) / 10000;
      } catch (SQLException e) {
        throw new IllegalStateException("Could not connect to " + adminUrl + ": " + e, e);
      }
    }
    return majorVersion;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public String createDatabase() {
    String database = Databases.create(adminUrl, user, password);
    synchronized (created) {
      if (created.isEmpty()) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(this::dropCreated, "godwit-postgres-external-cleanup"));
      }
      created.add(database);
    }
    return JdbcUrls.withDatabase(adminUrl, database);
  }

  @Override
  public String adminUrl() {
    return adminUrl;
  }

  @Override
  public String toString() {
    return name;
  }

  private void dropCreated() {
    List<String> databases;
    synchronized (created) {
      databases = List.copyOf(created);
    }
    for (String database : databases) {
      try {
        Databases.drop(adminUrl, user, password, database);
      } catch (SQLException e) {
        Log.warn("Could not drop test database " + database + " at " + URL_VARIABLE + ": " + e);
      }
    }
  }
}
