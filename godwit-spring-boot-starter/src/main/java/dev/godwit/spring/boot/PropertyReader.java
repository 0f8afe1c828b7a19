package dev.godwit.spring.boot;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/**
 * Reads Godwit's settings from the Spring {@link Environment}: {@code spring.godwit.*}, one
 * property per setting of the table, or, when none of those is set and {@code spring.flyway.*} is,
 * Spring Boot's Flyway properties, so that swapping the dependency is the whole move from Flyway.
 * Values are checked against the settings table here, and an error names the Spring property.
 */
final class PropertyReader {
  private static final String FLYWAY = "spring.flyway";

  /**
   * What was read.
   *
   * @param values the settings given, by key (locations defaults to {@code classpath:db/migration})
   * @param enabled whether to migrate at start-up
   * @param source {@code spring.godwit} or {@code spring.flyway}
   * @param notice a line to log when the values came from Flyway's properties, else null
   */
  record Settings(Map<ConfigKey, Object> values, boolean enabled, String source, String notice) {}

  private PropertyReader() {}

  /** Whether migration at start-up is on: {@code spring.godwit.enabled}, else Flyway's. */
  static boolean enabled(Environment env) {
    Binder binder = Binder.get(env);
    Boolean own = binder.bind(SpringSettings.ENABLED, Boolean.class).orElse(null);
    if (own != null) {
      return own;
    }
    if (!anyGodwitProperty(binder) && !present(binder, FLYWAY).isEmpty()) {
      return binder.bind(FLYWAY + ".enabled", Boolean.class).orElse(true);
    }
    return true;
  }

