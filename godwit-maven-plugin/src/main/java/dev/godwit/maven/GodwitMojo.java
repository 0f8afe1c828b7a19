package dev.godwit.maven;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: the settings (one field per {@link ConfigKey}, named as the key, so that
 * {@code <url>} in the pom, {@code -Dgodwit.url} and {@code url} in godwit.toml are one setting),
 * the credentials of a settings.xml server, the project's class loader, and the mapping of Godwit's
 * errors onto Maven's two failure kinds.
 *
 * <p>A goal for a new command is one small class: {@code @Mojo(name = ...)} and a {@link
 * #run(Godwit)} that calls the command and logs its result. A new {@link ConfigKey} needs a field
 * here of the same name (PomSettingsTest fails until it has one); its {@code godwit.*} property and
 * godwit.toml key work without one.
 */
abstract class GodwitMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  // Maven 3's way of injecting a component into a mojo field, deprecated for constructor
  // injection, which an abstract base shared by nine goals would make each of them repeat.
  @SuppressWarnings("deprecation")
  @Component
  SettingsDecrypter decrypter;

  /** Skips the goal. */
  @Parameter(property = "godwit.skip", defaultValue = "false")
  boolean skip;

  /**
   * The id of a {@code <server>} in settings.xml whose username and password are the database
   * credentials; a user or password set in the pom or as a property wins over it.
   */
  @Parameter(property = "godwit.serverId")
  String serverId;

  /** Godwit's configuration file; read when it exists. The pom and properties override it. */
  @Parameter(property = "godwit.configFile", defaultValue = "${project.basedir}/godwit.toml")
  File configFile;

  /** The {@code [environments.NAME]} section of the configuration file to apply. */
  @Parameter(property = "godwit.environment")
  String environment;

  // The settings: one field per ConfigKey, named as its key. Text is parsed and checked by the
  // core (GodwitConfig.Builder), so a bad value fails with the same message as on the CLI.

  /** JDBC URL of the database. */
  @Parameter String url;

  /** Database user. */
  @Parameter String user;

  /** Database password; never logged. Prefer {@code serverId}. */
  @Parameter String password;

  /** Schemas Godwit manages; the first holds the history table. */
  @Parameter List<String> schemas;

  /** Schema for the history table (default: the first schema). */
  @Parameter String defaultSchema;

  /** Name of the history table. */
  @Parameter String table;

  /**
   * Where migrations are: {@code filesystem:<dir>} (relative to the project's directory) or {@code
   * classpath:<package>} (the compile class path). Default: {@code
   * filesystem:src/main/resources/db/migration}.
   */
  @Parameter List<String> locations;

  /** Encoding of SQL files. */
  @Parameter String encoding;

  /** Migrate up to this version (latest, current, next or a version). */
  @Parameter String target;

  /** Allow pending versions below the latest applied one. */
  @Parameter String outOfOrder;

  /** Validate before migrating. */
  @Parameter String validateOnMigrate;

  /** Misnamed files are an error, not a warning. */
  @Parameter String validateMigrationNaming;

  /** States validate ignores. */
  @Parameter List<String> ignoreMigrationPatterns;

  /** Version recorded by baseline. */
  @Parameter String baselineVersion;

  /** Description of the baseline. */
  @Parameter String baselineDescription;

  /** Baseline a non-empty schema without history. */
  @Parameter String baselineOnMigrate;

  /** Allow clean (never in production). */
  @Parameter String cleanEnabled;

  /** Production: no clean, no undo without override. */
  @Parameter String production;

  /** Values for placeholders in SQL. */
  @Parameter Map<String, String> placeholders;

  /** Replace placeholders in SQL. */
  @Parameter String placeholderReplacement;

  /** Text that opens a placeholder. */
  @Parameter String placeholderPrefix;

  /** Text that closes a placeholder. */
  @Parameter String placeholderSuffix;

  /** Prefix of versioned files. */
  @Parameter String sqlMigrationPrefix;

  /** Prefix of undo files. */
  @Parameter String undoSqlMigrationPrefix;

  /** Prefix of repeatable files. */
  @Parameter String repeatableSqlMigrationPrefix;

  /** Separator between version and description. */
  @Parameter String sqlMigrationSeparator;

  /** Suffixes of SQL files. */
  @Parameter List<String> sqlMigrationSuffixes;

  /** Seconds to wait for another runner's lock. */
  @Parameter String lockWaitTimeout;

  /** Longest wait of one attempt for a table lock, such as 500ms; 0 turns it off. */
  @Parameter String lockTimeout;

  /** Retries after a lock timeout. */
  @Parameter String lockRetries;

  /** Longest run of one statement, such as 30s; 0 turns it off. */
  @Parameter String statementTimeout;

  /** Retries when the database is unreachable. */
  @Parameter String connectRetries;

  /** Longest wait between connection retries, seconds. */
  @Parameter String connectRetriesInterval;

  /** installed_by value (default: the database user). */
  @Parameter String installedBy;

  /** Run each migration in a transaction. */
  @Parameter String executeInTransaction;

  /** A migration mixing transactional and non-transactional statements runs without one. */
  @Parameter String mixed;

  /** Create missing schemas. */
  @Parameter String createSchemas;

  /** Consecutive plain DML statements per JDBC batch. */
  @Parameter String batchSize;

  /** Lint rules to turn on. */
  @Parameter List<String> lintEnable;

  /** Lint rules to turn off. */
  @Parameter List<String> lintDisable;

  /** Severity per lint rule: rule id to info, warn or error. */
  @Parameter Map<String, String> lintSeverity;

  /** Rows per batch of a {@code -- godwit:batch} backfill (default 1000). */
  @Parameter String backfillRows;

  /** Pause between two batches of a backfill, such as 50ms (default 0). */
  @Parameter String backfillPause;

  /** SQL run on every new connection before Godwit uses it, such as SET ROLE app. */
  @Parameter String initSql;

  /** Properties handed to the JDBC driver when connecting. */
  @Parameter Map<String, String> jdbcProperties;

  /** JDBC driver class; by default the driver that accepts the URL. */
  @Parameter String driver;

  /** Folders of extra jars (drivers, Java migrations); the plugin's own dependencies come first. */
  @Parameter List<String> jarDirs;

  /** Whether all pending migrations run in one transaction (PostgreSQL and SQLite). */
  @Parameter String group;

  /** Tablespace of the history table (PostgreSQL). */
  @Parameter String tablespace;

  /** Flyway Java callbacks to run at the callback events: classes or packages holding them. */
  @Parameter List<String> callbacks;

  /** The goal's name, for messages. */
  abstract String goal();

  /** Runs the command and logs its result. */
  abstract void run(Godwit godwit) throws MojoFailureException, MojoExecutionException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("godwit:" + goal() + " skipped (godwit.skip)");
      return;
    }
    String secret = null;
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader projectLoader = projectClassLoader()) {
      GodwitConfig config =
          new PomSettings(this, getLog())
              .builder(
                  SettingsServers.credentials(settings, decrypter, serverId),
                  project.getProperties(),
                  session.getUserProperties(),
                  project.getBasedir())
              .classLoader(projectLoader)
              .build();
      secret = config.string(ConfigKey.PASSWORD);
      registerDrivers();
      Thread.currentThread().setContextClassLoader(projectLoader);
      getLog().debug("Godwit settings: " + config.describe());
      run(Godwit.of(config));
    } catch (GodwitException e) {
      fail(e, secret);
    } catch (IOException e) {
      throw new MojoExecutionException("godwit:" + goal() + ": " + e.getMessage(), e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  /**
   * The project's compile class path (its classes, resources and dependencies) over the plugin's
   * own, so that {@code classpath:} locations and Java migrations are found, and a migration's
   * {@code JavaMigration} is the plugin's.
   */
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (org.apache.maven.artifact.DependencyResolutionRequiredException
        | MalformedURLException e) {
      throw new MojoExecutionException("godwit:" + goal() + ": " + e.getMessage(), e);
    }
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /**
   * Loads the JDBC drivers among the plugin's dependencies. DriverManager finds drivers with the
   * class loader that was current when it was first used in this JVM, which may be another
   * plugin's.
   */
  private void registerDrivers() {
    Iterator<Driver> drivers =
        ServiceLoader.load(Driver.class, getClass().getClassLoader()).iterator();
    while (true) {
      try {
        if (!drivers.hasNext()) {
          return;
        }
        drivers.next();
      } catch (ServiceConfigurationError e) {
        getLog().debug("A JDBC driver could not be loaded: " + e.getMessage());
      }
    }
  }

  /**
   * Godwit's error as Maven's: a problem with the migrations or the database's state (a failed
   * statement, validation, lint, a refusal, a lock) is a build failure; a bad setting, an
   * unreachable database or a bug is an execution error. Either names the error code.
   */
  private void fail(GodwitException e, String secret)
      throws MojoExecutionException, MojoFailureException {
    String message =
        "godwit:"
            + goal()
            + " failed ["
            + e.code()
            + "]: "
            + SecretMasking.scrub(e.getMessage(), secret);
    switch (e.code()) {
      case CONFIGURATION, CONNECTION, INTERNAL, UNSUPPORTED ->
          throw new MojoExecutionException(message, e);
      default -> throw new MojoFailureException(message, e);
    }
  }

  /** A failure of this goal with Godwit's error code, for a result the goal refuses. */
  MojoFailureException refused(ErrorCode code, String message) {
    return new MojoFailureException("godwit:" + goal() + " failed [" + code + "]: " + message);
  }
}
