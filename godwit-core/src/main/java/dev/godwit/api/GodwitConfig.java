package dev.godwit.api;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Godwit's configuration: immutable once built. Every value is keyed by a {@link ConfigKey}; unset
 * keys take their documented defaults.
 *
 * <p>The {@link Builder} takes values in code and reads the command line's sources: a godwit.toml
 * ({@link Builder#configFile}), Flyway's files ({@link Builder#flywayConfig}), the files found in a
 * directory ({@link Builder#discover}) and the environment variables ({@link
 * Builder#fromEnvironment}). The precedence is the command line's, whatever the order of the calls:
 *
 * <pre>{@code
 * GodwitConfig config = Godwit.configure()
 *     .configFile(Path.of("godwit.toml"))   // lowest: the file, its selected environment over it
 *     .environment("prod")                  // [environments.prod]
 *     .fromEnvironment()                    // then GODWIT_* variables (System.getenv())
 *     .lockTimeout(Duration.ofSeconds(2))   // highest: values given in code
 *     .build();                             // reads and checks everything, before connecting
 * config.sources();                         // [godwit.toml, the environment (GODWIT_URL)]
 * }</pre>
 */
public final class GodwitConfig {
  private final Map<ConfigKey, Object> values;
  private final Map<ConfigKey, Object> parsed;
  private final Set<ConfigKey> explicit;
  private final DataSource dataSource;
  private final List<JavaMigration> javaMigrations;
  private final ClassLoader classLoader;
  private final String environment;
  private final List<ConfigSource> sources;
  private final List<String> warnings;

  private GodwitConfig(Builder b) {
    EnumMap<ConfigKey, Object> all = new EnumMap<>(ConfigKey.class);
    EnumMap<ConfigKey, Object> checked = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) {
      Object v = b.values.get(k);
      if (v == null) {
        v = k.defaultValue();
      }
      if (v != null) {
        // Every value, given or default, is checked and parsed here, once: a bad one fails
        // before anything connects.
        Object typed = k.ofKind(v);
        all.put(k, typed);
        checked.put(k, k.parsed(typed));
      }
    }
    this.values = Collections.unmodifiableMap(all);
    this.parsed = Collections.unmodifiableMap(checked);
    EnumSet<ConfigKey> given = EnumSet.noneOf(ConfigKey.class);
    given.addAll(b.values.keySet());
    this.explicit = Collections.unmodifiableSet(given);
    this.dataSource = b.dataSource;
    this.javaMigrations = List.copyOf(b.javaMigrations);
    this.classLoader = b.classLoader;
    this.environment = b.environment;
    this.sources = List.copyOf(b.sources);
    this.warnings = List.copyOf(b.warnings);
  }

  /** A new builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    explicit.forEach(k -> b.values.put(k, values.get(k)));
    b.dataSource = dataSource;
    b.javaMigrations.addAll(javaMigrations);
    b.classLoader = classLoader;
    b.environment = environment;
    // The values read are in the builder now; the report of where they came from stays.
    b.sources.addAll(sources);
    b.warnings.addAll(warnings);
    return b;
  }

  /** The raw typed value of a setting, or null when unset and without default. */
  public Object get(ConfigKey key) {
    return values.get(key);
  }

  /**
   * Whether a setting was given (by a file, a variable, a flag or the Java API), as opposed to
   * taking its default.
   */
  public boolean isSet(ConfigKey key) {
    return explicit.contains(key);
  }

  /** A string setting, or null. */
  public String string(ConfigKey key) {
    Object v = values.get(key);
    return v == null ? null : v.toString();
  }

  /** A boolean setting. */
  public boolean flag(ConfigKey key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  /** An integer setting (0 when unset). */
  public int number(ConfigKey key) {
    Object v = values.get(key);
    return v instanceof Integer i ? i : 0;
  }

  /** A duration setting ({@link ConfigKey.Kind#DURATION}); zero when unset or off. */
  public Duration duration(ConfigKey key) {
    Object v = values.get(key);
    return v instanceof Duration d ? d : Duration.ZERO;
  }

  /** A list setting (empty when unset). */
  @SuppressWarnings("unchecked")
  public List<String> list(ConfigKey key) {
    Object v = values.get(key);
    return v == null ? List.of() : (List<String>) v;
  }

  /** A map setting ({@link ConfigKey.Kind#MAP}); empty when unset. */
  @SuppressWarnings("unchecked")
  public Map<String, String> map(ConfigKey key) {
    Object v = values.get(key);
    return v == null ? Map.of() : (Map<String, String>) v;
  }

  /** The {@code target} setting, parsed. */
  public MigrationTarget target() {
    return (MigrationTarget) parsed.get(ConfigKey.TARGET);
  }

  /** The {@code baselineVersion} setting, parsed: the version {@code baseline} records. */
  public MigrationVersion baselineVersion() {
    return (MigrationVersion) parsed.get(ConfigKey.BASELINE_VERSION);
  }

  /** The {@code encoding} setting: the charset of SQL files without an encoding of their own. */
  public Charset encoding() {
    return (Charset) parsed.get(ConfigKey.ENCODING);
  }

  /** The {@code ignoreMigrationPatterns} setting, parsed. */
  @SuppressWarnings("unchecked")
  public List<IgnoreMigrationPattern> ignoreMigrationPatterns() {
    return (List<IgnoreMigrationPattern>) parsed.get(ConfigKey.IGNORE_MIGRATION_PATTERNS);
  }

  /** The placeholders. */
  @SuppressWarnings("unchecked")
  public Map<String, String> placeholders() {
    Object v = values.get(ConfigKey.PLACEHOLDERS);
    return v == null ? Map.of() : (Map<String, String>) v;
  }

  /** The JDBC URL, or null when a DataSource is used. */
  public String url() {
    return string(ConfigKey.URL);
  }

  /** The data source given through the Java API, or null. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Java migrations given directly through the Java API. */
  public List<JavaMigration> javaMigrations() {
    return javaMigrations;
  }

  /** The class loader for classpath locations and Java migrations. */
  public ClassLoader classLoader() {
    return classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
  }

  /** The name of the selected environment, or null. */
  public String environment() {
    return environment;
  }

  /**
   * The sources the configuration was read from, in increasing precedence (a godwit.toml or
   * Flyway's configuration, then Godwit's variables): files by name, variables by name without
   * their values. Empty when everything was given in code. The command line logs them once.
   */
  public List<ConfigSource> sources() {
    return sources;
  }

  /**
   * What was noticed while reading the sources without being an error (keys of a flyway.conf that
   * are not Flyway settings, a Flyway variable set both old-style and new-style). The library never
   * prints: the caller shows them.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** Every set value, for display; the password is masked. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.key(), k.isSecret() ? "******" : v));
    return out;
  }

  /** Builds a {@link GodwitConfig}, or a {@link Godwit} directly with {@link #load()}. */
  public static final class Builder {
    private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    private DataSource dataSource;
    private final List<JavaMigration> javaMigrations = new ArrayList<>();
    private ClassLoader classLoader;
    private String environment;
    // The sources to read when built; see readsSources().
    private Path configFile;
    private List<Path> flywayFiles;
    private Path directory;
    private Map<String, String> environ;
    private boolean fromEnvironment;
    // Sources already read, when derived from a configuration (toBuilder).
    private final List<ConfigSource> sources = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Builder() {}

    /**
     * Sets a typed value: String, Boolean, Integer, Duration, List of String or Map of String; text
     * for a setting of another kind is converted (a duration as {@code "500ms"}, or the number 0
     * for off). {@link #build()} checks it.
     */
    public Builder set(ConfigKey key, Object value) {
      Objects.requireNonNull(key, "key");
      if (value instanceof String s && key.kind() != ConfigKey.Kind.STRING) {
        values.put(key, key.parse(s));
      } else if (value instanceof Number n && key.kind() == ConfigKey.Kind.DURATION) {
        // A bare number is refused at once with the reason (its unit is ambiguous); 0 is off.
        values.put(key, key.parse(n.toString()));
      } else if (value instanceof List<?> l) {
        values.put(key, List.copyOf(l.stream().map(String::valueOf).toList()));
      } else if (value instanceof Map<?, ?> m) {
        Map<String, String> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
        values.put(key, Collections.unmodifiableMap(copy));
      } else {
        values.put(key, value);
      }
      return this;
    }

    /** Sets the JDBC URL. */
    public Builder url(String url) {
      return set(ConfigKey.URL, url);
    }

    /** Sets the JDBC URL and the credentials. */
    public Builder url(String url, String user, String password) {
      set(ConfigKey.URL, url);
      set(ConfigKey.USER, user);
      return set(ConfigKey.PASSWORD, password);
    }

    /** Uses this data source instead of a URL. */
    public Builder dataSource(DataSource ds) {
      this.dataSource = ds;
      return this;
    }

    /** Sets the locations, e.g. {@code "filesystem:db/migration"}. */
    public Builder locations(String... locations) {
      return set(ConfigKey.LOCATIONS, List.of(locations));
    }

    /** Sets the managed schemas. */
    public Builder schemas(String... schemas) {
      return set(ConfigKey.SCHEMAS, List.of(schemas));
    }

    /** Sets the history table name. */
    public Builder table(String table) {
      return set(ConfigKey.TABLE, table);
    }

    /** Sets the placeholders. */
    public Builder placeholders(Map<String, String> placeholders) {
      return set(ConfigKey.PLACEHOLDERS, placeholders);
    }

    /** Sets one placeholder, keeping the others. */
    public Builder placeholder(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>();
      if (values.get(ConfigKey.PLACEHOLDERS) instanceof Map<?, ?> m) {
        m.forEach((k, v) -> all.put(String.valueOf(k), String.valueOf(v)));
      }
      all.put(Objects.requireNonNull(name, "name"), value);
      return set(ConfigKey.PLACEHOLDERS, all);
    }

    /** Sets the target version. */
    public Builder target(String target) {
      return set(ConfigKey.TARGET, target);
    }

    /** Sets {@code user}: database user. */
    public Builder user(String value) {
      return set(ConfigKey.USER, value);
    }

    /** Sets {@code password}: database password; never printed. */
    public Builder password(String value) {
      return set(ConfigKey.PASSWORD, value);
    }

    /** Sets {@code defaultSchema}: schema for the history table (default: first schema). */
    public Builder defaultSchema(String value) {
      return set(ConfigKey.DEFAULT_SCHEMA, value);
    }

    /** Sets {@code encoding}: encoding of SQL files (a .sql.conf may override). */
    public Builder encoding(String value) {
      return set(ConfigKey.ENCODING, value);
    }

    /** Sets {@code outOfOrder}: allow pending versions below the latest. */
    public Builder outOfOrder(boolean value) {
      return set(ConfigKey.OUT_OF_ORDER, value);
    }

    /** Sets {@code validateOnMigrate}: validate before migrating. */
    public Builder validateOnMigrate(boolean value) {
      return set(ConfigKey.VALIDATE_ON_MIGRATE, value);
    }

    /** Sets {@code validateMigrationNaming}: misnamed files are an error, not a warning. */
    public Builder validateMigrationNaming(boolean value) {
      return set(ConfigKey.VALIDATE_MIGRATION_NAMING, value);
    }

    /**
     * Sets {@code ignoreMigrationPatterns}: states validate ignores, each written {@code
     * <versioned|repeatable|*>:<missing|pending|ignored|future|*>}.
     */
    public Builder ignoreMigrationPatterns(String... value) {
      return set(ConfigKey.IGNORE_MIGRATION_PATTERNS, List.of(value));
    }

    /** Sets {@code baselineVersion}: version recorded by baseline. */
    public Builder baselineVersion(String value) {
      return set(ConfigKey.BASELINE_VERSION, value);
    }

    /** Sets {@code baselineDescription}: description of the baseline. */
    public Builder baselineDescription(String value) {
      return set(ConfigKey.BASELINE_DESCRIPTION, value);
    }

    /** Sets {@code baselineOnMigrate}: baseline a non-empty schema without history. */
    public Builder baselineOnMigrate(boolean value) {
      return set(ConfigKey.BASELINE_ON_MIGRATE, value);
    }

    /** Sets {@code cleanEnabled}: allow clean (never in production). */
    public Builder cleanEnabled(boolean value) {
      return set(ConfigKey.CLEAN_ENABLED, value);
    }

    /** Sets {@code production}: production: no clean, no undo without override. */
    public Builder production(boolean value) {
      return set(ConfigKey.PRODUCTION, value);
    }

    /** Sets {@code placeholderReplacement}: replace placeholders in SQL. */
    public Builder placeholderReplacement(boolean value) {
      return set(ConfigKey.PLACEHOLDER_REPLACEMENT, value);
    }

    /** Sets {@code placeholderPrefix}: text that opens a placeholder. */
    public Builder placeholderPrefix(String value) {
      return set(ConfigKey.PLACEHOLDER_PREFIX, value);
    }

    /** Sets {@code placeholderSuffix}: text that closes a placeholder. */
    public Builder placeholderSuffix(String value) {
      return set(ConfigKey.PLACEHOLDER_SUFFIX, value);
    }

    /** Sets {@code sqlMigrationPrefix}: prefix of versioned files. */
    public Builder sqlMigrationPrefix(String value) {
      return set(ConfigKey.SQL_MIGRATION_PREFIX, value);
    }

    /** Sets {@code undoSqlMigrationPrefix}: prefix of undo files. */
    public Builder undoSqlMigrationPrefix(String value) {
      return set(ConfigKey.UNDO_SQL_MIGRATION_PREFIX, value);
    }

    /** Sets {@code repeatableSqlMigrationPrefix}: prefix of repeatable files. */
    public Builder repeatableSqlMigrationPrefix(String value) {
      return set(ConfigKey.REPEATABLE_SQL_MIGRATION_PREFIX, value);
    }

    /** Sets {@code sqlMigrationSeparator}: separator between version and description. */
    public Builder sqlMigrationSeparator(String value) {
      return set(ConfigKey.SQL_MIGRATION_SEPARATOR, value);
    }

    /** Sets {@code sqlMigrationSuffixes}: suffixes of SQL files. */
    public Builder sqlMigrationSuffixes(String... value) {
      return set(ConfigKey.SQL_MIGRATION_SUFFIXES, List.of(value));
    }

    /** Sets {@code lockWaitTimeout}: seconds to wait for another runner's lock. */
    public Builder lockWaitTimeout(int value) {
      return set(ConfigKey.LOCK_WAIT_TIMEOUT, value);
    }

    /**
     * Sets {@code lockTimeout}: longest wait of one attempt for a table lock (PostgreSQL,
     * MySQL/MariaDB); 0 turns it off.
     */
    public Builder lockTimeout(Duration value) {
      return set(ConfigKey.LOCK_TIMEOUT, value);
    }

    /**
     * Sets {@code lockRetries}: retries after a lock timeout, with backoff: the whole migration, or
     * in one without a transaction the statement.
     */
    public Builder lockRetries(int value) {
      return set(ConfigKey.LOCK_RETRIES, value);
    }

    /**
     * Sets {@code statementTimeout}: longest run of one statement (PostgreSQL, MariaDB); 0 turns it
     * off.
     */
    public Builder statementTimeout(Duration value) {
      return set(ConfigKey.STATEMENT_TIMEOUT, value);
    }

    /** Sets {@code connectRetries}: retries when the database is unreachable. */
    public Builder connectRetries(int value) {
      return set(ConfigKey.CONNECT_RETRIES, value);
    }

    /** Sets {@code connectRetriesInterval}: longest wait between retries, seconds. */
    public Builder connectRetriesInterval(int value) {
      return set(ConfigKey.CONNECT_RETRIES_INTERVAL, value);
    }

    /**
     * Sets {@code initSql}: sQL run on every new connection before anything else, e.g. SET ROLE
     * app_owner.
     */
    public Builder initSql(String value) {
      return set(ConfigKey.INIT_SQL, value);
    }

    /**
     * Sets {@code jdbcProperties}: properties handed to the JDBC driver when connecting (name=value
     * pairs).
     */
    public Builder jdbcProperties(Map<String, String> value) {
      return set(ConfigKey.JDBC_PROPERTIES, value);
    }

    /** Sets {@code driver}: jDBC driver class; by default the driver that accepts the URL. */
    public Builder driver(String value) {
      return set(ConfigKey.DRIVER, value);
    }

    /**
     * Sets {@code jarDirs}: folders whose jars (JDBC drivers, Java migrations) the CLI loads,
     * besides drivers/.
     */
    public Builder jarDirs(String... value) {
      return set(ConfigKey.JAR_DIRS, List.of(value));
    }

    /**
     * Sets {@code callbacks}: Flyway Java callbacks (classes implementing Flyway's {@code
     * Callback}, or packages holding them) to run at the callback events.
     */
    public Builder callbacks(String... value) {
      return set(ConfigKey.CALLBACKS, List.of(value));
    }

    /** Sets {@code installedBy}: installed_by value (default: database user). */
    public Builder installedBy(String value) {
      return set(ConfigKey.INSTALLED_BY, value);
    }

    /** Sets {@code executeInTransaction}: run each migration in a transaction. */
    public Builder executeInTransaction(boolean value) {
      return set(ConfigKey.EXECUTE_IN_TRANSACTION, value);
    }

    /**
     * Sets {@code mixed}: a migration mixing transactional and non-transactional statements runs
     * without a transaction; false makes that an error (Flyway's default).
     */
    public Builder mixed(boolean value) {
      return set(ConfigKey.MIXED, value);
    }

    /**
     * Sets {@code group}: apply all pending migrations in one transaction (PostgreSQL and SQLite,
     * where DDL is transactional); a failure rolls them all back.
     */
    public Builder group(boolean value) {
      return set(ConfigKey.GROUP, value);
    }

    /**
     * Sets {@code tablespace}: postgreSQL tablespace for the history table when Godwit creates it.
     */
    public Builder tablespace(String value) {
      return set(ConfigKey.TABLESPACE, value);
    }

    /** Sets {@code createSchemas}: create missing schemas. */
    public Builder createSchemas(boolean value) {
      return set(ConfigKey.CREATE_SCHEMAS, value);
    }

    /** Sets {@code batchSize}: consecutive plain DML statements per JDBC batch. */
    public Builder batchSize(int value) {
      return set(ConfigKey.BATCH_SIZE, value);
    }

    /** Sets {@code backfillRows}: rows per batch of a {@code -- godwit:batch} backfill. */
    public Builder backfillRows(int value) {
      return set(ConfigKey.BACKFILL_ROWS, value);
    }

    /** Sets {@code backfillPause}: the pause between two batches of a backfill. */
    public Builder backfillPause(Duration value) {
      return set(ConfigKey.BACKFILL_PAUSE, value);
    }

    /** Sets {@code lintEnable}: lint rules to turn on ([lint] enable in godwit.toml). */
    public Builder lintEnable(String... value) {
      return set(ConfigKey.LINT_ENABLE, List.of(value));
    }

    /** Sets {@code lintDisable}: lint rules to turn off ([lint] disable in godwit.toml). */
    public Builder lintDisable(String... value) {
      return set(ConfigKey.LINT_DISABLE, List.of(value));
    }

    /**
     * Sets {@code lintSeverity}: severity per lint rule, rule=info|warn|error ([lint] severity in
     * godwit.toml).
     */
    public Builder lintSeverity(Map<String, String> value) {
      return set(ConfigKey.LINT_SEVERITY, value);
    }

    /** Adds Java migrations. */
    public Builder javaMigrations(JavaMigration... migrations) {
      javaMigrations.addAll(List.of(migrations));
      return this;
    }

    /** The class loader for classpath locations. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = loader;
      return this;
    }

    /**
     * Selects the environment: the {@code [environments.NAME]} section of the godwit.toml read (or
     * Flyway's environment of a flyway.toml), which overrides the file's top-level values. Without
     * one, {@code GODWIT_ENV} selects it when the variables are read ({@link #fromEnvironment()},
     * {@link #discover}), else {@code default} when the file has that section. Without a file, it
     * only records the name ({@code ${godwit:environment}}).
     */
    public Builder environment(String name) {
      this.environment = name;
      return this;
    }

    /**
     * Reads this file when the configuration is built, as {@code godwit --config FILE} does: a
     * godwit.toml, or Flyway's configuration when the file is Flyway's (a {@code .conf} file, a
     * file named {@code flyway*}, or a TOML file with a {@code [flyway]} table), read as Flyway
     * reads it and mapped onto Godwit's settings. {@code ${env.NAME}} in a value reads the variable
     * ({@link #environmentVariables}); an unset one is an error. Unknown keys are errors with the
     * closest valid name, and every value is checked, each error naming the file, line and column.
     * Values given to this builder beat the file's. Wins over {@link #flywayConfig} and {@link
     * #discover}.
     *
     * @param file the file; it must exist when the configuration is built
     */
    public Builder configFile(Path file) {
      this.configFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Reads Flyway's configuration files as Flyway does (all {@code .conf}, or all {@code .toml}
     * with their environments; later files win), mapped onto Godwit's settings with Flyway's
     * defaults where they differ from Godwit's (the history table {@code flyway_schema_history},
     * the baseline description, {@code mixed = false}, the {@code sql} folder). A Flyway setting
     * Godwit does not support is an error naming it. With no file, the configuration is read as
     * Flyway's from its variables alone ({@link #fromEnvironment()}), or, with {@link #discover},
     * whenever no godwit.toml is found.
     *
     * @param files Flyway's files; each must exist when the configuration is built
     */
    public Builder flywayConfig(Path... files) {
      this.flywayFiles = List.of(files);
      return this;
    }

    /**
     * Finds the configuration in a directory as the command line does without {@code --config}: the
     * directory's godwit.toml, else the file {@code GODWIT_CONFIG} names, else Flyway's files as
     * Flyway finds them ({@code FLYWAY_CONFIG_FILES}, else {@code flyway.toml} and {@code
     * flyway.user.toml}, else {@code flyway.conf}), else, with {@link #fromEnvironment()} and a
     * {@code FLYWAY_*} variable set, Flyway's variables alone. An environment selected with none of
     * these found is an error.
     *
     * @param directory the directory, usually the working directory ({@code Path.of("")})
     */
    public Builder discover(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The environment variables the sources read: {@code ${env.NAME}} in godwit.toml and
     * flyway.toml, {@code ${NAME}} in flyway.conf, {@code GODWIT_CONFIG}, {@code GODWIT_ENV},
     * {@code FLYWAY_CONFIG_FILES}, and the settings of {@link #fromEnvironment()}. By default the
     * process's ({@link System#getenv()}); tests and embedders pass their own.
     */
    public Builder environmentVariables(Map<String, String> variables) {
      this.environ = Map.copyOf(variables);
      return this;
    }

    /**
     * Reads the environment variables as settings, over the files: {@code GODWIT_<SETTING>} (such
     * as {@code GODWIT_URL}, {@code GODWIT_LOCK_TIMEOUT}) and {@code GODWIT_PLACEHOLDERS_<NAME>},
     * and, when no godwit.toml is read, Flyway's {@code FLYWAY_*} ones with Flyway's precedence (a
     * flyway.toml environment's own {@code flyway} table still wins over them). An unknown {@code
     * GODWIT_*} variable is an error with the closest valid name; the launchers' own ({@code
     * GODWIT_CDS}, {@code GODWIT_JAVA_OPTS}, ...) and those the file reads as {@code ${env.NAME}}
     * are accepted. {@code GODWIT_ENV} selects the environment unless {@link #environment} does.
     */
    public Builder fromEnvironment() {
      this.fromEnvironment = true;
      return this;
    }

    /**
     * Sets a setting by its Flyway name, with the value as Flyway's configuration writes it ({@code
     * cleanDisabled} = {@code false} sets {@code cleanEnabled}, {@code lockRetryCount}, {@code
     * placeholders.NAME}, {@code jdbcProperties.NAME}, and every setting of the same name and
     * meaning); one whose value is what Godwit does anyway ({@code group} = {@code false}) sets
     * nothing. Like the other setters, it beats the sources.
     *
     * @throws GodwitException with {@link ErrorCode#CONFIGURATION} at once, when Godwit has no
     *     counterpart of the setting or the value is not accepted
     */
    public Builder flywaySetting(String name, String value) {
      Godwit.flywaySetting(this, Objects.requireNonNull(name, "name"), value);
      return this;
    }

    private boolean readsSources() {
      return configFile != null || flywayFiles != null || directory != null || fromEnvironment;
    }

    /**
     * Builds the immutable configuration, checking every setting first (HikariCP's way): nothing
     * that uses a configuration has to meet a bad value after connecting.
     *
     * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming the first setting whose
     *     value is not accepted, the value (a password masked) and what the setting accepts
     */
    public GodwitConfig build() {
      if (!readsSources()) {
        return new GodwitConfig(this);
      }
      Builder read = new Builder();
      read.sources.addAll(sources);
      read.warnings.addAll(warnings);
      read.sources.addAll(
          Godwit.readConfiguration(
              read,
              read.warnings,
              configFile,
              flywayFiles,
              directory,
              environ != null ? environ : System.getenv(),
              fromEnvironment,
              environment));
      // The values given in code come last, as the command line's flags do; placeholders are
      // merged name by name.
      values.forEach(
          (k, v) -> {
            if (k == ConfigKey.PLACEHOLDERS && read.values.get(k) instanceof Map<?, ?> earlier) {
              Map<String, String> merged = new LinkedHashMap<>();
              earlier.forEach((n, x) -> merged.put(String.valueOf(n), String.valueOf(x)));
              ((Map<?, ?>) v).forEach((n, x) -> merged.put(String.valueOf(n), String.valueOf(x)));
              read.values.put(k, Collections.unmodifiableMap(merged));
            } else {
              read.values.put(k, v);
            }
          });
      read.dataSource = dataSource;
      read.javaMigrations.addAll(javaMigrations);
      read.classLoader = classLoader;
      if (read.environment == null) {
        read.environment = environment;
      }
      return new GodwitConfig(read);
    }

    /**
     * Builds the configuration and a {@link Godwit} using it.
     *
     * @throws GodwitException as {@link #build()} does
     */
    public Godwit load() {
      return new Godwit(build());
    }
  }
}
