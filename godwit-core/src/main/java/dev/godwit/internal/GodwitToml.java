package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a godwit.toml: the top-level settings, {@code [placeholders]}, {@code [lint]}, and the
 * selected {@code [environments.NAME]} (or {@code default}) over them. Every value is checked here,
 * so that an error names the file, line and column; {@code ${env.NAME}} reads a variable.
 */
final class GodwitToml {
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

  private final Map<String, String> environ;
  private final Map<ConfigKey, Object> values;
  private final Map<String, String> placeholders;

  /**
   * A reader putting what it reads into the maps given.
   *
   * @param environ the variables {@code ${env.NAME}} reads
   */
  GodwitToml(
      Map<String, String> environ,
      Map<ConfigKey, Object> values,
      Map<String, String> placeholders) {
    this.environ = environ;
    this.values = values;
    this.placeholders = placeholders;
  }

  /**
   * Applies the file's top-level table, then the selected environment's.
   *
   * @param root the parsed file
   * @param source the file's name, for messages
   * @param selected the environment to apply, or null for {@code default} when it exists
   * @return the environment applied, or null
   */
  String read(TomlTable root, String source, String selected) {
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

  /**
   * The variables the file reads as {@code ${env.NAME}} (the quickstart's GODWIT_PG_URL): the
   * file's own, not misspelt settings. A file that cannot be read has none; reading it proper
   * reports what is wrong with it.
   */
  static Set<String> referencedVariables(Path file) {
    Set<String> names = new HashSet<>();
    try {
      Matcher m = ENV_REF.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        names.add(m.group(1));
      }
    } catch (IOException | RuntimeException e) {
      return names;
    }
    return names;
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
        applyPlaceholders(value, source, where, prefix);
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

  private void applyPlaceholders(Object value, String source, String where, String prefix) {
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
}
