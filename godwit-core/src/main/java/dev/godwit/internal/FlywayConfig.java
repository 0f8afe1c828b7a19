package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Flyway's configuration as Flyway does: {@code flyway.conf} (legacy) or {@code flyway.toml}
 * (modern), then the {@code FLYWAY_*} and new-style {@code flyway_*}/{@code environments_*}
 * variables, then the selected environment's {@code [environments.X.flyway]} overrides, which win
 * over everything else (flyway-compat.md §6). Settings keep Flyway's names; {@link FlywaySettings}
 * maps them onto Godwit's.
 */
final class FlywayConfig {
  private static final Pattern CONF_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final Pattern TOML_RESOLVER =
      Pattern.compile("(\\$?)\\$\\{([A-Za-z]+)\\.([^}]*)}");
  private static final Set<String> TOML_METADATA = Set.of("id", "name", "databaseType");

  /**
   * Flyway's settings as read.
   *
   * @param settings by Flyway's name ({@code locations}, {@code placeholders.x}, {@code url}), in
   *     order of precedence applied
   * @param environment the selected environment (TOML), or null for a conf file
   * @param files the files read
   * @param warnings what was noticed on the way
   */
  record Loaded(
      Map<String, Object> settings, String environment, List<Path> files, List<String> warnings) {}

  private final Map<String, String> environ;
  private final boolean keepReferences;
  private final boolean readVariables;
  private final List<String> warnings = new ArrayList<>();

  FlywayConfig(Map<String, String> environ) {
    this(environ, false, true);
  }

  /**
   * A reader.
   *
   * @param environ the environment variables: {@code ${NAME}} and {@code ${env.NAME}} in the files
   *     read them
   * @param keepReferences leave references to environment variables in the values, written as
   *     Godwit's {@code ${env.NAME}} (for {@code config import}), instead of resolving them
   * @param readVariables whether the {@code FLYWAY_*} (and new-style) variables are settings too,
   *     as on Flyway's command line; an embedder reading only a file leaves them out
   */
  FlywayConfig(Map<String, String> environ, boolean keepReferences, boolean readVariables) {
    this.environ = environ;
    this.keepReferences = keepReferences;
    this.readVariables = readVariables;
  }

  List<String> warnings() {
    return warnings;
  }

