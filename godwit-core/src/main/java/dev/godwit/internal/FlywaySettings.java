package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps Flyway's settings (by Flyway's names, e.g. {@code cleanDisabled}, {@code placeholders.x})
 * onto Godwit's. What has no Godwit counterpart is listed, so that a warning can name it.
 */
final class FlywaySettings {
  /** Flyway's default history table; configuring from a Flyway file keeps it. */
  static final String FLYWAY_TABLE = "flyway_schema_history";

  static final String FLYWAY_BASELINE_DESCRIPTION = "<< Flyway Baseline >>";

  /** Flyway settings with the same name and meaning in Godwit. */
  private static final Set<String> SAME =
      Set.of(
          "url",
          "user",
          "password",
          "schemas",
          "defaultSchema",
          "table",
          "locations",
          "encoding",
          "target",
          "outOfOrder",
          "validateOnMigrate",
          "validateMigrationNaming",
          "ignoreMigrationPatterns",
          "baselineVersion",
          "baselineDescription",
          "baselineOnMigrate",
          "placeholderReplacement",
          "placeholderPrefix",
          "placeholderSuffix",
          "sqlMigrationPrefix",
          "undoSqlMigrationPrefix",
          "repeatableSqlMigrationPrefix",
          "sqlMigrationSeparator",
          "sqlMigrationSuffixes",
          "connectRetries",
          "connectRetriesInterval",
          "installedBy",
          "executeInTransaction",
          "mixed",
          "createSchemas",
          "callbacks",
          "initSql",
          "driver",
          "jarDirs",
          "tablespace",
          "group");

  /**
   * Flyway settings whose value, when it is this one, is what Godwit does anyway: nothing to map
   * and nothing to warn about.
   */
  private static final Map<String, String> GODWIT_BEHAVIOUR =
      Map.ofEntries(
          Map.entry("detectEncoding", "false"),
          Map.entry("failOnMissingLocations", "false"),
          Map.entry("skipExecutingMigrations", "false"),
          Map.entry("skipDefaultCallbacks", "false"),
          Map.entry("skipDefaultResolvers", "false"),
          Map.entry("cleanOnValidationError", "false"),
          Map.entry("baselineMigrationPrefix", "B"),
          Map.entry("placeholderSeparator", ":"),
          Map.entry("postgresql.transactional.lock", "false"));

  /**
   * Other settings Flyway has; only used to read their {@code FLYWAY_*} variables, so that a set
   * one is warned about rather than ignored.
   */
  static final List<String> OTHER_FLYWAY_SETTINGS =
      List.of(
          "cleanDisabled",
          "lockRetryCount",
          "scriptPlaceholderPrefix",
          "scriptPlaceholderSuffix",
          "callbackLocations",
          "resolvers",
          "cherryPick",
          "outputQueryResults",
          "errorOverrides",
          "dryRunOutput",
          "batch",
          "stream",
          "licenseKey",
          "kerberosConfigFile",
          "reportEnabled",
          "reportFilename",
          "communityDBSupportEnabled",
          "loggers");

  /**
   * The result.
   *
   * @param values Godwit's settings
   * @param placeholders placeholder values
   * @param mapped one line per Flyway setting taken over, {@code flyway -> godwit}
   * @param unsupported Flyway settings Godwit ignores, each with the reason
   */
  record Mapped(
      Map<ConfigKey, Object> values,
      Map<String, String> placeholders,
      List<String> mapped,
      List<String> unsupported) {}

  private FlywaySettings() {}

  /** Every Flyway setting name Godwit knows, for the {@code FLYWAY_*} variables. */
  static List<String> known() {
    List<String> all = new ArrayList<>(SAME);
    all.addAll(GODWIT_BEHAVIOUR.keySet());
    all.addAll(OTHER_FLYWAY_SETTINGS);
    return all;
  }

