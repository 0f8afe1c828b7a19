package dev.godwit.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A bundled PostgreSQL release, started on first use (unpacking its binaries into the cache if
 * needed) and stopped by a shutdown hook. One instance per release and JVM, see {@link
 * PostgresServers}.
 */
final class EmbeddedPostgresServer implements PostgresServer {

  private final BundledRelease release;
  private PostgresInstance instance;
  private RuntimeException failure;

  EmbeddedPostgresServer(BundledRelease release) {
    this.release = release;
  }

  /** Why this server cannot run in this JVM, if it cannot. */
  Optional<String> unavailableReason() {
    Optional<String> reason = release.unavailableReason();
    return reason.isPresent() ? reason : Account.INSTANCE.problem();
  }

  EmbeddedPostgresServer requireAvailable() {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new IllegalStateException(reason.get());
    }
    return this;
  }

  @Override
  public String name() {
    return "embedded PostgreSQL " + release.postgresVersion();
  }

  @Override
  public int majorVersion() {
    if (release.majorVersion() > 0) {
      return release.majorVersion();
    }
    // Binaries not from a versioned jar: only the server itself can tell.
    try (Connection c = Databases.connect(adminUrl(), user(), password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not ask " + name() + " its version: " + e, e);
    }
  }

  @Override
  public String user() {
    return PostgresInstance.SUPERUSER;
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public String createDatabase() {
    PostgresInstance server = running();
    return server.url(Databases.create(server.url("postgres"), user(), password()));
  }

  /**
   * Copies with {@code STRATEGY FILE_COPY} from PostgreSQL 15 on: a copy of the template's files
   * after a checkpoint, which with fsync off costs nothing here, where the default (WAL_LOG) writes
   * every block of the template through the WAL: about 160 against 230 ms for a 10 MB template.
   */
  @Override
  public String copyDatabase(String templateUrl) {
    PostgresInstance server = running();
    return server.url(
        Databases.create(
            server.url("postgres"),
            user(),
            password(),
            JdbcUrls.databaseOf(templateUrl),
            majorVersion() >= 15 ? "STRATEGY FILE_COPY" : ""));
  }

  @Override
  public String adminUrl() {
    return running().url("postgres");
  }

  @Override
  public String toString() {
    return name();
  }

  private synchronized PostgresInstance running() {
    if (instance != null) {
      return instance;
    }
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    requireAvailable();
    try {
      instance = start();
      return instance;
    } catch (IOException | RuntimeException e) {
      failure = new IllegalStateException("Could not start " + name() + ": " + e.getMessage(), e);
      throw failure;
    }
  }

  private PostgresInstance start() throws IOException {
    long started = System.nanoTime();
    ServerAccount account = Account.INSTANCE;
    Path cache = CacheDirectory.prepare(System.getenv(), account);
    Path install = BinaryCache.install(release, cache);
    long unpacked = System.nanoTime();
    RunDirectories.removeStale(cache, account);
    Path runDir = RunDirectories.create(cache, majorVersion());
    PostgresInstance server;
    try {
      server = PostgresInstance.start(install, runDir, account);
    } catch (IOException | RuntimeException e) {
      Trees.deleteQuietly(runDir);
      throw e;
    }
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(server::stop, "godwit-postgres-" + majorVersion() + "-stop"));
    } catch (IllegalStateException shuttingDown) {
      server.stop();
      throw shuttingDown;
    }
    long done = System.nanoTime();
    Log.info(
        "Started "
            + name()
            + " on 127.0.0.1:"
            + server.port()
            + " as user "
            + account.user()
            + " in "
            + Duration.ofNanos(done - started).toMillis()
            + " ms (binaries ready in "
            + Duration.ofNanos(unpacked - started).toMillis()
            + " ms, initdb and start "
            + Duration.ofNanos(done - unpacked).toMillis()
            + " ms); data in "
            + runDir);
    return server;
  }

  /** The account of this JVM, detected once. */
  private static final class Account {
    static final ServerAccount INSTANCE = ServerAccount.detect(System.getenv());
  }
}
