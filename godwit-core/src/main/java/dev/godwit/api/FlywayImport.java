package dev.godwit.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A Flyway configuration file written as the equivalent godwit.toml ({@code godwit config import}).
 * The history table stays Flyway's, so that Godwit uses the existing history and Flyway can keep
 * running against it. A password written in the Flyway file is not copied (nor one inside its URL);
 * references to environment variables are, as {@code ${env.NAME}}.
 *
 * @param toml the godwit.toml text
 * @param mapped one line per Flyway setting taken over, such as {@code cleanDisabled = false ->
 *     cleanEnabled = true}; secrets are shown as hidden
 * @param unsupported the Flyway settings left out, as Godwit has no counterpart, with the reason
 * @param notes what the user should do by hand (a password to put in a variable, an environment to
 *     select)
 */
public record FlywayImport(
    String toml, List<String> mapped, List<String> unsupported, List<String> notes) {
  /** An import; the lists are copied. */
  public FlywayImport {
    mapped = List.copyOf(mapped);
    unsupported = List.copyOf(unsupported);
    notes = List.copyOf(notes);
  }

  /**
   * Converts one Flyway file: {@code flyway.conf} (a {@code .conf} file) or {@code flyway.toml}
   * with its environments. Nothing is written.
   *
   * @param flywayFile the file
   * @return the godwit.toml text and the report
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} when the file cannot be read or
   *     parsed, naming it (and the line)
   */
  public static FlywayImport of(Path flywayFile) {
    return Godwit.importFlyway(flywayFile);
  }
}
