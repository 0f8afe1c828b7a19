package dev.godwit.api;

import java.util.List;
import java.util.Objects;

/**
 * A source a {@link GodwitConfig} was read from: a file, or environment variables named without
 * their values (a URL or a password may be among them). {@link GodwitConfig#sources()} lists them
 * in order of increasing precedence; values given to the {@link GodwitConfig.Builder} in code come
 * last and are not listed.
 *
 * @param kind what kind of source
 * @param names the files as given, or the names of the variables read; empty for {@link
 *     Kind#FLYWAY_DEFAULTS}
 */
public record ConfigSource(Kind kind, List<String> names) {
  /** The kinds of source. */
  public enum Kind {
    /** A godwit.toml (its selected environment is {@link GodwitConfig#environment()}). */
    GODWIT_FILE,
    /** Flyway's configuration files: flyway.conf, or flyway.toml and flyway.user.toml. */
    FLYWAY_FILES,
    /** Flyway's variables: {@code FLYWAY_*}, and the new-style {@code flyway_*} ones. */
    FLYWAY_VARIABLES,
    /**
     * Flyway's defaults (its history table, its baseline description): the configuration was read
     * as Flyway's though no Flyway file or variable was found.
     */
    FLYWAY_DEFAULTS,
    /** Godwit's variables: {@code GODWIT_<SETTING>} and {@code GODWIT_PLACEHOLDERS_<NAME>}. */
    GODWIT_VARIABLES
  }

  /** A source; the names are copied. */
  public ConfigSource {
    Objects.requireNonNull(kind, "kind");
    names = List.copyOf(names);
  }

  /**
   * The source as a log line names it: the files, or {@code the environment (NAME, ...)}, or {@code
   * Flyway's defaults}.
   */
  @Override
  public String toString() {
    return switch (kind) {
      case GODWIT_FILE, FLYWAY_FILES -> String.join(", ", names);
      case FLYWAY_VARIABLES, GODWIT_VARIABLES ->
          "the environment (" + String.join(", ", names) + ")";
      case FLYWAY_DEFAULTS -> "Flyway's defaults";
    };
  }
}
