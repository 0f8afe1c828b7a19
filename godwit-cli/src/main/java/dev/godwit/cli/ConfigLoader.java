package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ConfigSource;
import dev.godwit.api.GodwitConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line's configuration: the core reads godwit.toml (or Flyway's configuration in its
 * place) and the environment variables ({@link GodwitConfig.Builder#discover}, {@link
 * GodwitConfig.Builder#fromEnvironment}); the flags go on top, as values given in code.
 */
final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

  private final Map<String, String> environ;
  private final List<String> warnings = new ArrayList<>();
  private boolean flywayMode;

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
   * @param file the config file ({@code --config}), or null to find it as the README says
   * @param envName the environment to select, or null
   * @param flags settings given as flags, raw text
   * @param placeholderFlags placeholders given as flags
   */
  GodwitConfig load(
      Path file,
      String envName,
      Map<ConfigKey, String> flags,
      Map<String, String> placeholderFlags) {
    GodwitConfig.Builder b = sources().environment(envName);
    if (file != null) {
      b.configFile(file);
    } else {
      b.discover(Paths.get(""));
      if (flywayMode) {
        b.flywayConfig();
      }
    }
    return withFlags(b, flags, placeholderFlags);
  }

  /**
   * Loads Flyway's files named by {@code -configFiles}, which beat {@code FLYWAY_CONFIG_FILES} and
   * any godwit.toml, as in Flyway.
   */
  GodwitConfig loadFlywayFiles(
      List<Path> files,
      String envName,
      Map<ConfigKey, String> flags,
      Map<String, String> placeholderFlags) {
    GodwitConfig.Builder b =
        sources().environment(envName).flywayConfig(files.toArray(Path[]::new));
    return withFlags(b, flags, placeholderFlags);
  }

  private GodwitConfig.Builder sources() {
    return GodwitConfig.builder().environmentVariables(environ).fromEnvironment();
  }

  private GodwitConfig withFlags(
      GodwitConfig.Builder b, Map<ConfigKey, String> flags, Map<String, String> placeholderFlags) {
    flags.forEach((k, v) -> b.set(k, k.parse(v)));
    placeholderFlags.forEach(b::placeholder);
    GodwitConfig config = b.build();
    logFlywaySource(config.sources());
    warnings.addAll(config.warnings());
    return config;
  }

  /** Says once where Flyway's configuration came from: its files, or its variables by name. */
  private void logFlywaySource(List<ConfigSource> sources) {
    for (ConfigSource s : sources) {
      switch (s.kind()) {
        case FLYWAY_FILES, FLYWAY_VARIABLES -> {
          LOG.info("Reading Flyway's configuration from {}", s);
          return;
        }
        case FLYWAY_DEFAULTS -> {
          LOG.info("Reading Flyway's configuration from Flyway's command line options");
          return;
        }
        default -> {}
      }
    }
  }
}
