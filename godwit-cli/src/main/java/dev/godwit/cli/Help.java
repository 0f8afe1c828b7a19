package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import java.util.Locale;
import java.util.Map;

/** Help texts, generated from the one definition of each setting. */
final class Help {
  private static final Map<String, String> COMMANDS =
      Map.of(
          "migrate",
          "Apply pending migrations in order, after validating. Prints the info table.\n"
              + "  --target V        stop at version V (also latest, current, next)\n"
              + "  --resume          continue a failed migration from its failed statement\n",
          "info",
          "Show every migration with its state (Pending, Success, Failed, Missing, ...).\n",
          "validate",
          "Compare applied migrations with the files: checksums, missing and failed ones.\n"
              + "  Exits 5 when a problem is found.\n",
          "baseline",
          "Adopt an existing database: record --baseline-version (default 1) as applied.\n",
          "repair",
          "Remove failed rows, mark removed files deleted, realign checksums and names.\n"
              + "  --mark-applied V  record the failed migration V as applied (completed by hand)\n",
          "undo",
          "Run the U scripts of the latest applied versions, newest first.\n"
              + "  --count N          undo the latest N versions (default 1)\n"
              + "  --target V         undo every version above V\n"
              + "  --allow-production needed in an environment marked production = true\n",
          "clean",
          "Drop every object in the managed schemas. Needs cleanEnabled = true; never in"
              + " production.\n",
          "lint",
          "Check migrations for statements that lock busy tables or break running code.\n"
              + "  [files or folders]  lint these (default: the pending migrations, or --all)\n"
              + "  --pending | --all   pending migrations of the database | every migration file\n"
              + "  --dialect pg|mysql|mariadb|sqlite  (default: from the url)\n"
              + "  --pg-version N, --mysql-version X.Y.Z, --sqlite-version X.Y, --flavor F\n"
              + "  --enable id,id  --disable id,id   rules to turn on or off\n"
              + "  --json | --sarif    machine output (SARIF 2.1.0 for code-scanning UIs)\n"
              + "  --fail-on info|warn|error   exit 8 when a finding reaches it [error]\n",
          "plan",
          "Dry run: print what migrate would do (statements, transactions, history rows).\n"
              + "  --undo [--count N | --target V]  what undo would do instead\n");

  private Help() {}

  static String text(String command) {
    if (command != null && COMMANDS.containsKey(command)) {
      return "Usage: godwit [options] "
          + command
          + "\n\n"
          + COMMANDS.get(command)
          + "\n"
          + global();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Godwit ").append(Cli.version()).append(": schema migrations for the JVM\n\n");
    sb.append("Usage: godwit [options] <command> [command options]\n\nCommands:\n");
    for (String c : Args.COMMANDS) {
      if (COMMANDS.containsKey(c)) {
        String first = COMMANDS.get(c).split("\n")[0];
        sb.append(String.format(Locale.ROOT, "  %-9s %s%n", c, first));
      }
    }
    sb.append("  config    import flyway.conf or flyway.toml: godwit config import <file>\n");
    sb.append("\n").append(global());
    sb.append(
        "\nSettings (godwit.toml key, flag, environment variable; flag wins over variable,\n");
    sb.append("variable over file):\n");
    for (ConfigKey k : ConfigKey.values()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-34s %s",
              k.flag() + " <" + k.kind().name().toLowerCase(Locale.ROOT) + ">",
              k.description()));
      if (k.defaultText() != null && !k.defaultText().isEmpty()) {
        sb.append(" [").append(k.defaultText()).append(']');
      }
      sb.append('\n');
    }
    sb.append(
        "  --placeholders.<name>=<value>      a placeholder value (GODWIT_PLACEHOLDERS_<NAME>)\n");
    sb.append("\nExit codes:\n");
    for (ExitCode e : ExitCode.values()) {
      sb.append(String.format(Locale.ROOT, "  %d  %s%n", e.code, e.meaning));
    }
    return sb.toString();
  }

  private static String global() {
    return "Options:\n"
        + "  --config <file>    the config file (default ./godwit.toml if present; GODWIT_CONFIG)\n"
        + "  --env <name>       the [environments.<name>] section to use (GODWIT_ENV)\n"
        + "  --json             print the result as JSON on stdout\n"
        + "  --quiet, -q        log warnings only    --verbose, -v  log debug output\n"
        + "  --stacktrace       print stack traces of errors\n"
        + "  --help, -h         help (also per command: godwit migrate --help)\n"
        + "  --version, -V      print the version\n";
  }
}
