package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.NameSuggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed command line. Options may come before or after the command. */
final class Args {
  static final List<String> COMMANDS =
      List.of(
          "migrate",
          "info",
          "validate",
          "baseline",
          "repair",
          "undo",
          "clean",
          "plan",
          "lint",
          "help");
  private static final List<String> OWN_FLAGS =
      List.of(
          "--help",
          "--version",
          "--json",
          "--stacktrace",
          "--quiet",
          "--verbose",
          "--config",
          "--env",
          "--count",
          "--allow-production",
          "--undo",
          "--target",
          "--resume",
          "--mark-applied",
          "--pending",
          "--all",
          "--dialect",
          "--sarif",
          "--fail-on",
          "--pg-version",
          "--mysql-version",
          "--flavor",
          "--sqlite-version",
          "--enable",
          "--disable");

  String command;
  final List<String> positional = new ArrayList<>();
  final Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
  final Map<String, String> placeholders = new LinkedHashMap<>();
  boolean help;
  boolean version;
  boolean json;
  boolean stacktrace;
  String config;
  String env;
  Integer count;
  boolean allowProduction;
  boolean undo;
  String target;
  boolean resume;
  String markApplied;
  // lint
  boolean pending;
  boolean all;
  boolean sarif;
  String dialect;
  String failOn;
  String serverVersion;
  String flavor;
  final List<String> enable = new ArrayList<>();
  final List<String> disable = new ArrayList<>();

  /** A command-line mistake; the message says what and how to fix it. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Args parse(String[] argv) throws UsageException {
    Args a = new Args();
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (arg.equals("--")) {
        for (int j = i + 1; j < argv.length; j++) {
          a.positional.add(argv[j]);
        }
        break;
      }
      if (arg.equals("-h")) {
        a.help = true;
        continue;
      }
      if (arg.equals("-V")) {
        a.version = true;
        continue;
      }
      if (arg.equals("-q") || arg.equals("-v")) {
        continue;
      }
      if (!arg.startsWith("--")) {
        a.positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String inline = eq < 0 ? null : arg.substring(eq + 1);
      switch (name) {
        case "--help" -> a.help = true;
        case "--version" -> a.version = true;
        case "--json" -> a.json = true;
        case "--stacktrace" -> a.stacktrace = true;
        case "--quiet", "--verbose" -> {}
        case "--allow-production" -> a.allowProduction = true;
        case "--undo" -> a.undo = true;
        case "--resume" -> a.resume = true;
        case "--pending" -> a.pending = true;
        case "--all" -> a.all = true;
        case "--sarif" -> a.sarif = true;
        case "--dialect" -> a.dialect = inline != null ? inline : value(argv, ++i, name);
        case "--fail-on" -> a.failOn = inline != null ? inline : value(argv, ++i, name);
        case "--flavor" -> a.flavor = inline != null ? inline : value(argv, ++i, name);
        case "--pg-version", "--mysql-version", "--sqlite-version" ->
            a.serverVersion = inline != null ? inline : value(argv, ++i, name);
        case "--enable" ->
            a.enable.addAll(List.of((inline != null ? inline : value(argv, ++i, name)).split(",")));
        case "--disable" ->
            a.disable.addAll(
                List.of((inline != null ? inline : value(argv, ++i, name)).split(",")));
        case "--mark-applied" -> a.markApplied = inline != null ? inline : value(argv, ++i, name);
        case "--config" -> {
          a.config = inline != null ? inline : value(argv, ++i, name);
        }
        case "--env" -> a.env = inline != null ? inline : value(argv, ++i, name);
        case "--target" -> a.target = inline != null ? inline : value(argv, ++i, name);
        case "--count" -> {
          String v = inline != null ? inline : value(argv, ++i, name);
          try {
            a.count = Integer.valueOf(v);
          } catch (NumberFormatException e) {
            throw new UsageException("--count takes a whole number, not '" + v + "'");
          }
          if (a.count < 1) {
            throw new UsageException("--count must be at least 1");
          }
        }
        default -> {
          if (name.startsWith("--placeholders.")) {
            if (inline == null) {
              inline = value(argv, ++i, name);
            }
            a.placeholders.put(name.substring("--placeholders.".length()), inline);
            continue;
          }
          ConfigKey key = ConfigKey.byFlag(name);
          if (key == null || key == ConfigKey.TARGET) {
            throw new UsageException(
                "Unknown option "
                    + name
                    + NameSuggestions.hint(name, allFlags())
                    + ". Run 'godwit --help' for the options.");
          }
          if (key.kind() == ConfigKey.Kind.BOOLEAN && inline == null) {
            boolean nextIsValue =
                i + 1 < argv.length && (argv[i + 1].equals("true") || argv[i + 1].equals("false"));
            inline = nextIsValue ? argv[++i] : "true";
          } else if (inline == null) {
            inline = value(argv, ++i, name);
          }
          a.settings.put(key, inline);
        }
      }
    }
    if (!a.positional.isEmpty()) {
      a.command = a.positional.remove(0);
      if (!COMMANDS.contains(a.command)) {
        throw new UsageException(
            "Unknown command '"
                + a.command
                + "'"
                + NameSuggestions.hint(a.command, COMMANDS)
                + ". Commands: "
                + String.join(", ", COMMANDS));
      }
    }
    boolean undoTarget = "undo".equals(a.command) || ("plan".equals(a.command) && a.undo);
    if (a.target != null && !undoTarget) {
      a.settings.put(ConfigKey.TARGET, a.target);
      a.target = null;
    }
    if (!a.positional.isEmpty() && !"help".equals(a.command) && !"lint".equals(a.command)) {
      throw new UsageException(
          "Unexpected argument '" + a.positional.get(0) + "' after '" + a.command + "'");
    }
    return a;
  }

  private static String value(String[] argv, int i, String name) throws UsageException {
    if (i >= argv.length || argv[i].startsWith("--")) {
      throw new UsageException(
          name + " needs a value: " + name + " <value> or " + name + "=<value>");
    }
    return argv[i];
  }

  static List<String> allFlags() {
    List<String> flags = new ArrayList<>(OWN_FLAGS);
    for (ConfigKey k : ConfigKey.values()) {
      flags.add(k.flag());
    }
    return flags;
  }
}
