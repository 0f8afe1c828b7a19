package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.nio.file.Path;
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

  /** The files of {@code -configFiles}, comma-separated. */
  static List<Path> files(String configFiles) {
    List<Path> files = new ArrayList<>();
    for (String name : configFiles.split(",")) {
      if (!name.isBlank()) {
        files.add(Paths.get(name.trim()));
      }
    }
    return files;
  }

  /**
   * One Flyway setting as Godwit's flags (none when its value is what Godwit does anyway); one
   * Godwit has not is a usage error naming it (the core's message says where to look). The core
   * maps it ({@link GodwitConfig.Builder#flywaySetting}); the flags keep the command line's order.
   */
  private static List<String> setting(String name, String value) throws Args.UsageException {
    GodwitConfig mapped;
    try {
      mapped = GodwitConfig.builder().flywaySetting(name, value).build();
    } catch (GodwitException e) {
      throw new Args.UsageException(
          "Flyway option -" + name + " is not supported by Godwit as given: " + e.getMessage());
    }
    List<String> flags = new ArrayList<>();
    mapped.placeholders().forEach((k, v) -> flags.add("--placeholders." + k + "=" + v));
    for (ConfigKey k : ConfigKey.values()) {
      if (k != ConfigKey.PLACEHOLDERS && mapped.isSet(k)) {
        flags.add(k.flag() + "=" + text(mapped.get(k)));
      }
    }
    return flags;
  }

  private static String text(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> pairs = new ArrayList<>();
      map.forEach((k, v) -> pairs.add(k + "=" + v));
      return String.join(",", pairs);
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
