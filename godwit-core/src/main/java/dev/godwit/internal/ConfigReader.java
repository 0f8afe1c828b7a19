package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ConfigSource;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configuration sources a {@link GodwitConfig.Builder} names, in increasing precedence: a
 * godwit.toml (its selected environment over its top level) or, in its place, Flyway's
 * configuration ({@code flyway.toml} or {@code flyway.conf} and the {@code FLYWAY_*} variables, in
 * Flyway's own order); then the {@code GODWIT_*} variables. The values given to the builder in code
 * come after these (the builder applies them).
 */
final class ConfigReader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);
  private static final List<String> META_VARIABLES =
      // The launchers' own (./godwit and the distribution's bin/godwit read them) and the ones
      // that choose the file and the environment.
      List.of(
          "GODWIT_CONFIG",
          "GODWIT_ENV",
          "GODWIT_JAVA_OPTS",
          "GODWIT_HOME",
          "GODWIT_CDS",
          "GODWIT_CDS_DIR");

  /**
   * What to read.
   *
   * @param file a godwit.toml or a Flyway file, or null
   * @param flywayFiles Flyway's files; empty to read the configuration as Flyway's without a file;
   *     null when Flyway's configuration was not asked for
   * @param directory where to look for the files as the command line does, or null
   * @param environ the environment variables
   * @param fromEnvironment whether the variables are settings too ({@code GODWIT_*}, {@code
   *     FLYWAY_*}), besides what {@code ${env.NAME}} reads
   * @param environment the environment chosen by the caller, or null
   */
  record Request(
      Path file,
      List<Path> flywayFiles,
      Path directory,
      Map<String, String> environ,
      boolean fromEnvironment,
      String environment) {}

  private final Request request;
  private final Map<String, String> environ;
  private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
  private final Map<String, String> placeholders = new LinkedHashMap<>();
  private final List<ConfigSource> sources = new ArrayList<>();
  private final List<String> warnings;
  private final Set<String> referenced = new HashSet<>();

  private ConfigReader(Request request, List<String> warnings) {
    this.request = request;
    this.environ = request.environ();
    this.warnings = warnings;
  }

  /**
   * Reads the sources into a builder.
   *
   * @param into receives the values, the placeholders and the selected environment
   * @param warnings receives what was noticed on the way
   * @return the sources read, in increasing precedence
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} naming the file, line and column,
   *     or the variable, and what is accepted
   */
  static List<ConfigSource> read(
      Request request, GodwitConfig.Builder into, List<String> warnings) {
    ConfigReader reader = new ConfigReader(request, warnings);
    String selected = reader.readAll();
    // GODWIT_PLACEHOLDERS (a map) first, then the names one by one: the file's table, the
    // GODWIT_PLACEHOLDERS_<NAME> variables.
    Map<String, String> merged = new LinkedHashMap<>();
    if (reader.values.remove(ConfigKey.PLACEHOLDERS) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> merged.put(String.valueOf(k), String.valueOf(v)));
    }
    merged.putAll(reader.placeholders);
    reader.values.forEach(into::set);
    if (!merged.isEmpty()) {
      into.placeholders(merged);
    }
    into.environment(selected);
    LOG.debug("Configuration read from {}", reader.sources);
    return List.copyOf(reader.sources);
  }

  private String readAll() {
    boolean discovering = request.directory() != null;
    String selected = request.environment();
    if (selected == null && (request.fromEnvironment() || discovering)) {
      selected = environ.get("GODWIT_ENV");
    }
    Path file = request.file();
    List<Path> flyway = List.of();
    if (file == null && request.flywayFiles() != null && !request.flywayFiles().isEmpty()) {
      flyway = request.flywayFiles();
      for (Path p : flyway) {
        exists(p, p.toString());
      }
      FlywayConfig.checkOneKind(flyway);
    } else if (file == null && discovering) {
      file = discover(request.directory());
      if (file == null) {
        // No godwit.toml: a Flyway project directory is read as Flyway would read it.
        flyway = FlywayConfig.discover(environ, request.directory());
      }
    }
    // The file is parsed here, once: whether it is Flyway's and what it says come from one table.
    TomlTable root = null;
    if (file != null) {
      exists(file, file.toString());
      root = FlywayConfig.isConf(file) ? null : FlywayConfig.parseToml(file);
      if (FlywayConfig.isFlywayFile(file, root)) {
        flyway = List.of(file);
      } else {
        referenced.addAll(GodwitToml.referencedVariables(file));
      }
    }
    boolean flywayVariables =
        request.fromEnvironment() && !FlywayConfig.variableNames(environ).isEmpty();
    if (!flyway.isEmpty()) {
      Map<Path, TomlTable> parsed = root == null ? Map.of() : Map.of(file, root);
      selected = readFlyway(flyway, parsed, selected);
    } else if (file == null && (request.flywayFiles() != null || flywayVariables)) {
      // Containers and CI jobs often configure Flyway through its variables alone.
      selected = readFlyway(List.of(), Map.of(), selected);
    } else if (file != null) {
      sources.add(new ConfigSource(ConfigSource.Kind.GODWIT_FILE, List.of(file.toString())));
      selected =
          new GodwitToml(environ, values, placeholders).read(root, file.toString(), selected);
    } else if (selected != null && discovering) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Environment '"
              + selected
              + "' was selected but there is no godwit.toml; pass --config (the Java API:"
              + " configFile).");
    }
    if (request.fromEnvironment()) {
      readEnvironmentVariables();
    }
    return selected;
  }

  /**
   * The command line's choice without {@code --config}: the directory's godwit.toml, else the file
   * {@code GODWIT_CONFIG} names (a default for directories without a project file of their own).
   */
  private Path discover(Path directory) {
    Path local = directory.resolve("godwit.toml");
    if (Files.isRegularFile(local)) {
      return local;
    }
    String named = environ.get("GODWIT_CONFIG");
    return named == null || named.isBlank() ? null : Paths.get(named);
  }

  private static void exists(Path file, String given) {
    if (!Files.isRegularFile(file)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Config file " + given + " does not exist (" + file.toAbsolutePath() + ").");
    }
  }

  /**
   * Reads Flyway's configuration files and variables and maps them onto Godwit's settings; Flyway
   * settings without a Godwit counterpart are an error naming each of them.
   *
   * @param parsed files among them already parsed
   * @return the selected environment
   */
  private String readFlyway(List<Path> files, Map<Path, TomlTable> parsed, String selected) {
    FlywayConfig.Loaded loaded =
        new FlywayConfig(environ, false, request.fromEnvironment()).load(files, parsed, selected);
    List<String> variables =
        request.fromEnvironment() ? FlywayConfig.variableNames(environ) : List.of();
    if (!files.isEmpty()) {
      sources.add(
          new ConfigSource(
              ConfigSource.Kind.FLYWAY_FILES, files.stream().map(Path::toString).toList()));
    }
    if (!variables.isEmpty()) {
      sources.add(new ConfigSource(ConfigSource.Kind.FLYWAY_VARIABLES, variables));
    }
    if (sources.isEmpty()) {
      sources.add(new ConfigSource(ConfigSource.Kind.FLYWAY_DEFAULTS, List.of()));
    }
    // Named by its files, else by its variables (never their values).
    String names = sources.get(0).toString();
    warnings.addAll(loaded.warnings());
    Path workingDirectory = request.directory() != null ? request.directory() : Paths.get("");
    FlywaySettings.Mapped mapped = FlywaySettings.map(loaded.settings(), true, workingDirectory);
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

  private void readEnvironmentVariables() {
    List<String> known = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      known.add(k.envVar());
      String v = environ.get(k.envVar());
      if (v != null) {
        values.put(k, k.parse(v));
        read.add(k.envVar());
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
        read.add(name);
        continue;
      }
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Unknown environment variable "
              + name
              + NameSuggestions.hint(name, known)
              + ". Settings map to GODWIT_<SETTING>, e.g. GODWIT_URL.");
    }
    if (!read.isEmpty()) {
      read.sort(null);
      sources.add(new ConfigSource(ConfigSource.Kind.GODWIT_VARIABLES, read));
    }
  }
}
