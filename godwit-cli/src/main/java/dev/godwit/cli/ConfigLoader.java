package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import dev.godwit.internal.TomlTable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configuration from godwit.toml, GODWIT_* environment variables and flags, in that
 * order of increasing precedence. Within the file, the selected environment overrides the top-level
 * values. Without a godwit.toml, or with a Flyway file given as the config, Flyway's configuration
 * ({@code flyway.toml} or {@code flyway.conf} and the {@code FLYWAY_*} variables) takes the file's
 * place.
 */
final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");
  private static final List<String> META_VARIABLES =
      // The launchers' own: ./godwit and the distribution's bin/godwit read them.
      List.of(
          "GODWIT_CONFIG",
          "GODWIT_ENV",
          "GODWIT_JAVA_OPTS",
          "GODWIT_HOME",
          "GODWIT_CDS",
          "GODWIT_CDS_DIR");

  private final Map<String, String> environ;
  private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
  private final Map<String, String> placeholders = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean flywayMode;
  // GODWIT_* variables the file reads as ${env.NAME} (the quickstart's GODWIT_PG_URL): the file's
  // own, not misspelt settings.
  private final java.util.Set<String> referenced = new java.util.HashSet<>();

  ConfigLoader(Map<String, String> environ) {
    this.environ = environ;
  }

  /**
   * Reads the configuration as Flyway's even when no Flyway file or variable is there (Flyway's
   * command line was used), so Flyway's defaults apply; a godwit.toml still takes precedence.
   */
  ConfigLoader flywayMode(boolean on) {
    this.flywayMode = on;
    return this;
  }

  List<String> warnings() {
    return warnings;
  }

  /**
   * Loads everything.
   *
   * @param file the config file, or null for none
   * @param envName the environment to select, or null
   * @param flags settings given as flags, raw text
   * @param placeholderFlags placeholders given as flags
   */
  GodwitConfig load(
      Path file,
      String envName,
      Map<ConfigKey, String> flags,
      Map<String, String> placeholderFlags) {
    String selected = envName != null ? envName : environ.get("GODWIT_ENV");
    List<Path> flyway = List.of();
    // The file is parsed here, once: whether it is Flyway's and what it says come from one table.
    TomlTable root = null;
    if (file == null) {
      // No godwit.toml: a Flyway project directory is read as Flyway would read it.
      flyway = FlywayConfig.discover(environ, Paths.get(""));
    } else {
      root = FlywayConfig.isConf(file) ? null : FlywayConfig.parseToml(file);
      if (FlywayConfig.isFlywayFile(file, root)) {
        flyway = List.of(file);
      }
    }
    if (file != null) {
      noteReferencedVariables(file);
    }
    if (!flyway.isEmpty()) {
      selected = readFlyway(flyway, root == null ? Map.of() : Map.of(file, root), selected);
    } else if (file == null && (flywayMode || !FlywayConfig.variableNames(environ).isEmpty())) {
      // Containers and CI jobs often configure Flyway through its variables alone.
      selected = readFlyway(List.of(), Map.of(), selected);
    } else if (file != null) {
      selected = readFile(root, file.toString(), selected);
    } else if (selected != null) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Environment '"
              + selected
              + "' was selected but there is no godwit.toml; pass --config.");
    }
    readEnvironmentVariables();
    flags.forEach((k, v) -> values.put(k, k.parse(v)));
    placeholders.putAll(placeholderFlags);
    GodwitConfig.Builder b = GodwitConfig.builder();
    values.forEach(b::set);
    Map<String, String> merged = new LinkedHashMap<>();
    Object filePlaceholders = values.get(ConfigKey.PLACEHOLDERS);
    if (filePlaceholders instanceof Map<?, ?> m) {
      m.forEach((k, v) -> merged.put(String.valueOf(k), String.valueOf(v)));
    }
    merged.putAll(placeholders);
    b.placeholders(merged);
    b.environment(selected);
    return b.build();
  }

  /**
   * Reads Flyway's configuration files and variables and maps them onto Godwit's settings; Flyway
   * settings without a Godwit counterpart are named in one warning.
   *
   * @param parsed files among them already parsed
   * @return the selected environment
   */
  private String readFlyway(List<Path> files, Map<Path, TomlTable> parsed, String selected) {
    FlywayConfig.Loaded loaded = new FlywayConfig(environ).load(files, parsed, selected);
    List<String> variables = FlywayConfig.variableNames(environ);
    String names =
        !files.isEmpty()
            ? String.join(", ", files.stream().map(Path::toString).toList())
            : variables.isEmpty()
                ? "Flyway's command line options"
                : "the environment (" + String.join(", ", variables) + ")";
    LOG.info("Reading Flyway's configuration from {}", names);
    warnings.addAll(loaded.warnings());
    FlywaySettings.Mapped mapped = FlywaySettings.map(loaded.settings(), true, Paths.get(""));
    values.putAll(mapped.values());
    placeholders.putAll(mapped.placeholders());
    if (!mapped.unsupported().isEmpty()) {
      // Ignoring a setting would run the migrations differently from Flyway without a word.
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          names
              + ": Godwit does not support "
              + (mapped.unsupported().size() == 1
                  ? "this Flyway setting: "
                  : "these Flyway settings: ")
              + String.join(", ", mapped.unsupported())
              + ". Remove it from the configuration (or unset its variable) to run with Godwit;"
              + " README's 'Moving from Flyway' table lists what is supported.");
    }
    return loaded.environment();
  }

  private String readFile(TomlTable root, String source, String selected) {
    applyTable(root, source, "", true);
    TomlTable envs = root.getTable("environments");
    if (envs == null) {
      if (selected != null) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            source + " has no [environments." + selected + "] section (it defines none).");
      }
      return null;
    }
    String name = selected;
    if (name == null && envs.keys().contains("default")) {
      name = "default";
    }
    if (name == null) {
      return null;
    }
    TomlTable env = envs.getTable(name);
    if (env == null) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          source
              + " has no [environments."
              + name
              + "] section"
              + NameSuggestions.hint(name, envs.keys())
              + "; it defines: "
              + String.join(", ", envs.keys()));
    }
    applyTable(env, source, "environments." + name + ".", false);
    return name;
  }

  private void applyTable(TomlTable table, String source, String prefix, boolean root) {
    for (String key : table.keys()) {
      Object value = table.get(key);
      String where = source + ":" + table.line(key) + ":" + table.column(key) + ": ";
      if (root && key.equals("environments")) {
        if (!(value instanceof TomlTable)) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION, where + "'environments' must be a table of environments");
        }
        continue;
      }
      if (key.equals("lint")) {
        applyLint(value, source, where, prefix);
        continue;
      }
      if (key.equals("placeholders")) {
        if (!(value instanceof TomlTable t)) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              where + "'placeholders' must be a table: [" + prefix + "placeholders]");
        }
        for (String name : t.keys()) {
          Object v = t.get(name);
          if (v instanceof TomlTable || v instanceof List) {
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                source
                    + ":"
                    + t.line(name)
                    + ":"
                    + t.column(name)
                    + ": placeholder '"
                    + name
                    + "' must be a single value");
          }
          placeholders.put(name, expand(String.valueOf(v), where, prefix + "placeholders." + name));
        }
        continue;
      }
      ConfigKey k = ConfigKey.byKey(key);
      if (k == null) {
        List<String> known = new ArrayList<>(ConfigKey.keys());
        known.add("placeholders");
        known.add("lint");
        if (root) {
          known.add("environments");
        }
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            where
                + "unknown setting '"
                + prefix
                + key
                + "'"
                + NameSuggestions.hint(key, known)
                + ". See 'godwit --help' for the settings.");
      }
      values.put(k, checked(k, convert(k, value, where, prefix + key), where));
    }
  }

  /** The [lint] table: enable and disable lists, severity overrides per rule. */
  private void applyLint(Object value, String source, String where, String prefix) {
    if (!(value instanceof TomlTable t)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, where + "'lint' must be a table: [" + prefix + "lint]");
    }
    for (String k : t.keys()) {
      String at = source + ":" + t.line(k) + ":" + t.column(k) + ": ";
      switch (k) {
        case "enable" ->
            values.put(
                ConfigKey.LINT_ENABLE, convert(ConfigKey.LINT_ENABLE, t.get(k), at, "lint.enable"));
        case "disable" ->
            values.put(
                ConfigKey.LINT_DISABLE,
                convert(ConfigKey.LINT_DISABLE, t.get(k), at, "lint.disable"));
        case "severity" -> {
          if (!(t.get(k) instanceof TomlTable sev)) {
            throw typeError(at, "lint.severity", "a table such as { rename-column = \"warn\" }");
          }
          Map<String, String> map = new LinkedHashMap<>();
          for (String rule : sev.keys()) {
            map.put(rule, String.valueOf(sev.get(rule)));
          }
          values.put(ConfigKey.LINT_SEVERITY, checked(ConfigKey.LINT_SEVERITY, map, at));
        }
        default ->
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                at
                    + "unknown setting 'lint."
                    + k
                    + "'"
                    + NameSuggestions.hint(k, List.of("enable", "disable", "severity"))
                    + "; [lint] takes enable, disable and severity");
      }
    }
  }

  private Object convert(ConfigKey k, Object value, String where, String name) {
    switch (k.kind()) {
      case STRING:
        if (value instanceof TomlTable || value instanceof List) {
          throw typeError(where, name, "a string");
        }
        return expand(String.valueOf(value), where, name);
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        throw typeError(where, name, "true or false");
      case INTEGER:
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
          return l.intValue();
        }
        throw typeError(where, name, "a whole number");
      case DURATION:
        // "500ms" as a string; the number 0 (off) may be written bare.
        if (value instanceof String || (value instanceof Long l && l == 0)) {
          try {
            return k.parse(expand(String.valueOf(value), where, name));
          } catch (GodwitException e) {
            throw new GodwitException(ErrorCode.CONFIGURATION, where + e.getMessage(), e);
          }
        }
        throw typeError(where, name, "a duration such as \"500ms\" or \"2s\" (0 turns it off)");
      case LIST:
        if (value instanceof List<?> list) {
          List<String> out = new ArrayList<>();
          for (Object o : list) {
            out.add(expand(String.valueOf(o), where, name));
          }
          return out;
        }
        if (value instanceof String s) {
          return k.parse(expand(s, where, name));
        }
        throw typeError(where, name, "a list such as [\"a\", \"b\"]");
      case MAP:
        if (value instanceof TomlTable t) {
          Map<String, String> map = new LinkedHashMap<>();
          for (String key : t.keys()) {
            Object v = t.get(key);
            if (v instanceof TomlTable || v instanceof List) {
              throw typeError(where, name + "." + key, "a single value");
            }
            map.put(key, expand(String.valueOf(v), where, name + "." + key));
          }
          return map;
        }
        throw typeError(where, name, "a table such as { sslmode = \"require\" }");
      default:
        throw typeError(where, name, "a table");
    }
  }

  /** The value, checked against what the setting accepts; an error names the file and line. */
  private static Object checked(ConfigKey k, Object value, String where) {
    try {
      k.validate(value);
    } catch (GodwitException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, where + e.getMessage(), e);
    }
    return value;
  }

  private static GodwitException typeError(String where, String name, String expected) {
    return new GodwitException(
        ErrorCode.CONFIGURATION, where + "'" + name + "' must be " + expected);
  }

  /** Replaces {@code ${env.NAME}} with the environment variable; an unset one is an error. */
  private String expand(String value, String where, String name) {
    Matcher m = ENV_REF.matcher(value);
    if (!m.find()) {
      return value;
    }
    StringBuilder sb = new StringBuilder();
    do {
      String v = environ.get(m.group(1));
      if (v == null) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            where
                + "'"
                + name
                + "' reads the environment variable "
                + m.group(1)
                + ", which is not set. Export it, or put the value in the file.");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }

  private void noteReferencedVariables(Path file) {
    try {
      Matcher m = ENV_REF.matcher(java.nio.file.Files.readString(file));
      while (m.find()) {
        referenced.add(m.group(1));
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Reading the file proper reports what is wrong with it.
    }
  }

  private void readEnvironmentVariables() {
    List<String> known = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      known.add(k.envVar());
      String v = environ.get(k.envVar());
      if (v != null) {
        values.put(k, k.parse(v));
      }
    }
    for (Map.Entry<String, String> e : environ.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("GODWIT_")
          || known.contains(name)
          || META_VARIABLES.contains(name)
          || referenced.contains(name)
          || name.startsWith("GODWIT_TEST_")) {
        continue;
      }
      if (name.startsWith("GODWIT_PLACEHOLDERS_")) {
        placeholders.put(
            name.substring("GODWIT_PLACEHOLDERS_".length()).toLowerCase(Locale.ROOT), e.getValue());
        continue;
      }
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Unknown environment variable "
              + name
              + NameSuggestions.hint(name, known)
              + ". Settings map to GODWIT_<SETTING>, e.g. GODWIT_URL.");
    }
  }
}
