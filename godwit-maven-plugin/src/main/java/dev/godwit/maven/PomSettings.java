package dev.godwit.maven;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * The configuration of one goal, from the lowest precedence to the highest: godwit.toml (and its
 * selected environment), the settings.xml server's credentials, the plugin's {@code
 * <configuration>}, {@code godwit.*} properties of the pom, and {@code -Dgodwit.*} on the command
 * line (Flyway's plugin orders them so too). Every setting is a {@link ConfigKey}; the core checks
 * each value when the configuration is built, before anything connects.
 */
final class PomSettings {
  static final String PREFIX = "godwit.";
  private static final String PLACEHOLDER_PREFIX = PREFIX + "placeholders.";

  /** The goals' own parameters, which are not settings of the core. */
  private static final Set<String> GOAL_PARAMETERS =
      Set.of(
          "skip",
          "serverId",
          "configFile",
          "environment",
          "failOn",
          "sarifFile",
          "dialect",
          "count",
          "undoTarget",
          "allowProduction");

  private final GodwitMojo mojo;
  private final Log log;
  private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
  private final Map<String, String> placeholders = new LinkedHashMap<>();

  PomSettings(GodwitMojo mojo, Log log) {
    this.mojo = mojo;
    this.log = log;
  }

  /**
   * A builder holding every layer; the caller adds the class loader and builds.
   *
   * @param credentials the settings.xml server's user and password, or an empty map
   * @param projectProperties the pom's properties
   * @param userProperties the command line's -D properties
   * @param basedir the project's directory: relative filesystem locations are read from it
   */
  GodwitConfig.Builder builder(
      Map<ConfigKey, String> credentials,
      Properties projectProperties,
      Properties userProperties,
      File basedir) {
    String selected = null;
    if (mojo.configFile != null && mojo.configFile.isFile()) {
      // The core reads the file as the command line does (errors name the file and line); the
      // layers below go on top of what it set.
      GodwitConfig file =
          GodwitConfig.builder()
              .configFile(mojo.configFile.toPath())
              .environment(mojo.environment)
              .build();
      for (ConfigKey k : ConfigKey.values()) {
        if (k != ConfigKey.PLACEHOLDERS && file.isSet(k)) {
          values.put(k, file.get(k));
        }
      }
      placeholders.putAll(file.placeholders());
      selected = file.environment();
      log.debug("Godwit: read " + file.sources());
    } else if (mojo.environment != null) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Environment '"
              + mojo.environment
              + "' was selected but there is no "
              + mojo.configFile
              + "; set configFile.");
    }
    values.putAll(credentials);
    fromFields();
    fromProperties(projectProperties, false);
    fromProperties(userProperties, true);
    GodwitConfig.Builder b = GodwitConfig.builder();
    values.forEach(b::set);
    b.set(ConfigKey.LOCATIONS, locations(basedir));
    b.placeholders(placeholders);
    return b.environment(selected);
  }

  /** A value of a later layer; placeholders are merged name by name, the later layer's winning. */
  private void put(ConfigKey k, Object value) {
    if (k == ConfigKey.PLACEHOLDERS && value instanceof Map<?, ?> m) {
      m.forEach((name, v) -> placeholders.put(String.valueOf(name), String.valueOf(v)));
    } else {
      values.put(k, value);
    }
  }

  /** The {@code <configuration>} values: the mojo's field named as each key, when it is set. */
  private void fromFields() {
    for (ConfigKey k : ConfigKey.values()) {
      Object v = read(field(k.key()));
      boolean empty =
          v == null
              || (v instanceof Collection<?> c && c.isEmpty())
              || (v instanceof Map<?, ?> m && m.isEmpty());
      if (!empty) {
        put(k, v);
      }
    }
  }

  /** The mojo's field for a setting; every key has one (PomSettingsTest checks it). */
  static Field field(String key) {
    try {
      Field f = GodwitMojo.class.getDeclaredField(key);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new GodwitException(
          ErrorCode.INTERNAL, "godwit-maven-plugin has no parameter for the setting " + key, e);
    }
  }

  private Object read(Field f) {
    try {
      return f.get(mojo);
    } catch (IllegalAccessException e) {
      throw new GodwitException(ErrorCode.INTERNAL, "cannot read parameter " + f.getName(), e);
    }
  }

  /**
   * {@code godwit.<key>} and {@code godwit.placeholders.<name>}. An unknown {@code godwit.*} on the
   * command line is named with a suggestion (a pom may keep its own godwit.* properties, such as
   * the plugin's version).
   */
  private void fromProperties(Properties properties, boolean commandLine) {
    for (String name : properties.stringPropertyNames()) {
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String value = properties.getProperty(name);
      if (name.startsWith(PLACEHOLDER_PREFIX)) {
        placeholders.put(name.substring(PLACEHOLDER_PREFIX.length()), value);
        continue;
      }
      String key = name.substring(PREFIX.length());
      ConfigKey k = ConfigKey.byKey(key);
      if (k != null) {
        put(k, k.parse(value));
      } else if (commandLine && !GOAL_PARAMETERS.contains(key)) {
        List<String> known = new ArrayList<>(ConfigKey.keys());
        known.addAll(GOAL_PARAMETERS);
        log.warn(
            "Unknown property -D"
                + name
                + NameSuggestions.hint(key, known)
                + "; Godwit ignores it. Settings are godwit.<setting>, e.g. godwit.url.");
      }
    }
  }

  /**
   * The locations with {@code filesystem:} ones made absolute against the project's directory
   * (Maven may run from elsewhere with -f); by default the project's db/migration resources.
   */
  private List<String> locations(File base) {
    Object given = values.get(ConfigKey.LOCATIONS);
    List<String> out = new ArrayList<>();
    if (given == null) {
      out.add("filesystem:src/main/resources/db/migration");
    } else {
      for (Object o : (List<?>) given) {
        out.add(String.valueOf(o));
      }
    }
    List<String> resolved = new ArrayList<>();
    for (String location : out) {
      boolean otherKind =
          !location.startsWith("filesystem:") && location.matches("[A-Za-z0-9]+:.*");
      if (otherKind || base == null) {
        // classpath: as it is; an unknown prefix as it is, for the core to refuse by name.
        resolved.add(location);
        continue;
      }
      String dir = location.startsWith("filesystem:") ? location.substring(11) : location;
      Path p = Path.of(dir);
      resolved.add("filesystem:" + (p.isAbsolute() ? p : base.toPath().resolve(p).normalize()));
    }
    return resolved;
  }
}
