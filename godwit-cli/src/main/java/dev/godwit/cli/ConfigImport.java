package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitException;
import dev.godwit.internal.TomlTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code godwit config import <flyway.conf|flyway.toml> [--output godwit.toml]}: writes the
 * godwit.toml equivalent to a Flyway configuration file, keeping Flyway's history table, and prints
 * what it mapped and what it could not.
 */
final class ConfigImport {
  static final String USAGE =
      "Usage: godwit config import <flyway.conf|flyway.toml> [--output <file>] [--json]\n\n"
          + "Write the godwit.toml equivalent to a Flyway configuration file. The history table\n"
          + "stays flyway_schema_history, so Godwit uses the existing history and Flyway can keep\n"
          + "running against it. Settings Godwit does not support are listed, not copied.\n"
          + "  --output <file>   where to write (default ./godwit.toml; '-' for stdout).\n"
          + "                    An existing file is not overwritten.\n"
          + "  --json            print the report (and with --output -, the file) as JSON.\n";

  private final PrintStream out;
  private final PrintStream err;
  private boolean json;

  // Global flags that mean the same here as for every command; --json is handled below.
  private static final List<String> GLOBAL_FLAGS =
      List.of("--verbose", "-v", "--quiet", "-q", "--stacktrace", "--json");

  /**
   * Where {@code config} stands in the arguments when it is the command (after any global flags),
   * or -1.
   */
  static int commandIndex(String[] argv) {
    for (int i = 0; i < argv.length; i++) {
      if (!GLOBAL_FLAGS.contains(argv[i])) {
        return argv[i].equals("config") ? i : -1;
      }
    }
    return -1;
  }

  private ConfigImport(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs {@code config ...}.
   *
   * @param args the arguments after {@code config}
   * @return the exit code
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return new ConfigImport(out, err).run(args);
  }

