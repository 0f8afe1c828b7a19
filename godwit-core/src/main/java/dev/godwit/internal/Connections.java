package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens connections from the URL or the DataSource, retrying an unreachable database. */
final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  private final GodwitConfig config;

  Connections(GodwitConfig config) {
    this.config = config;
    if (config.dataSource() == null && (config.url() == null || config.url().isBlank())) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "No database configured: set 'url' in godwit.toml (or --url, GODWIT_URL), e.g."
              + " jdbc:postgresql://localhost:5432/app");
    }
  }

  /** The target as it may be shown: the URL with its password masked. */
  String target() {
    return config.dataSource() != null
        ? "the configured DataSource"
        : SecretMasking.maskUrl(config.url());
  }

  String password() {
    return config.string(ConfigKey.PASSWORD);
  }

  /** The configured password and any password the URL carries: what messages must not show. */
  List<String> secrets() {
    return SecretMasking.secrets(config.url(), password());
  }

  Connection open() {
    int retries = config.number(ConfigKey.CONNECT_RETRIES);
    int cap = config.number(ConfigKey.CONNECT_RETRIES_INTERVAL);
    int waitSeconds = 1;
    for (int attempt = 0; ; attempt++) {
      Connection c;
      try {
        c = connectOnce();
      } catch (SQLException e) {
        boolean transientFailure = isTransient(e);
        if (!transientFailure || attempt >= retries) {
          throw failure(e, attempt + 1, transientFailure);
        }
        LOG.warn(
            "Cannot connect to {} ({}); retry {} of {} in {} s",
            target(),
            SecretMasking.scrub(e.getMessage(), secrets()),
            attempt + 1,
            retries,
            waitSeconds);
        sleep(waitSeconds);
        waitSeconds = Math.min(cap, waitSeconds * 2);
        continue;
      }
      return initialised(c);
    }
  }

  /** Runs {@code initSql} on a new connection, as Flyway does, before Godwit uses it. */
  private Connection initialised(Connection c) {
    String initSql = config.string(ConfigKey.INIT_SQL);
    if (initSql == null || initSql.isBlank()) {
      return c;
    }
    try (Statement st = c.createStatement()) {
      st.setEscapeProcessing(false);
      st.execute(initSql);
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return c;
    } catch (SQLException e) {
      Jdbc.closeQuietly(c);
      throw new GodwitException(
          ErrorCode.CONNECTION,
          "The 'initSql' setting failed on "
              + target()
              + ": "
              + SecretMasking.scrub(e.getMessage(), password())
              + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "")
              + ". It runs on every new connection; check its SQL.",
          e);
    }
  }

  private Connection connectOnce() throws SQLException {
    if (config.dataSource() != null) {
      String user = config.string(ConfigKey.USER);
      return user == null
          ? config.dataSource().getConnection()
          : config.dataSource().getConnection(user, password());
    }
    String url = config.url();
    refuseUnsupported(url);
    Properties props = new Properties();
    if (config.string(ConfigKey.USER) != null) {
      props.setProperty("user", config.string(ConfigKey.USER));
    }
    if (password() != null) {
      props.setProperty("password", password());
    }
    // Flyway's jdbcProperties: the driver's own settings, e.g. sslmode or an access token.
    config.map(ConfigKey.JDBC_PROPERTIES).forEach(props::setProperty);
    if (url.startsWith("jdbc:postgresql:")
        && !url.contains("ApplicationName=")
        && !props.containsKey("ApplicationName")) {
      // Operators find us in pg_stat_activity by this name.
      props.setProperty("ApplicationName", "godwit");
    }
    if (url.startsWith("jdbc:postgresql:") && !url.contains("assumeMinServerVersion=")) {
      // Lets pgjdbc put the application name in the startup packet instead of sending a SET
      // after connecting: one round trip less per connection. Godwit needs PostgreSQL 10+.
      props.setProperty("assumeMinServerVersion", "10");
    }
    Driver driver = driverFor(url);
    if (driver == null && url.startsWith("jdbc:mysql:")) {
      // The bundled MariaDB driver speaks to MySQL too, but only under its own URL scheme.
      url = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
      driver = driverFor(url);
    }
    if (driver == null) {
      throw new SQLException("No suitable driver found for " + SecretMasking.maskUrl(url));
    }
    Connection c = driver.connect(url, props);
    if (c == null) {
      throw new SQLException(
          "The driver " + driver.getClass().getName() + " does not accept the URL", "08001");
    }
    return c;
  }

  // Databases Godwit has a dialect for; a driver for another one on the class path is no help.
  private static final List<String> SUPPORTED_PREFIXES =
      List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:", "jdbc:h2:", "jdbc:sqlite:");

  /**
   * Refuses a URL of a database Godwit does not support before any driver sees it (so no driver
   * gets to log or echo it), naming only its prefix: the rest may carry a password.
   */
  private static void refuseUnsupported(String url) {
    if (SUPPORTED_PREFIXES.stream().anyMatch(url::startsWith)) {
      return;
    }
    int end = url.startsWith("jdbc:") ? url.indexOf(':', "jdbc:".length()) : -1;
    String prefix = end > 0 ? url.substring(0, end + 1) : null;
    throw new GodwitException(
        ErrorCode.UNSUPPORTED,
        (prefix == null
                ? "The url setting is not a JDBC URL (it does not start with jdbc:<database>:)."
                : "Godwit does not support the database of " + prefix + " URLs.")
            + " Supported: PostgreSQL (jdbc:postgresql:), MySQL and MariaDB (jdbc:mysql:,"
            + " jdbc:mariadb:), H2 (jdbc:h2:) and SQLite (jdbc:sqlite:).");
  }

  /**
   * The driver for a URL: the {@code driver} setting's class, else one registered with
   * DriverManager, else one found in the configured class loader (the CLI's {@code drivers/} and
   * {@code jarDirs} jars, which DriverManager does not see from Godwit's own class loader).
   */
  private Driver driverFor(String url) throws SQLException {
    ClassLoader loader = config.classLoader();
    String name = config.string(ConfigKey.DRIVER);
    if (name != null) {
      try {
        Class<?> type = Class.forName(name, true, loader);
        return (Driver) type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "The 'driver' setting names "
                + name
                + ", which cannot be loaded as a JDBC driver ("
                + e
                + "). Put its jar in drivers/ or a folder named by 'jarDirs'.",
            e);
      }
    }
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      // Not registered where DriverManager looks; try the configured class loader.
    }
    if (loader != null) {
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.acceptsURL(url)) {
          return d;
        }
      }
    }
    return null;
  }

  /** The jar a user adds for a URL whose driver is not bundled, named in the error. */
  static String missingDriverJar(String url) {
    String u = url == null ? "" : url;
    if (u.startsWith("jdbc:oracle:")) {
      return "Oracle's ojdbc11.jar (com.oracle.database.jdbc:ojdbc11)";
    }
    if (u.startsWith("jdbc:sqlserver:")) {
      return "Microsoft's mssql-jdbc jar (com.microsoft.sqlserver:mssql-jdbc)";
    }
    if (u.startsWith("jdbc:mysql:")) {
      return "MySQL Connector/J, mysql-connector-j.jar (com.mysql:mysql-connector-j)";
    }
    if (u.startsWith("jdbc:db2:")) {
      return "IBM's jcc.jar (com.ibm.db2:jcc)";
    }
    if (u.startsWith("jdbc:snowflake:")) {
      return "snowflake-jdbc.jar (net.snowflake:snowflake-jdbc)";
    }
    return "the database's JDBC driver jar";
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return e.getMessage() != null && e.getMessage().contains("refused");
    }
    // Class 08 is "connection exception"; 28 (bad login) and others will not heal by waiting.
    return state.startsWith("08") || state.startsWith("57P03");
  }

  private GodwitException failure(SQLException e, int attempts, boolean transientFailure) {
    String cause = SecretMasking.scrub(e.getMessage(), secrets());
    String hint;
    String state = e.getSQLState();
    if (state != null && state.startsWith("28")) {
      hint = "Check the 'user' and 'password' settings.";
    } else if (cause != null && cause.contains("No suitable driver")) {
      hint =
          "Godwit bundles drivers for PostgreSQL, MySQL/MariaDB, H2 and SQLite. For this URL add "
              + missingDriverJar(config.url())
              + " to the drivers/ folder next to godwit, or to a folder named by 'jarDirs'"
              + " (--jar-dirs), or to the application's class path; else check the URL's prefix.";
    } else if (transientFailure) {
      hint =
          "Check that the server is running and reachable; 'connectRetries' makes Godwit wait for it.";
    } else {
      hint = "Check the 'url', 'user' and 'password' settings.";
    }
    return new GodwitException(
        ErrorCode.CONNECTION,
        "Cannot connect to "
            + target()
            + (attempts > 1 ? " after " + attempts + " attempts" : "")
            + ": "
            + cause
            + (state != null ? " (SQLSTATE " + state + ")" : "")
            + ". "
            + hint);
  }

  private static void sleep(int seconds) {
    try {
      Thread.sleep(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GodwitException(ErrorCode.CONNECTION, "Interrupted while waiting to reconnect", e);
    }
  }
}