  /**
   * Flyway's config files for this directory, chosen as Flyway chooses its mode: the files named by
   * {@code FLYWAY_CONFIG_FILES}; else {@code flyway.toml} (and {@code flyway.user.toml}); else
   * {@code flyway.conf}; else none. Both kinds are never mixed.
   */
  static List<Path> discover(Map<String, String> environ, Path dir) {
    String listed = environ.get("FLYWAY_CONFIG_FILES");
    if (listed != null && !listed.isBlank()) {
      List<Path> files = new ArrayList<>();
      for (String name : listed.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        Path p = dir.resolve(name.trim());
        if (!Files.isRegularFile(p)) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "FLYWAY_CONFIG_FILES names " + name.trim() + ", which does not exist (" + p + ").");
        }
        files.add(p);
      }
      checkOneKind(files);
      return files;
    }
    List<Path> toml = new ArrayList<>();
    for (String name : List.of("flyway.toml", "flyway.user.toml")) {
      if (Files.isRegularFile(dir.resolve(name))) {
        toml.add(dir.resolve(name));
      }
    }
    if (!toml.isEmpty()) {
      return toml;
    }
    Path conf = dir.resolve("flyway.conf");
    return Files.isRegularFile(conf) ? List.of(conf) : List.of();
  }

  /** Whether a file given with --config is Flyway's rather than a godwit.toml. */
  static boolean isFlywayFile(Path file, TomlTable parsed) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".conf")) {
      return true;
    }
    return name.startsWith("flyway") || (parsed != null && parsed.get("flyway") != null);
  }

  static void checkOneKind(List<Path> files) {
    boolean conf = files.stream().anyMatch(FlywayConfig::isConf);
    boolean toml = files.stream().anyMatch(p -> !isConf(p));
    if (conf && toml) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Flyway reads either .conf or .toml files, not both: " + files + ".");
    }
  }

  static boolean isConf(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".conf");
  }

  /**
   * Reads the files and the variables.
   *
   * @param files Flyway's config files, all of one kind
   * @param parsed TOML files among them that the caller parsed already
   * @param selected the environment chosen on the command line or by GODWIT_ENV, or null
   */
  Loaded load(List<Path> files, Map<Path, TomlTable> parsed, String selected) {
    checkOneKind(files);
    Map<String, Object> settings = new LinkedHashMap<>();
    String environment = null;
    List<TomlTable> roots = new ArrayList<>();
    if (!files.isEmpty() && isConf(files.get(0))) {
      for (Path f : files) {
        settings.putAll(readConf(f));
      }
    } else {
      for (Path f : files) {
        TomlTable root = parsed.containsKey(f) ? parsed.get(f) : parseToml(f);
        roots.add(root);
        TomlTable fw = root.getTable("flyway");
        if (fw != null && fw.get("environment") instanceof String name) {
          environment = name;
        }
      }
      environment = chooseEnvironment(selected, environment, roots, files);
      for (int i = 0; i < roots.size(); i++) {
        readTomlRoot(roots.get(i), files.get(i), environment, settings);
      }
    }
    if (readVariables) {
      settings.putAll(variables(environment == null ? "default" : environment));
    }
    for (int i = 0; i < roots.size(); i++) {
      TomlTable override = environmentTable(roots.get(i), environment, "flyway");
      if (override != null) {
        // Flyway: the environment's own settings replace the root ones from any source.
        flatten(override, "", files.get(i), settings);
      }
    }
    return new Loaded(settings, environment, files, List.copyOf(warnings));
  }

  private String chooseEnvironment(
      String selected, String fromFile, List<TomlTable> roots, List<Path> files) {
    String name = selected;
    if (name == null && readVariables) {
      name = environ.get("FLYWAY_ENVIRONMENT");
    }
    if (name == null && readVariables) {
      name = environ.get("flyway_environment");
    }
    if (name == null) {
      name = fromFile;
    }
    boolean explicit = name != null;
    if (name == null) {
      name = "default";
    }
    Set<String> defined = new LinkedHashSet<>();
    for (TomlTable root : roots) {
      TomlTable envs = root.getTable("environments");
      if (envs != null) {
        defined.addAll(envs.keys());
      }
    }
    if (explicit && !defined.contains(name) && !name.equals("default")) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          files
              + " define no [environments."
              + name
              + "]"
              + NameSuggestions.hint(name, defined)
              + (defined.isEmpty() ? "" : "; defined: " + String.join(", ", defined)));
    }
    return name;
  }

  // ------------------------------------------------------------------ flyway.conf

  /** A legacy properties file: {@code flyway.<key>=<value>}, keys returned without the prefix. */
  Map<String, Object> readConf(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> foreign = new ArrayList<>();
    StringBuilder pending = null;
    int startLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (pending == null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        pending = new StringBuilder();
        startLine = i + 1;
      }
      // A trailing backslash continues the value on the next line; others are literal.
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1);
        continue;
      }
      pending.append(line);
      String entry = pending.toString();
      pending = null;
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            file + ":" + startLine + ": expected flyway.<setting>=<value>, found '" + entry + "'");
      }
      String key = entry.substring(0, eq).trim();
      String value = expandConf(entry.substring(eq + 1).trim());
      if (!key.startsWith("flyway.")) {
        foreign.add(key);
        continue;
      }
      out.put(normalise(key.substring("flyway.".length())), value);
    }
    if (!foreign.isEmpty()) {
      warnings.add(
          file + ": ignored keys that are not flyway.* settings: " + String.join(", ", foreign));
    }
    return out;
  }

  /** {@code ${NAME}} in a conf value is the environment variable, empty when unset (Flyway). */
  private String expandConf(String value) {
    Matcher m = CONF_VARIABLE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v =
          keepReferences ? "${env." + m.group(1) + "}" : environ.getOrDefault(m.group(1), "");
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ------------------------------------------------------------------ flyway.toml

  static TomlTable parseToml(Path file) {
    try {
      String name = file.toString();
      return Toml.parse(Toml.decode(Files.readAllBytes(file), name), name);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage(), e);
    } catch (TomlException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, e.getMessage(), e);
    }
  }

  private void readTomlRoot(
      TomlTable root, Path file, String environment, Map<String, Object> settings) {
    TomlTable fw = root.getTable("flyway");
    if (fw != null) {
      for (String k : List.of("url", "user", "password")) {
        if (fw.get(k) != null) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              file
                  + ":"
                  + fw.line(k)
                  + ": '"
                  + k
                  + "' belongs in an environment, [environments.<name>], not in [flyway]"
                  + " (Flyway refuses it there too).");
        }
      }
      Map<String, Object> flat = new LinkedHashMap<>();
      flatten(fw, "", file, flat);
      flat.remove("environment");
      settings.putAll(flat);
    }
    TomlTable env = environmentTable(root, environment, null);
    if (env != null) {
      Map<String, Object> flat = new LinkedHashMap<>();
      for (String k : env.keys()) {
        if (!k.equals("flyway")) {
          Object v = env.get(k);
          if (v instanceof TomlTable t) {
            flatten(t, k + ".", file, flat);
          } else {
            flat.put(k, resolve(v, file));
          }
        }
      }
      settings.putAll(flat);
    }
  }

  /** The selected environment's table, or a table inside it. */
  static TomlTable environmentTable(TomlTable root, String environment, String inner) {
    TomlTable envs = root.getTable("environments");
    TomlTable env = envs == null || environment == null ? null : envs.getTable(environment);
    return env == null || inner == null ? env : env.getTable(inner);
  }

  /** Nested tables become dotted keys: [flyway.postgresql] transactional.lock. */
  void flatten(TomlTable table, String prefix, Path file, Map<String, Object> out) {
    for (String k : table.keys()) {
      Object v = table.get(k);
      if (v instanceof TomlTable t) {
        flatten(t, prefix + k + ".", file, out);
      } else {
        out.put(normalise(prefix + k), resolve(v, file));
      }
    }
  }

  /** TOML values: {@code ${env.NAME}} reads a variable, {@code $${...}} is a literal. */
  private Object resolve(Object value, Path file) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(resolve(o, file));
      }
      return out;
    }
    if (!(value instanceof String s) || !s.contains("${")) {
      return value;
    }
    Matcher m = TOML_RESOLVER.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = m.group().substring(1);
      } else if (m.group(2).equals("env") && keepReferences) {
        replacement = m.group();
      } else if (m.group(2).equals("env")) {
        replacement = environ.get(m.group(3));
        if (replacement == null) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              file + ": ${env." + m.group(3) + "} reads an environment variable that is not set.");
        }
      } else {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            file
                + ": the resolver ${"
                + m.group(2)
                + ".…} is not supported by Godwit; use ${env.NAME} and an environment variable.");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  // ------------------------------------------------------------------ variables

  /**
   * The names of the set variables Flyway reads as settings (classic {@code FLYWAY_*} and new-style
   * {@code flyway_*}/{@code environments_*}), sorted; never their values.
   */
  static List<String> variableNames(Map<String, String> environ) {
    Set<String> classic = new java.util.HashSet<>();
    for (String key : FlywaySettings.known()) {
      classic.add(FlywaySettings.classicVariable(key));
    }
    return environ.keySet().stream()
        .filter(
            n ->
                classic.contains(n)
                    || n.startsWith("FLYWAY_PLACEHOLDERS_")
                    || n.startsWith("FLYWAY_JDBC_PROPERTIES_")
                    || n.startsWith("flyway_")
                    || n.startsWith("environments_"))
        .sorted()
        .toList();
  }

  /**
   * The {@code FLYWAY_*} variables (Flyway's fixed names), then the new-style {@code flyway_*} and
   * {@code environments_<env>_*} ones, which win with Flyway's warning.
   */
  private Map<String, Object> variables(String environment) {
    Map<String, Object> classic = new LinkedHashMap<>();
    Map<String, String> classicNames = new LinkedHashMap<>();
    for (String key : FlywaySettings.known()) {
      String name = FlywaySettings.classicVariable(key);
      String v = environ.get(name);
      if (v != null) {
        classic.put(key, v);
        classicNames.put(key, name);
      }
    }
    for (Map.Entry<String, String> e : environ.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("FLYWAY_PLACEHOLDERS_")) {
        String key = "placeholders." + name.substring(20).toLowerCase(Locale.ROOT);
        classic.put(key, e.getValue());
        classicNames.put(key, name);
      } else if (name.startsWith("FLYWAY_JDBC_PROPERTIES_")) {
        classic.put("jdbcProperties." + name.substring(23), e.getValue());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(classic);
    String envPrefix = "environments_" + environment + "_";
    for (Map.Entry<String, String> e : environ.entrySet()) {
      String name = e.getKey();
      String key;
      if (name.startsWith("flyway_") && !name.equals("flyway_environment")) {
        key = normalise(name.substring("flyway_".length()).replace('_', '.'));
      } else if (name.startsWith(envPrefix)) {
        key = normalise(name.substring(envPrefix.length()).replace('_', '.'));
      } else {
        continue;
      }
      if (classicNames.containsKey(key)) {
        warnings.add(
            "Using both new Environment variable "
                + name
                + " and old Environment variable "
                + classicNames.get(key)
                + ". Please remove "
                + classicNames.get(key)
                + ".");
      }
      out.put(key, e.getValue());
    }
    return out;
  }

  /** Placeholder names are case-insensitive: one spelling per name. */
  private static String normalise(String key) {
    return key.startsWith("placeholders.")
        ? "placeholders." + key.substring("placeholders.".length()).toLowerCase(Locale.ROOT)
        : key;
  }

  /** Whether a root key of a Flyway TOML file is project metadata Flyway's engine ignores too. */
  static boolean isMetadata(String key) {
    return TOML_METADATA.contains(key);
  }
}
