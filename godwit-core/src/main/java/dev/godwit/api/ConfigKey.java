package dev.godwit.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting, defined once. The TOML key, the CLI flag ({@code --baseline-version}) and the
 * environment variable ({@code GODWIT_BASELINE_VERSION}) all derive from the name here.
 */
public enum ConfigKey {
  URL("url", Kind.STRING, null, "JDBC URL of the database (passwords in it are masked in output)"),
  USER("user", Kind.STRING, null, "Database user"),
  PASSWORD("password", Kind.STRING, null, "Database password; never printed"),
  SCHEMAS("schemas", Kind.LIST, "", "Schemas Godwit manages; the first holds the history table"),
  DEFAULT_SCHEMA(
      "defaultSchema", Kind.STRING, null, "Schema for the history table (default: first schema)"),
  TABLE("table", Kind.STRING, "godwit_schema_history", "Name of the history table"),
  LOCATIONS(
      "locations",
      Kind.LIST,
      "filesystem:db/migration",
      "Where migrations are: filesystem:<dir> (default prefix) or classpath:<package>"),
  ENCODING("encoding", Kind.STRING, "UTF-8", "Encoding of SQL files (a .sql.conf may override)"),
  TARGET("target", Kind.STRING, "latest", "Migrate up to this version (latest, current, next, V)"),
  OUT_OF_ORDER("outOfOrder", Kind.BOOLEAN, "false", "Allow pending versions below the latest"),
  VALIDATE_ON_MIGRATE("validateOnMigrate", Kind.BOOLEAN, "true", "Validate before migrating"),
  VALIDATE_MIGRATION_NAMING(
      "validateMigrationNaming",
      Kind.BOOLEAN,
      "false",
      "Misnamed files are an error, not a warning"),
  IGNORE_MIGRATION_PATTERNS(
      "ignoreMigrationPatterns",
      Kind.LIST,
      "*:future",
      "States validate ignores: <versioned|repeatable|*>:<missing|pending|ignored|future|*>"),
  BASELINE_VERSION("baselineVersion", Kind.STRING, "1", "Version recorded by baseline"),
  BASELINE_DESCRIPTION(
      "baselineDescription", Kind.STRING, "<< Godwit Baseline >>", "Description of the baseline"),
  BASELINE_ON_MIGRATE(
      "baselineOnMigrate", Kind.BOOLEAN, "false", "Baseline a non-empty schema without history"),
  CLEAN_ENABLED("cleanEnabled", Kind.BOOLEAN, "false", "Allow clean (never in production)"),
  PRODUCTION("production", Kind.BOOLEAN, "false", "Production: no clean, no undo without override"),
  PLACEHOLDERS("placeholders", Kind.MAP, "", "Values for ${name} placeholders in SQL"),
  PLACEHOLDER_REPLACEMENT(
      "placeholderReplacement", Kind.BOOLEAN, "true", "Replace placeholders in SQL"),
  PLACEHOLDER_PREFIX("placeholderPrefix", Kind.STRING, "${", "Text that opens a placeholder"),
  PLACEHOLDER_SUFFIX("placeholderSuffix", Kind.STRING, "}", "Text that closes a placeholder"),
  SQL_MIGRATION_PREFIX("sqlMigrationPrefix", Kind.STRING, "V", "Prefix of versioned files"),
  UNDO_SQL_MIGRATION_PREFIX("undoSqlMigrationPrefix", Kind.STRING, "U", "Prefix of undo files"),
  REPEATABLE_SQL_MIGRATION_PREFIX(
      "repeatableSqlMigrationPrefix", Kind.STRING, "R", "Prefix of repeatable files"),
  SQL_MIGRATION_SEPARATOR(
      "sqlMigrationSeparator", Kind.STRING, "__", "Separator between version and description"),
  SQL_MIGRATION_SUFFIXES("sqlMigrationSuffixes", Kind.LIST, ".sql", "Suffixes of SQL files"),
  LOCK_WAIT_TIMEOUT(
      "lockWaitTimeout", Kind.INTEGER, "300", "Seconds to wait for another runner's lock"),
  LOCK_TIMEOUT(
      "lockTimeout",
      Kind.DURATION,
      "500ms",
      "Longest wait of one attempt for a table lock (PostgreSQL, MySQL/MariaDB); 0 turns it off"),
  LOCK_RETRIES(
      "lockRetries",
      Kind.INTEGER,
      "30",
      "Retries after a lock timeout, with backoff: the whole migration, or in one without a"
          + " transaction the statement"),
  STATEMENT_TIMEOUT(
      "statementTimeout",
      Kind.DURATION,
      "0",
      "Longest run of one statement (PostgreSQL, MariaDB); 0 turns it off"),
  CONNECT_RETRIES("connectRetries", Kind.INTEGER, "0", "Retries when the database is unreachable"),
  CONNECT_RETRIES_INTERVAL(
      "connectRetriesInterval", Kind.INTEGER, "120", "Longest wait between retries, seconds"),
  INSTALLED_BY("installedBy", Kind.STRING, null, "installed_by value (default: database user)"),
  EXECUTE_IN_TRANSACTION(
      "executeInTransaction", Kind.BOOLEAN, "true", "Run each migration in a transaction"),
  MIXED(
      "mixed",
      Kind.BOOLEAN,
      "true",
      "A migration mixing transactional and non-transactional statements runs without a"
          + " transaction; false makes that an error (Flyway's default)"),
  CREATE_SCHEMAS("createSchemas", Kind.BOOLEAN, "true", "Create missing schemas"),
  BATCH_SIZE("batchSize", Kind.INTEGER, "100", "Consecutive plain DML statements per JDBC batch"),
  LINT_ENABLE("lintEnable", Kind.LIST, "", "Lint rules to turn on ([lint] enable in godwit.toml)"),
  LINT_DISABLE(
      "lintDisable", Kind.LIST, "", "Lint rules to turn off ([lint] disable in godwit.toml)"),
  LINT_SEVERITY(
      "lintSeverity",
      Kind.MAP,
      "",
      "Severity per lint rule, rule=info|warn|error ([lint] severity in godwit.toml)");

