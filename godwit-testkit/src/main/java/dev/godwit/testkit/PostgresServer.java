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
}
