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
    synchronized (created) {
      if (created.isEmpty()) {
        dropAbandoned();
        Runtime.getRuntime()
            .addShutdownHook(new Thread(this::dropCreated, "godwit-postgres-external-cleanup"));
      }
    }
    String database = Databases.create(adminUrl, user, password);
    synchronized (created) {
      created.add(database);
    }
    try {
      DatabaseOwner.mark(adminUrl, user, password, database);
    } catch (SQLException e) {
      Log.warn("Could not mark test database " + database + " with its owner: " + e);
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

  /**
   * Drops the databases this JVM created. It runs in a shutdown hook that the test runner cuts off
   * after a few seconds, so from PostgreSQL 13 on each database goes in one {@code WITH (FORCE)}
   * statement over one connection instead of terminating sessions and retrying; what is still left
   * is swept by the next run ({@link #dropAbandoned()}).
   */
  private void dropCreated() {
    List<String> databases;
    synchronized (created) {
      databases = List.copyOf(created);
    }
    try {
      Databases.dropAll(adminUrl, user, password, databases, majorVersion() >= 13);
    } catch (SQLException | RuntimeException e) {
      Log.warn("Could not drop the test databases at " + URL_VARIABLE + ": " + e);
    }
  }

  /**
   * Drops the test databases that JVMs of this host created and did not drop because they ended
   * first (killed, or cut off in their shutdown hook), so a shared server does not fill up run
   * after run. A database whose creator is still running is left alone.
   */
  private void dropAbandoned() {
    try {
      List<String> abandoned = DatabaseOwner.abandoned(adminUrl, user, password);
      if (!abandoned.isEmpty()) {
        Log.info("Dropping " + abandoned.size() + " test databases left by ended test runs");
        Databases.dropAll(adminUrl, user, password, abandoned, majorVersion() >= 13);
      }
    } catch (SQLException | RuntimeException e) {
      Log.warn("Could not drop the test databases left by earlier runs: " + e);
    }
  }
}