  /**
   * Maps Flyway settings onto Godwit's.
   *
   * @param flyway settings by Flyway's name; values are text (conf files, variables), lists,
   *     booleans or numbers (TOML)
   * @param withDefaults whether to add Flyway's defaults where they differ from Godwit's (the
   *     history table, the baseline description, {@code mixed}, the {@code sql} folder)
   * @param workingDirectory where Flyway would look for its {@code sql} folder
   */
  static Mapped map(Map<String, Object> flyway, boolean withDefaults, Path workingDirectory) {
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    Map<String, String> placeholders = new LinkedHashMap<>();
    List<String> mapped = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    Map<String, String> jdbcProperties = new LinkedHashMap<>();
    if (withDefaults) {
      values.put(ConfigKey.TABLE, FLYWAY_TABLE);
      values.put(ConfigKey.BASELINE_DESCRIPTION, FLYWAY_BASELINE_DESCRIPTION);
      // Flyway refuses a script mixing transactional and non-transactional statements by default.
      values.put(ConfigKey.MIXED, false);
      if (Files.isDirectory(workingDirectory.resolve("sql"))) {
        values.put(ConfigKey.LOCATIONS, List.of("filesystem:sql"));
      }
    }
    for (Map.Entry<String, Object> e : flyway.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.startsWith("placeholders.")) {
        String name = key.substring("placeholders.".length());
        placeholders.put(name, text(value));
        mapped.add("placeholders." + name);
        continue;
      }
      if (key.startsWith("jdbcProperties.")) {
        jdbcProperties.put(key.substring("jdbcProperties.".length()), text(value));
        mapped.add(key + " (hidden: driver properties may hold secrets)");
        continue;
      }
      if (SAME.contains(key)) {
        ConfigKey k = ConfigKey.byKey(key);
        values.put(k, convert(k, value, key));
        String shown =
            k == ConfigKey.URL
                ? SecretMasking.maskUrl(String.valueOf(values.get(k)))
                : display(values.get(k));
        mapped.add(key + (k.isSecret() ? " (hidden)" : " = " + shown));
        continue;
      }
      switch (key) {
        case "cleanDisabled" -> {
          boolean disabled = (Boolean) convert(ConfigKey.CLEAN_ENABLED, value, key);
          values.put(ConfigKey.CLEAN_ENABLED, !disabled);
          mapped.add("cleanDisabled = " + disabled + " -> cleanEnabled = " + !disabled);
        }
        case "lockRetryCount" -> {
          int retries = (Integer) convert(ConfigKey.LOCK_WAIT_TIMEOUT, value, key);
          // Flyway retries once a second; Godwit waits that long in all.
          int seconds = retries < 0 ? Integer.MAX_VALUE : retries;
          values.put(ConfigKey.LOCK_WAIT_TIMEOUT, seconds);
          mapped.add("lockRetryCount = " + retries + " -> lockWaitTimeout = " + seconds);
        }
        default -> {
          String same = GODWIT_BEHAVIOUR.get(key);
          if (same != null && same.equalsIgnoreCase(text(value).trim())) {
            mapped.add(key + " = " + same + " (what Godwit does anyway)");
          } else {
            unsupported.add(key + reason(key));
          }
        }
      }
    }
    if (!jdbcProperties.isEmpty()) {
      values.put(ConfigKey.JDBC_PROPERTIES, jdbcProperties);
    }
    return new Mapped(values, placeholders, mapped, unsupported);
  }

  /**
   * Sets one Flyway setting, by Flyway's name and as Flyway writes its value, on a builder: its
   * Godwit counterpart, or nothing when the value is what Godwit does anyway.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} when Godwit has no counterpart or
   *     the value is not accepted
   */
  static void apply(GodwitConfig.Builder into, String name, String value) {
    Mapped m = map(Map.of(name, value), false, Paths.get(""));
    if (!m.unsupported().isEmpty()) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Godwit has no counterpart of the Flyway setting "
              + m.unsupported().get(0)
              + "; README's 'Moving from Flyway' table lists what is supported.");
    }
    m.values().forEach(into::set);
    m.placeholders().forEach(into::placeholder);
  }

  private static String reason(String key) {
    return switch (key) {
      case "postgresql.transactional.lock" ->
          " (Godwit always takes Flyway's advisory lock at session level, which Flyway and Godwit"
              + " both respect)";
      case "baselineMigrationPrefix" -> " (Godwit's baseline migrations start with B)";
      case "placeholderSeparator" -> " (Godwit's built-in placeholders use ':')";
      default -> "";
    };
  }

  private static Object convert(ConfigKey k, Object value, String key) {
    if (value instanceof List<?> list) {
      if (k.kind() != ConfigKey.Kind.LIST) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION, "Flyway setting '" + key + "' takes one value, not a list");
      }
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof Boolean b && k.kind() == ConfigKey.Kind.BOOLEAN) {
      return b;
    }
    if (value instanceof Long l && k.kind() == ConfigKey.Kind.INTEGER) {
      return l.intValue();
    }
    String text = text(value);
    try {
      return k.parse(text);
    } catch (GodwitException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Flyway setting '" + key + "': " + e.getMessage().replace("'" + k.key() + "'", "it"),
          e);
    }
  }

  static String text(Object value) {
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }

  private static String display(Object value) {
    if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(String::valueOf).toList()) + "]";
    }
    return String.valueOf(value);
  }

  /**
   * Flyway's classic variable name of a setting: {@code cleanDisabled} -> FLYWAY_CLEAN_DISABLED.
   */
  static String classicVariable(String key) {
    StringBuilder sb = new StringBuilder("FLYWAY_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }
}
