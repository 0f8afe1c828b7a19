package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flyway's command line, read so that a script or CI job calling {@code flyway} works with the
 * executable renamed: single-dash settings by Flyway's names ({@code -url=...}, {@code
 * -locations=...}, {@code -cleanDisabled=false}, {@code -placeholders.x=...}), {@code
 * -configFiles=...}, {@code -environment=...}, {@code -outputType=json}, {@code -X} (debug) and
 * {@code -n} (non-interactive, which Godwit always is). They are rewritten into Godwit's own
 * options; the command names are the same in both tools.
 */
final class FlywayArgs {
  /**
   * The command line in Godwit's terms.
   *
   * @param argv Godwit's arguments
   * @param configFiles the files {@code -configFiles} named (comma-separated), or null
   * @param flywayStyle whether any of Flyway's single-dash options was used: the configuration is
   *     then read as Flyway's (its history table, its defaults) even without a Flyway file
   */
  record Translated(String[] argv, String configFiles, boolean flywayStyle) {}

  private FlywayArgs() {}

  static Translated translate(String[] argv) throws Args.UsageException {
    List<String> out = new ArrayList<>();
    String configFiles = null;
    boolean flywayStyle = false;
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (arg.equals("--")) {
        out.addAll(List.of(argv).subList(i, argv.length));
        break;
      }
      if (arg.equals("-X")) {
        out.add("--verbose");
        continue;
      }
      if (arg.equals("-n")) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("-") || arg.startsWith("--") || eq < 2) {
        out.add(arg);
        continue;
      }
      String name = arg.substring(1, eq);
      String value = arg.substring(eq + 1);
      flywayStyle = true;
      switch (name) {
        case "configFiles" -> configFiles = value;
        case "environment" -> out.add("--env=" + value);
        case "outputType" -> {
          if (value.equalsIgnoreCase("json")) {
            out.add("--json");
          }
        }
        default -> out.addAll(setting(name, value));
      }
    }
    return new Translated(out.toArray(String[]::new), configFiles, flywayStyle);
  }

  /** One Flyway setting as Godwit's flags; one Godwit has not is a usage error naming it. */
  private static List<String> setting(String name, String value) throws Args.UsageException {
    FlywaySettings.Mapped m =
        FlywaySettings.map(Map.of(name, value), false, Paths.get("").toAbsolutePath());
    if (!m.unsupported().isEmpty() || (m.values().isEmpty() && m.placeholders().isEmpty())) {
      throw new Args.UsageException(
          "Flyway option -"
              + name
              + " is not supported by Godwit"
              + (m.unsupported().isEmpty() ? "" : ": " + m.unsupported().get(0))
              + ". Remove it, or see README's 'Moving from Flyway' table.");
    }
    List<String> flags = new ArrayList<>();
    m.placeholders().forEach((k, v) -> flags.add("--placeholders." + k + "=" + v));
    for (Map.Entry<ConfigKey, Object> e : m.values().entrySet()) {
      flags.add(e.getKey().flag() + "=" + text(e.getValue()));
    }
    return flags;
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> pairs = new ArrayList<>();
      map.forEach((k, v) -> pairs.add(k + "=" + v));
      return String.join(",", pairs);
    }
    return FlywaySettings.text(value);
  }
}