  /**
   * Reads the settings.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming the property whose value
   *     the setting does not accept, or an unknown {@code spring.godwit} property
   */
  static Settings read(Environment env) {
    Binder binder = Binder.get(env);
    Map<String, Object> own = present(binder, SpringSettings.PREFIX);
    Map<String, Object> flyway = own.isEmpty() ? present(binder, FLYWAY) : Map.of();
    if (own.isEmpty() && !flyway.isEmpty()) {
      return fromFlyway(binder, flyway);
    }
    List<String> known = new ArrayList<>();
    known.add("enabled");
    for (ConfigKey key : ConfigKey.values()) {
      known.add(SpringSettings.kebab(key));
    }
    Set<String> knownUniform = uniform(known);
    for (String name : own.keySet()) {
      if (!knownUniform.contains(uniform(name))) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "Unknown property '"
                + SpringSettings.PREFIX
                + "."
                + name
                + "'"
                + NameSuggestions.hint(name, known)
                + "; the spring.godwit.* properties are Godwit's settings in kebab case");
      }
    }
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      Object v = bind(binder, SpringSettings.property(key), key);
      if (v != null) {
        values.put(key, checked(SpringSettings.property(key), key, v));
      }
    }
    values.putIfAbsent(ConfigKey.LOCATIONS, List.of(SpringSettings.DEFAULT_LOCATION));
    boolean enabled = binder.bind(SpringSettings.ENABLED, Boolean.class).orElse(true);
    return new Settings(values, enabled, SpringSettings.PREFIX, null);
  }

  private static Settings fromFlyway(Binder binder, Map<String, Object> given) {
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    Set<String> used = new TreeSet<>();
    Set<String> givenUniform = uniform(given.keySet());
    for (ConfigKey key : ConfigKey.values()) {
      String name = SpringSettings.kebab(key);
      // Flyway's own names for Godwit's settings of another name or form are read below.
      if (!givenUniform.contains(uniform(name)) || key == ConfigKey.CONNECT_RETRIES_INTERVAL) {
        continue;
      }
      Object v = bind(binder, FLYWAY + "." + name, key);
      if (v != null) {
        values.put(key, checked(FLYWAY + "." + name, key, v));
        used.add(name);
      }
    }
    Boolean cleanDisabled = binder.bind(FLYWAY + ".clean-disabled", Boolean.class).orElse(null);
    if (cleanDisabled != null) {
      values.put(ConfigKey.CLEAN_ENABLED, !cleanDisabled);
      used.add("clean-disabled");
    }
    // Flyway retries its lock once a second this many times; Godwit waits that many seconds.
    Integer lockRetries = binder.bind(FLYWAY + ".lock-retry-count", Integer.class).orElse(null);
    if (lockRetries != null && lockRetries >= 0) {
      values.put(ConfigKey.LOCK_WAIT_TIMEOUT, lockRetries);
      used.add("lock-retry-count");
    }
    // Spring Boot binds this one as a Duration whose bare numbers are seconds ("120", "2m").
    String interval = binder.bind(FLYWAY + ".connect-retries-interval", String.class).orElse(null);
    if (interval != null) {
      Duration d = DurationStyle.detectAndParse(interval.trim(), ChronoUnit.SECONDS);
      values.put(ConfigKey.CONNECT_RETRIES_INTERVAL, (int) Math.max(1, d.toSeconds()));
      used.add("connect-retries-interval");
    }
    // Spring Boot hands Flyway its init-sqls joined by line breaks, as one initSql.
    List<String> initSqls =
        binder.bind(FLYWAY + ".init-sqls", Bindable.listOf(String.class)).orElse(List.of());
    if (!initSqls.isEmpty() && !values.containsKey(ConfigKey.INIT_SQL)) {
      values.put(ConfigKey.INIT_SQL, String.join("\n", initSqls));
      used.add("init-sqls");
    }
    String driver = binder.bind(FLYWAY + ".driver-class-name", String.class).orElse(null);
    if (driver != null && !values.containsKey(ConfigKey.DRIVER)) {
      values.put(
          ConfigKey.DRIVER, checked(FLYWAY + ".driver-class-name", ConfigKey.DRIVER, driver));
      used.add("driver-class-name");
    }
    values.putIfAbsent(ConfigKey.LOCATIONS, List.of(SpringSettings.DEFAULT_LOCATION));
    boolean enabled = binder.bind(FLYWAY + ".enabled", Boolean.class).orElse(true);
    used.add("enabled");
    Set<String> usedUniform = uniform(used);
    Set<String> ignored = new TreeSet<>(given.keySet());
    ignored.removeIf(k -> usedUniform.contains(uniform(k)));
    String notice =
        "Godwit: no spring.godwit.* properties are set; reading spring.flyway.* as Flyway would"
            + (ignored.isEmpty() ? "" : " (ignored: " + String.join(", ", ignored) + ")");
    return new Settings(values, enabled, FLYWAY, notice);
  }

  /**
   * A property name as Spring's relaxed binding compares it: {@code lock-timeout}, {@code
   * lockTimeout} and {@code locktimeout} (what the variable {@code SPRING_GODWIT_LOCKTIMEOUT}
   * becomes) are one property.
   */
  static String uniform(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static Set<String> uniform(Collection<String> names) {
    Set<String> uniform = new TreeSet<>();
    names.forEach(n -> uniform.add(uniform(n)));
    return uniform;
  }

  /** The property's value in the setting's kind, or null when it is not set. */
  private static Object bind(Binder binder, String name, ConfigKey key) {
    return switch (key.kind()) {
      case LIST -> binder.bind(name, Bindable.listOf(String.class)).orElse(null);
      case MAP -> {
        Map<String, String> m =
            binder.bind(name, Bindable.mapOf(String.class, String.class)).orElse(null);
        yield m == null ? null : new LinkedHashMap<>(m);
      }
      default -> binder.bind(name, String.class).orElse(null);
    };
  }

  /** Checks the value against the settings table, naming the Spring property on failure. */
  private static Object checked(String property, ConfigKey key, Object value) {
    try {
      Object typed =
          value instanceof String s && key.kind() != ConfigKey.Kind.STRING ? key.parse(s) : value;
      key.validate(typed);
      return typed;
    } catch (GodwitException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Property '" + property + "': " + e.getMessage(), e);
    }
  }

  /** The names directly under a prefix that have a value, e.g. {@code locations} or {@code url}. */
  private static Map<String, Object> present(Binder binder, String prefix) {
    return binder
        .bind(prefix, Bindable.mapOf(String.class, Object.class))
        .map(m -> (Map<String, Object>) new LinkedHashMap<>(m))
        .orElse(Map.of());
  }

  private static boolean anyGodwitProperty(Binder binder) {
    return !present(binder, SpringSettings.PREFIX).isEmpty();
  }
}