  private int run(List<String> args) {
    String input = null;
    String output = "godwit.toml";
    boolean sawImport = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--json")) {
        json = true;
      } else if (GLOBAL_FLAGS.contains(a)) {
        continue;
      } else if (a.equals("--help") || a.equals("-h")) {
        out.print(USAGE);
        return ExitCode.OK.code;
      } else if (a.equals("--output") && i + 1 < args.size()) {
        output = args.get(++i);
      } else if (a.startsWith("--output=")) {
        output = a.substring("--output=".length());
      } else if (!sawImport && a.equals("import")) {
        sawImport = true;
      } else if (sawImport && input == null && !a.startsWith("--")) {
        input = a;
      } else {
        return usage("Unexpected argument '" + a + "'.");
      }
    }
    if (!sawImport || input == null) {
      return usage(sawImport ? "Name the Flyway file to import." : "Unknown config command.");
    }
    Path source = Paths.get(input);
    if (!Files.isRegularFile(source)) {
      return fail(
          ExitCode.CONFIGURATION,
          "CONFIGURATION",
          input + " does not exist (" + source.toAbsolutePath() + ").");
    }
    try {
      Converted c = convert(source);
      String text = c.toml();
      if (output.equals("-")) {
        if (!json) {
          out.print(text);
        }
      } else {
        Path target = Paths.get(output);
        if (Files.exists(target)) {
          return fail(
              ExitCode.CONFIGURATION,
              "CONFIGURATION",
              output + " exists already; move it away or pass --output <another file>.");
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
      }
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("source", source.toString());
        doc.put("output", output.equals("-") ? null : output);
        if (output.equals("-")) {
          doc.put("toml", text);
        }
        doc.put("mapped", c.mapped());
        doc.put("unsupported", c.unsupported());
        doc.put("notes", c.notes());
        out.println(Json.write(doc));
        return ExitCode.OK.code;
      }
      PrintStream report = output.equals("-") ? err : out;
      report.println("Imported " + source + (output.equals("-") ? "" : " into " + output) + ".");
      report.println("Mapped:");
      c.mapped().forEach(m -> report.println("  " + m));
      if (!c.unsupported().isEmpty()) {
        report.println("Not supported by Godwit (left out):");
        c.unsupported().forEach(u -> report.println("  " + u));
      }
      c.notes().forEach(n -> report.println("Note: " + n));
      return ExitCode.OK.code;
    } catch (GodwitException e) {
      return fail(ExitCode.of(e.code()), e.code().name(), e.getMessage());
    } catch (IOException e) {
      return fail(
          ExitCode.CONFIGURATION,
          "CONFIGURATION",
          "cannot write " + output + ": " + e.getMessage());
    }
  }

  private int fail(ExitCode code, String name, String message) {
    String shown = Redaction.scrub(message);
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", name);
      error.put("exitCode", code.code);
      error.put("message", shown);
      out.println(Json.write(Map.of("error", error)));
    }
    err.println("ERROR: " + shown);
    return code.code;
  }

  private int usage(String problem) {
    err.println("ERROR: " + problem);
    err.print(USAGE);
    return ExitCode.USAGE.code;
  }

  /** The converted file and the report. */
  record Converted(
      String toml, List<String> mapped, List<String> unsupported, List<String> notes) {}

  /** Converts one Flyway file; environment variables are kept as {@code ${env.NAME}}. */
  static Converted convert(Path source) {
    FlywayConfig reader = new FlywayConfig(Map.of(), true);
    Path dir = source.toAbsolutePath().getParent();
    List<String> mapped = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    StringBuilder toml = new StringBuilder();
    toml.append("# Imported from ")
        .append(source.getFileName())
        .append(" by 'godwit config import'. The history table stays Flyway's, so Flyway\n")
        .append("# can keep running against the same database.\n");
    if (FlywayConfig.isConf(source)) {
      FlywaySettings.Mapped m = FlywaySettings.map(reader.readConf(source), true, dir);
      section(toml, null, m, notes);
      mapped.addAll(m.mapped());
      unsupported.addAll(m.unsupported());
    } else {
      TomlTable root = FlywayConfig.parseToml(source);
      Map<String, Object> top = new LinkedHashMap<>();
      TomlTable fw = root.getTable("flyway");
      if (fw != null) {
        reader.flatten(fw, "", source, top);
      }
      Object chosen = top.remove("environment");
      FlywaySettings.Mapped m = FlywaySettings.map(top, true, dir);
      section(toml, null, m, notes);
      mapped.addAll(m.mapped());
      unsupported.addAll(m.unsupported());
      TomlTable envs = root.getTable("environments");
      for (String name : envs == null ? List.<String>of() : envs.keys()) {
        Map<String, Object> settings = new LinkedHashMap<>();
        TomlTable env = envs.getTable(name);
        for (String k : env.keys()) {
          if (!k.equals("flyway")) {
            Object v = env.get(k);
            if (v instanceof TomlTable t) {
              reader.flatten(t, k + ".", source, settings);
            } else {
              settings.put(k, v);
            }
          }
        }
        if (env.getTable("flyway") != null) {
          reader.flatten(env.getTable("flyway"), "", source, settings);
        }
        FlywaySettings.Mapped em = FlywaySettings.map(settings, false, dir);
        section(toml, name, em, notes);
        em.mapped().forEach(x -> mapped.add("environments." + name + "." + x));
        em.unsupported().forEach(x -> unsupported.add("environments." + name + "." + x));
      }
      if (chosen != null && !"default".equals(chosen)) {
        notes.add(
            "Flyway selects the environment '"
                + chosen
                + "' ([flyway] environment); run godwit with --env "
                + chosen
                + " or GODWIT_ENV="
                + chosen
                + " (godwit.toml uses [environments.default] when none is chosen).");
      }
    }
    unsupported.addAll(reader.warnings());
    return new Converted(toml.toString(), mapped, unsupported, notes);
  }

  private static void section(
      StringBuilder toml, String environment, FlywaySettings.Mapped m, List<String> notes) {
    String prefix = environment == null ? "" : "environments." + environment + ".";
    if (environment != null) {
      toml.append("\n[environments.").append(environment).append("]\n");
    } else {
      toml.append('\n');
    }
    for (Map.Entry<ConfigKey, Object> e : m.values().entrySet()) {
      ConfigKey k = e.getKey();
      String value = String.valueOf(e.getValue());
      if (k.isSecret() && !value.contains("${env.")) {
        notes.add(
            prefix
                + "password is not copied: it is written in the Flyway file. Put it in an"
                + " environment variable and write password = \"${env.NAME}\", or set"
                + " GODWIT_PASSWORD.");
        continue;
      }
      Object v = e.getValue();
      if (k == ConfigKey.URL && !withoutPasswords(value).equals(value)) {
        v = withoutPasswords(value);
        notes.add(
            prefix
                + "url: the password in the Flyway URL is not copied (godwit.toml is usually"
                + " readable by others). Put it in an environment variable and write password ="
                + " \"${env.NAME}\", or set GODWIT_PASSWORD.");
      }
      toml.append(k.key()).append(" = ").append(literal(v)).append('\n');
    }
    if (!m.placeholders().isEmpty()) {
      toml.append("\n[").append(prefix).append("placeholders]\n");
      m.placeholders()
          .forEach((n, v) -> toml.append(key(n)).append(" = ").append(literal(v)).append('\n'));
    }
  }

  // Removes password parameters and the password of //user:password@host from a URL.
  static String withoutPasswords(String url) {
    String out = url.replaceAll("(?i)(?<=[?&;])(?:password|pwd|passwd)\\s*=[^&;]*(?:[&;]|$)", "");
    out = out.replaceAll("[?&;]$", "");
    return out.replaceAll("(//[^/:@\\s]*):[^\\s]*@", "$1@");
  }

  private static String key(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : literal(name);
  }

  /** A TOML literal for a setting's value. */
  static String literal(Object value) {
    if (value instanceof Boolean || value instanceof Integer) {
      return String.valueOf(value);
    }
    if (value instanceof Map<?, ?> map) {
      List<String> pairs = new ArrayList<>();
      map.forEach((k, v) -> pairs.add(key(String.valueOf(k)) + " = " + literal(String.valueOf(v))));
      return "{ " + String.join(", ", pairs) + " }";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(o -> items.add(literal(String.valueOf(o))));
      return "[" + String.join(", ", items) + "]";
    }
    String s = String.valueOf(value);
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
