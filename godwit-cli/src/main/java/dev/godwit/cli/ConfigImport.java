package dev.godwit.cli;

import dev.godwit.api.FlywayImport;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
    FlywayImport i = FlywayImport.of(source);
    return new Converted(i.toml(), i.mapped(), i.unsupported(), i.notes());
  }
}