  /** The type of a setting's value. */
  public enum Kind {
    STRING,
    BOOLEAN,
    INTEGER,
    LIST,
    MAP,
    /**
     * A length of time: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, or {@code 0}. A bare
     * number other than 0 is refused: PostgreSQL reads one as milliseconds, MySQL as seconds.
     */
    DURATION
  }

  private static final Map<String, ConfigKey> BY_NAME = new LinkedHashMap<>();

  static {
    for (ConfigKey k : values()) {
      BY_NAME.put(k.key, k);
    }
  }

  private final String key;
  private final Kind kind;
  private final String defaultText;
  private final String description;

  ConfigKey(String key, Kind kind, String defaultText, String description) {
    this.key = key;
    this.kind = kind;
    this.defaultText = defaultText;
    this.description = description;
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
        return parseDuration(text);
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

  // Whole milliseconds up to PostgreSQL's limit for lock_timeout and statement_timeout.
  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");
  private static final long LONGEST_MS = Integer.MAX_VALUE;

  private Duration parseDuration(String text) {
    Matcher m = DURATION_TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '"
              + key
              + "' must be a duration such as 500ms, 2s, 1m or 1h (0 turns it off), not '"
              + text
              + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    if (unit == null && n != 0) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '"
              + key
              + "' needs a unit: "
              + n
              + "ms or "
              + n
              + "s, not '"
              + text
              + "' (PostgreSQL reads a bare number as milliseconds, MySQL as seconds)");
    }
    long ms =
        unit == null
            ? 0
            : switch (unit) {
              case "ms" -> n;
              case "s" -> n * 1000;
              case "m" -> n * 60_000;
              default -> n * 3_600_000;
            };
    if (ms > LONGEST_MS) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Setting '" + key + "' is at most 596h (PostgreSQL's limit), not '" + text + "'");
    }
    return Duration.ofMillis(ms);
  }

  /** The default value, typed. */
  Object defaultValue() {
    return defaultText == null ? null : parse(defaultText);
  }

  /** The names of all settings, for "did you mean" suggestions. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(ConfigKey::key).toList();
  }
}
