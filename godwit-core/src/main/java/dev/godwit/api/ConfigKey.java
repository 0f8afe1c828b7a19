package dev.godwit.api;

import dev.godwit.api.Accepts.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting, defined once. The TOML key, the CLI flag ({@code --baseline-version}) and the
 * environment variable ({@code GODWIT_BASELINE_VERSION}) all derive from the name here, and so does
 * what the setting accepts: {@link GodwitConfig.Builder#build()} checks every value against it
 * before anything connects, and an error names the setting, the value and the accepted forms.
 */
public enum ConfigKey {
  URL(
      "url",
      Kind.STRING,
      null,
      "JDBC URL of the database (passwords in it are masked in output)",
      Accepts.one("a JDBC URL such as jdbc:postgresql://localhost:5432/app", Check.JDBC_URL)),
  USER("user", Kind.STRING, null, "Database user", Accepts.anyText()),
  PASSWORD("password", Kind.STRING, null, "Database password; never printed", Accepts.anyText()),
  SCHEMAS(
      "schemas",
      Kind.LIST,
      "",
      "Schemas Godwit manages; the first holds the history table",
      Accepts.eachItem("a list of schema names", Check.NOT_BLANK)),
  DEFAULT_SCHEMA(
      "defaultSchema",
      Kind.STRING,
      null,
      "Schema for the history table (default: first schema)",
      Accepts.notBlank("a schema name")),
  TABLE(
      "table",
      Kind.STRING,
      "godwit_schema_history",
      "Name of the history table",
      Accepts.notBlank("a table name")),
  LOCATIONS(
      "locations",
      Kind.LIST,
      "filesystem:db/migration",
      "Where migrations are: filesystem:<dir> (default prefix) or classpath:<package>",
      Accepts.eachItem(
          "filesystem:<directory>, classpath:<package> or a directory (Godwit reads no other"
              + " kinds of location)",
          Check.LOCATION)),
  ENCODING(
      "encoding",
      Kind.STRING,
      "UTF-8",
      "Encoding of SQL files (a .sql.conf may override)",
      Accepts.one("a charset this Java runtime has, such as UTF-8 or ISO-8859-1", Check.CHARSET)),
  TARGET(
      "target",
      Kind.STRING,
      "latest",
      "Migrate up to this version (latest, current, next, V)",
      Accepts.one(MigrationTarget.ACCEPTED, Check.TARGET)),
  OUT_OF_ORDER(
      "outOfOrder",
      Kind.BOOLEAN,
      "false",
      "Allow pending versions below the latest",
      Accepts.trueOrFalse()),
  VALIDATE_ON_MIGRATE(
      "validateOnMigrate",
      Kind.BOOLEAN,
      "true",
      "Validate before migrating",
      Accepts.trueOrFalse()),
  VALIDATE_MIGRATION_NAMING(
      "validateMigrationNaming",
      Kind.BOOLEAN,
      "false",
      "Misnamed files are an error, not a warning",
      Accepts.trueOrFalse()),
  IGNORE_MIGRATION_PATTERNS(
      "ignoreMigrationPatterns",
      Kind.LIST,
      "*:future",
      "States validate ignores: <versioned|repeatable|*>:<missing|pending|ignored|future|*>",
      Accepts.eachItem(IgnoreMigrationPattern.ACCEPTED, Check.IGNORE_PATTERN)),
  BASELINE_VERSION(
      "baselineVersion",
      Kind.STRING,
      "1",
      "Version recorded by baseline",
      Accepts.one("a version such as 1 or 2.1", Check.VERSION)),
  BASELINE_DESCRIPTION(
      "baselineDescription",
      Kind.STRING,
      "<< Godwit Baseline >>",
      "Description of the baseline",
      Accepts.anyText()),
  BASELINE_ON_MIGRATE(
      "baselineOnMigrate",
      Kind.BOOLEAN,
      "false",
      "Baseline a non-empty schema without history",
      Accepts.trueOrFalse()),
  CLEAN_ENABLED(
      "cleanEnabled",
      Kind.BOOLEAN,
      "false",
      "Allow clean (never in production)",
      Accepts.trueOrFalse()),
  PRODUCTION(
      "production",
      Kind.BOOLEAN,
      "false",
      "Production: no clean, no undo without override",
      Accepts.trueOrFalse()),
  PLACEHOLDERS(
      "placeholders",
      Kind.MAP,
      "",
      "Values for ${name} placeholders in SQL",
      Accepts.eachValue("name=value pairs", Check.NONE)),
  PLACEHOLDER_REPLACEMENT(
      "placeholderReplacement",
      Kind.BOOLEAN,
      "true",
      "Replace placeholders in SQL",
      Accepts.trueOrFalse()),
  PLACEHOLDER_PREFIX(
      "placeholderPrefix",
      Kind.STRING,
      "${",
      "Text that opens a placeholder",
      Accepts.notBlank("the text that opens a placeholder, such as ${")),
  PLACEHOLDER_SUFFIX(
      "placeholderSuffix",
      Kind.STRING,
      "}",
      "Text that closes a placeholder",
      Accepts.notBlank("the text that closes a placeholder, such as }")),
  SQL_MIGRATION_PREFIX(
      "sqlMigrationPrefix",
      Kind.STRING,
      "V",
      "Prefix of versioned files",
      Accepts.notBlank("a file name prefix such as V")),
  UNDO_SQL_MIGRATION_PREFIX(
      "undoSqlMigrationPrefix",
      Kind.STRING,
      "U",
      "Prefix of undo files",
      Accepts.notBlank("a file name prefix such as U")),
  REPEATABLE_SQL_MIGRATION_PREFIX(
      "repeatableSqlMigrationPrefix",
      Kind.STRING,
      "R",
      "Prefix of repeatable files",
      Accepts.notBlank("a file name prefix such as R")),
  SQL_MIGRATION_SEPARATOR(
      "sqlMigrationSeparator",
      Kind.STRING,
      "__",
      "Separator between version and description",
      Accepts.notBlank("a separator such as __")),
  SQL_MIGRATION_SUFFIXES(
      "sqlMigrationSuffixes",
      Kind.LIST,
      ".sql",
      "Suffixes of SQL files",
      Accepts.nonEmptyList("one or more file name suffixes such as .sql", Check.NOT_BLANK)),
  LOCK_WAIT_TIMEOUT(
      "lockWaitTimeout",
      Kind.INTEGER,
      "300",
      "Seconds to wait for another runner's lock",
      Accepts.one("a whole number of seconds, 0 or more", Check.NOT_NEGATIVE)),
  LOCK_TIMEOUT(
      "lockTimeout",
      Kind.DURATION,
      "500ms",
      "Longest wait of one attempt for a table lock (PostgreSQL, MySQL/MariaDB); 0 turns it off",
      Accepts.one(DurationText.ACCEPTED, Check.NONE)),
  LOCK_RETRIES(
      "lockRetries",
      Kind.INTEGER,
      "30",
      "Retries after a lock timeout, with backoff: the whole migration, or in one without a"
          + " transaction the statement",
      Accepts.one("a whole number of retries, 0 or more", Check.NOT_NEGATIVE)),
  STATEMENT_TIMEOUT(
      "statementTimeout",
      Kind.DURATION,
      "0",
      "Longest run of one statement (PostgreSQL, MariaDB); 0 turns it off",
      Accepts.one(DurationText.ACCEPTED, Check.NONE)),
  BACKFILL_ROWS(
      "backfillRows",
      Kind.INTEGER,
      "1000",
      "Rows per batch of a -- godwit:batch backfill, each batch its own transaction (rows="
          + " in the directive overrides)",
      Accepts.one("a whole number of rows, 1 or more", Check.POSITIVE)),
  BACKFILL_PAUSE(
      "backfillPause",
      Kind.DURATION,
      "0",
      "Pause between the batches of a backfill, room for the application's writes (pause= in"
          + " the directive overrides)",
      Accepts.one(DurationText.ACCEPTED, Check.NONE)),
  CONNECT_RETRIES(
      "connectRetries",
      Kind.INTEGER,
      "0",
      "Retries when the database is unreachable",
      Accepts.one("a whole number of retries, 0 or more", Check.NOT_NEGATIVE)),
  CONNECT_RETRIES_INTERVAL(
      "connectRetriesInterval",
      Kind.INTEGER,
      "120",
      "Longest wait between retries, seconds",
      Accepts.one("a whole number of seconds, 1 or more", Check.POSITIVE)),
  INIT_SQL(
      "initSql",
      Kind.STRING,
      null,
      "SQL run on every new connection before anything else, e.g. SET ROLE app_owner",
      Accepts.anyText()),
  JDBC_PROPERTIES(
      "jdbcProperties",
      Kind.MAP,
      "",
      "Properties handed to the JDBC driver when connecting (name=value pairs)",
      Accepts.eachValue("name=value pairs", Check.NONE)),
  DRIVER(
      "driver",
      Kind.STRING,
      null,
      "JDBC driver class; by default the driver that accepts the URL",
      Accepts.one("a Java class name such as oracle.jdbc.OracleDriver", Check.JAVA_CLASS)),
  JAR_DIRS(
      "jarDirs",
      Kind.LIST,
      "",
      "Folders whose jars (JDBC drivers, Java migrations) the CLI loads, besides drivers/",
      Accepts.eachItem("a list of folders", Check.NOT_BLANK)),
  INSTALLED_BY(
      "installedBy",
      Kind.STRING,
      null,
      "installed_by value (default: database user)",
      Accepts.anyText()),
  EXECUTE_IN_TRANSACTION(
      "executeInTransaction",
      Kind.BOOLEAN,
      "true",
      "Run each migration in a transaction",
      Accepts.trueOrFalse()),
  MIXED(
      "mixed",
      Kind.BOOLEAN,
      "true",
      "A migration mixing transactional and non-transactional statements runs without a"
          + " transaction; false makes that an error (Flyway's default)",
      Accepts.trueOrFalse()),
  GROUP(
      "group",
      Kind.BOOLEAN,
      "false",
      "Apply all pending migrations in one transaction (PostgreSQL and SQLite, where DDL is"
          + " transactional); a failure rolls them all back",
      Accepts.trueOrFalse()),
  TABLESPACE(
      "tablespace",
      Kind.STRING,
      null,
      "PostgreSQL tablespace for the history table when Godwit creates it",
      Accepts.notBlank("a tablespace name")),
  CREATE_SCHEMAS(
      "createSchemas", Kind.BOOLEAN, "true", "Create missing schemas", Accepts.trueOrFalse()),
  CALLBACKS(
      "callbacks",
      Kind.LIST,
      "",
      "Java callbacks to run at the callback events: classes implementing Flyway's"
          + " org.flywaydb.core.api.callback.Callback (flyway-core on the class path), or"
          + " packages holding them",
      Accepts.eachItem(
          "a list of fully qualified class names such as com.example.AuditCallback, or packages"
              + " holding them such as db/callback or classpath:db/callback",
          Check.CLASS_NAME)),
  BATCH_SIZE(
      "batchSize",
      Kind.INTEGER,
      "100",
      "Consecutive plain DML statements per JDBC batch",
      Accepts.one(
          "a whole number of statements, 1 or more (1 turns batching off)", Check.POSITIVE)),
  LINT_ENABLE(
      "lintEnable",
      Kind.LIST,
      "",
      "Lint rules to turn on ([lint] enable in godwit.toml)",
      Accepts.eachItem("a list of lint rule ids such as rename-column", Check.NOT_BLANK)),
  LINT_DISABLE(
      "lintDisable",
      Kind.LIST,
      "",
      "Lint rules to turn off ([lint] disable in godwit.toml)",
      Accepts.eachItem("a list of lint rule ids such as rename-column", Check.NOT_BLANK)),
  LINT_SEVERITY(
      "lintSeverity",
      Kind.MAP,
      "",
      "Severity per lint rule, rule=info|warn|error ([lint] severity in godwit.toml)",
      Accepts.eachValue("rule=level pairs with level info, warn or error", Check.LINT_SEVERITY));

  /** The type of a setting's value. */
  public enum Kind {
    STRING,
    BOOLEAN,
    INTEGER,
    LIST,
    MAP,
    /**
     * A length of time: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, or {@code 0}; a {@link
     * java.time.Duration}. A bare number other than 0 is refused: PostgreSQL reads one as
     * milliseconds, MySQL as seconds.
     */
    DURATION
  }

  private static final Map<String, ConfigKey> BY_NAME = new LinkedHashMap<>();
  private static final Map<Kind, String> KIND_WORDS =
      Map.of(
          Kind.STRING, "text",
          Kind.BOOLEAN, "true or false",
          Kind.INTEGER, "a whole number",
          Kind.LIST, "a list of text",
          Kind.MAP, "name=value pairs",
          Kind.DURATION, DurationText.ACCEPTED);

  static {
    for (ConfigKey k : values()) {
      BY_NAME.put(k.key, k);
    }
  }

  private final String key;
  private final Kind kind;
  private final String defaultText;
  private final String description;
  private final Accepts accepts;

  ConfigKey(String key, Kind kind, String defaultText, String description, Accepts accepts) {
    this.key = key;
    this.kind = kind;
    this.defaultText = defaultText;
    this.description = description;
    this.accepts = accepts;
  }

  /** The key as written in godwit.toml, e.g. {@code baselineVersion}. */
  public String key() {
    return key;
  }

  /** The value's type. */
  public Kind kind() {
    return kind;
  }

  /** A sentence for help output. */
  public String description() {
    return description;
  }

  /** The default as text (null when there is none). */
  public String defaultText() {
    return defaultText;
  }

  /** Whether the value must never be printed. */
  public boolean isSecret() {
    return this == PASSWORD;
  }

  /** The CLI flag, e.g. {@code --baseline-version}. */
  public String flag() {
    StringBuilder sb = new StringBuilder("--");
    for (char c : key.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The environment variable, e.g. {@code GODWIT_BASELINE_VERSION}. */
  public String envVar() {
    return "GODWIT_" + flag().substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The setting with this TOML key, or null. */
  public static ConfigKey byKey(String key) {
    return BY_NAME.get(key);
  }

  /** The setting with this flag (with or without the leading dashes), or null. */
  public static ConfigKey byFlag(String flag) {
    String f = flag.startsWith("--") ? flag : "--" + flag;
    for (ConfigKey k : values()) {
      if (k.flag().equals(f)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Converts a textual value (flag, environment variable, properties file) to this setting's type.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} when the text does not fit
   */
  public Object parse(String text) {
    switch (kind) {
      case BOOLEAN:
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
          return Boolean.valueOf(t);
        }
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "Setting '" + key + "' must be true or false, not '" + text + "'");
      case INTEGER:
        try {
          return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "Setting '" + key + "' must be a whole number, not '" + text + "'",
              e);
        }
      case DURATION:
        return DurationText.parse(key, text);
      case LIST:
        List<String> items = new ArrayList<>();
        for (String s : text.split(",", -1)) {
          if (!s.isBlank()) {
            items.add(s.trim());
          }
        }
        return Collections.unmodifiableList(items);
      case MAP:
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
          if (pair.isBlank()) {
            continue;
          }
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                "Setting '"
                    + key
                    + "' takes name=value pairs separated by commas, not '"
                    + pair
                    + "'");
          }
          map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(map);
      default:
        return text;
    }
  }

  /** The default value, typed. */
  Object defaultValue() {
    return defaultText == null ? null : parse(defaultText);
  }

  /** What the setting accepts, in words: {@code "a version such as 1 or 2.1"}. */
  public String accepted() {
    return accepts.words();
  }

  /**
   * Checks a value for this setting: its kind (text is converted as by {@link #parse}) and what the
   * setting accepts beyond it (a version, a charset this runtime has, a known location prefix, a
   * lower bound...).
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming the setting, the value and
   *     what is accepted
   */
  public void validate(Object value) {
    parsed(value);
  }

  /**
   * The value in the setting's kind: text is parsed, a Long that fits becomes an Integer, a list or
   * map is copied with its items as text.
   *
   * @throws GodwitException when the value is of another kind
   */
  Object ofKind(Object value) {
    Objects.requireNonNull(value, key);
    if (value instanceof String s && kind != Kind.STRING) {
      return parse(s);
    }
    switch (kind) {
      case STRING:
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
          return value.toString();
        }
        break;
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case INTEGER:
        if (value instanceof Integer
            || value instanceof Long
            || value instanceof Short
            || value instanceof Byte) {
          long n = ((Number) value).longValue();
          if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
            return (int) n;
          }
        }
        break;
      case DURATION:
        if (value instanceof java.time.Duration d && !d.isNegative()) {
          return value;
        }
        if (value instanceof Number n && n.longValue() == 0) {
          return java.time.Duration.ZERO;
        }
        break;
      case LIST:
        if (value instanceof List<?> l) {
          List<String> copy = new ArrayList<>(l.size());
          for (Object item : l) {
            copy.add(String.valueOf(item));
          }
          return Collections.unmodifiableList(copy);
        }
        break;
      case MAP:
        if (value instanceof Map<?, ?> m) {
          Map<String, String> copy = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : m.entrySet()) {
            copy.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
          }
          return Collections.unmodifiableMap(copy);
        }
        break;
      default:
        break;
    }
    throw new GodwitException(
        ErrorCode.CONFIGURATION,
        "Setting '" + key + "' must be " + KIND_WORDS.get(kind) + ", not " + shown(value));
  }

  /** The value checked and parsed: a {@link MigrationTarget} for {@link #TARGET}, and so on. */
  Object parsed(Object value) {
    return accepts.apply(this, ofKind(value));
  }

  /** The error for a value (or one item of a list value) that the setting does not accept. */
  GodwitException notAccepted(String value) {
    return new GodwitException(
        ErrorCode.CONFIGURATION,
        "Setting '" + key + "' must be " + accepts.words() + ", not " + shown(value));
  }

  /** The value as a message may show it: a password masked, a URL's password masked. */
  private String shown(Object value) {
    if (isSecret()) {
      return "'" + SecretMasking.MASK + "'";
    }
    String text = String.valueOf(value);
    return "'" + (this == URL ? SecretMasking.maskUrl(text) : text) + "'";
  }

  /** The names of all settings, for "did you mean" suggestions. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(ConfigKey::key).toList();
  }
}
