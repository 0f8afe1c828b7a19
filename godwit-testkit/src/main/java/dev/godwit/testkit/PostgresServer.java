package dev.godwit.testkit;

/**
 * A real PostgreSQL server that an integration test can create throw-away databases on.
 *
 * <p>Instances come from {@link PostgresServers}. An embedded server is started lazily, the first
 * time {@link #createDatabase()} or {@link #adminUrl()} is called, at most once per JVM, and is
 * stopped (its data thrown away) when the JVM exits. All methods are thread-safe.
 *
 * <p>{@code toString()} returns {@link #name()}, so instances read well as parameters of
 * parameterized tests.
 */
public interface PostgresServer {

  /**
   * A human-readable name, such as {@code "embedded PostgreSQL 18.6"} or {@code "PostgreSQL at
   * GODWIT_TEST_POSTGRES_URL"}. Does not start the server.
   *
   * @return the name of this server
   */
  String name();

  /**
   * The major version, such as 18 or 13. An embedded server knows it without starting; an external
   * one is asked once ({@code server_version_num / 10000}).
   *
   * @return the major version of this server
   */
  int majorVersion();

  /**
   * The user to connect as: a superuser on embedded servers ({@code postgres}).
   *
   * @return the user name to pass to the JDBC driver
   */
  String user();

  /**
   * The password of {@link #user()}; empty on embedded servers, which trust local connections.
   *
   * @return the password, possibly empty, never null
   */
  String password();

  /**
   * Creates a fresh, empty database with a unique name and returns its JDBC URL, for example {@code
   * jdbc:postgresql://127.0.0.1:41234/godwit_3_5f2a1c}. Starts the server if needed.
   *
   * @return the JDBC URL of the new database; connect with {@link #user()} and {@link #password()}
   * @throws IllegalStateException if the server cannot be started or the database not created
   */
  String createDatabase();

  /**
   * The JDBC URL of the server's administrative database ({@code postgres} on embedded servers).
   * Starts the server if needed.
   *
   * @return the JDBC URL of the administrative database
   * @throws IllegalStateException if the server cannot be started
   */
  String adminUrl();

  /**
   * Creates a database with a unique name as a copy of the database at {@code templateUrl} (a URL
   * this server returned) with {@code CREATE DATABASE ... TEMPLATE}: PostgreSQL copies its files,
   * which takes milliseconds where re-creating its schema takes seconds. Nobody may be connected to
   * the template meanwhile.
   *
   * @param templateUrl the JDBC URL of the database to copy, on this server
   * @return the JDBC URL of the copy
   * @throws IllegalStateException if the copy cannot be made (for example, because a session is
   *     connected to the template)
   */
  default String copyDatabase(String templateUrl) {
    return JdbcUrls.withDatabase(
        adminUrl(),
        Databases.create(adminUrl(), user(), password(), JdbcUrls.databaseOf(templateUrl)));
  }

  /**
   * Drops the database at {@code url} (a URL this server returned), first ending the sessions still
   * connected to it. Does nothing if it does not exist.
   *
   * @param url the JDBC URL of the database to drop
   * @throws IllegalStateException if it cannot be dropped
   */
  default void dropDatabase(String url) {
    try {
      Databases.drop(adminUrl(), user(), password(), JdbcUrls.databaseOf(url));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not drop " + url + ": " + e.getMessage(), e);
    }
  }
}
