package dev.godwit.maven;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import dev.godwit.internal.Toml;
import dev.godwit.internal.TomlException;
import dev.godwit.internal.TomlTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * godwit.toml as the CLI reads it: top-level settings, {@code [placeholders]}, {@code [lint]}, and
 * the selected {@code [environments.NAME]} (or {@code default}) over them. The only class of the
 * plugin that reads the file: when the core offers a public loader, this class becomes a call to
 * it.
 *
 * @param values the settings, unchecked (the core checks them when the configuration is built)
 * @param placeholders the {@code [placeholders]} values
 * @param environment the selected environment, or null
 */
record ConfigFile(
    Map<ConfigKey, Object> values, Map<String, String> placeholders, String environment) {
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * Reads the file.
   *
   * @param selected the environment to apply, or null for {@code default} when there is one
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming file, line and column
   */
  static ConfigFile read(Path file, String selected) {
    TomlTable root;
    try {
      root = Toml.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(), e);
    } catch (TomlException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, e.getMessage(), e);
    }
    ConfigFile out = new ConfigFile(new EnumMap<>(ConfigKey.class), new LinkedHashMap<>(), null);
    out.apply(root, file, "", true);
    TomlTable envs = root.getTable("environments");
    String name = selected;
    if (name == null && envs != null && envs.keys().contains("default")) {
      name = "default";
    }
    if (name == null) {
      return out;
    }
    TomlTable env = envs == null ? null : envs.getTable(name);
    if (env == null) {
      List<String> known = envs == null ? List.of() : new ArrayList<>(envs.keys());
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          file
              + " has no [environments."
              + name
              + "] section"
              + NameSuggestions.hint(name, known)
              + (known.isEmpty() ? "" : "; it defines: " + String.join(", ", known)));
    }
    out.apply(env, file, "environments." + name + ".", false);
    return new ConfigFile(out.values, out.placeholders, name);
  }

  private void apply(TomlTable table, Path file, String prefix, boolean root) {
    for (String key : table.keys()) {
      Object value = table.get(key);
      String where = file + ":" + table.line(key) + ":" + table.column(key) + ": ";
      if (root && key.equals("environments")) {
        continue;
      }
      if (key.equals("placeholders") || key.equals("lint")) {
        if (!(value instanceof TomlTable t)) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION, where + "'" + key + "' must be a table: [" + key + "]");
        }
        if (key.equals("placeholders")) {
          t.keys().forEach(n -> placeholders.put(n, expand(String.valueOf(t.get(n)), where)));
        } else {
          applyLint(t, file, prefix);
        }
        continue;
      }
      ConfigKey k = ConfigKey.byKey(key);
      if (k == null) {
        List<String> known = new ArrayList<>(ConfigKey.keys());
        known.addAll(List.of("placeholders", "lint", "environments"));
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            where + "unknown setting '" + prefix + key + "'" + NameSuggestions.hint(key, known));
      }
      put(k, value, where);
    }
  }

  private void applyLint(TomlTable t, Path file, String prefix) {
    for (String k : t.keys()) {
      String where = file + ":" + t.line(k) + ":" + t.column(k) + ": ";
      switch (k) {
        case "enable" -> put(ConfigKey.LINT_ENABLE, t.get(k), where);
        case "disable" -> put(ConfigKey.LINT_DISABLE, t.get(k), where);
        case "severity" -> {
          if (!(t.get(k) instanceof TomlTable sev)) {
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                where + "'lint.severity' must be a table such as { rename-column = \"warn\" }");
          }
          Map<String, String> map = new LinkedHashMap<>();
          sev.keys().forEach(rule -> map.put(rule, String.valueOf(sev.get(rule))));
          put(ConfigKey.LINT_SEVERITY, map, where);
        }
        default ->
            throw new GodwitException(
                ErrorCode.CONFIGURATION,
                where
                    + "unknown setting '"
                    + prefix
                    + "lint."
                    + k
                    + "'; [lint] takes enable, disable and severity");
      }
    }
  }

  /** The value, checked now so that an error names the file, line and column. */
  private void put(ConfigKey k, Object raw, String where) {
    Object value = raw;
    if (raw instanceof String s) {
      value = expand(s, where);
    } else if (raw instanceof List<?> list) {
      value = list.stream().map(o -> expand(String.valueOf(o), where)).toList();
    }
    try {
      k.validate(value);
    } catch (GodwitException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, where + e.getMessage(), e);
    }
    values.put(k, value);
  }

  /** Replaces {@code ${env.NAME}} with the environment variable, as the CLI does. */
  private static String expand(String text, String where) {
    Matcher m = ENV_REF.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = System.getenv(m.group(1));
      if (v == null) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            where
                + "reads the environment variable "
                + m.group(1)
                + ", which is not set. Export it, or put the value in the file.");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
