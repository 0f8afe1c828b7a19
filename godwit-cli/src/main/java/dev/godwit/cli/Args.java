package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.MigrationVersion;
import dev.godwit.api.NameSuggestions;
import dev.godwit.lint.LintSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line: the command, its operands, the options of {@link Option}'s table and the
 * settings given as flags. Options may come before or after the command; each command accepts only
 * its own options, the global ones and the settings.
 */
final class Args {
  final Command command;
  final List<String> positional;
  final Map<ConfigKey, String> settings;
  final Map<String, String> placeholders;
  private final Map<Option, List<String>> options;

  private Args(
      Command command,
      List<String> positional,
      Map<ConfigKey, String> settings,
      Map<String, String> placeholders,
      Map<Option, List<String>> options) {
    this.command = command;
    this.positional = positional;
    this.settings = settings;
    this.placeholders = placeholders;
    this.options = options;
  }

  /** A command-line mistake; the message says what and how to fix it. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Whether the option was given. */
  boolean has(Option o) {
    return options.containsKey(o);
  }

  /** The option's value (the last one when repeated), or null. */
  String value(Option o) {
    List<String> v = options.get(o);
    return v == null ? null : v.get(v.size() - 1);
  }

  /** Every value of a repeatable list option, split at commas, blanks dropped. */
  List<String> values(Option o) {
    List<String> out = new ArrayList<>();
    for (String v : options.getOrDefault(o, List.of())) {
      for (String item : v.split(",")) {
        if (!item.isBlank()) {
          out.add(item.trim());
        }
      }
    }
    return out;
  }

  /** {@code --count} as a number, or 1. */
  int count() {
    return has(Option.COUNT) ? Integer.parseInt(value(Option.COUNT)) : 1;
  }

  /** An option or setting as typed, before the command is known. */
  private record Given(String name, String value) {}

  static Args parse(String[] argv) throws UsageException {
    List<String> positional = new ArrayList<>();
    List<Given> given = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (arg.equals("--")) {
        positional.addAll(List.of(argv).subList(i + 1, argv.length));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 || !arg.startsWith("--") ? arg : arg.substring(0, eq);
      String inline = eq < 0 || !arg.startsWith("--") ? null : arg.substring(eq + 1);
      Option option = Option.named(name);
      ConfigKey key = ConfigKey.byFlag(name);
      if (option != null) {
        if (option.value() == Option.Value.NONE) {
          given.add(new Given(option.optionName(), null));
        } else {
          given.add(new Given(name, inline != null ? inline : value(argv, ++i, name)));
        }
      } else if (name.startsWith("--placeholders.") && name.length() > 15) {
        given.add(new Given(name, inline != null ? inline : value(argv, ++i, name)));
      } else if (key != null) {
        if (key.kind() == ConfigKey.Kind.BOOLEAN && inline == null) {
          boolean nextIsValue =
              i + 1 < argv.length && (argv[i + 1].equals("true") || argv[i + 1].equals("false"));
          inline = nextIsValue ? argv[++i] : "true";
        } else if (inline == null) {
          inline = value(argv, ++i, name);
        }
        given.add(new Given(name, inline));
      } else {
        throw new UsageException(
            "Unknown option "
                + name
                + NameSuggestions.hint(name, allFlags())
                + ". Run 'godwit --help' for the options.");
      }
    }
    Command command = null;
    if (!positional.isEmpty()) {
      String typed = positional.remove(0);
      command = Command.byName(typed);
      if (command == null) {
        throw new UsageException(
            "Unknown command '"
                + typed
                + "'"
                + NameSuggestions.hint(typed, Command.names())
                + ". Commands: "
                + String.join(", ", Command.names()));
      }
    }
    return interpret(command, positional, given);
  }

  /** Sorts what was given into options and settings now that the command is known. */
  private static Args interpret(Command command, List<String> positional, List<Given> given)
      throws UsageException {
    Map<Option, List<String>> options = new EnumMap<>(Option.class);
    Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
    Map<String, String> placeholders = new LinkedHashMap<>();
    boolean undoPlan = false;
    for (Given g : given) {
      undoPlan |= g.name().equals(Option.UNDO_PLAN.optionName());
    }
    boolean undoTarget = command == Command.UNDO || (command == Command.PLAN && undoPlan);
    List<String> misplaced = new ArrayList<>();
    for (Given g : given) {
      Option option = Option.named(g.name());
      ConfigKey key = ConfigKey.byFlag(g.name());
      if (option == Option.UNDO_TARGET && !undoTarget) {
        // Outside undo, --target is the setting: where migrate stops.
        option = null;
      }
      if (option != null) {
        if (command != null && !option.appliesTo(command)) {
          misplaced.add(option.optionName() + " is an option of: " + option.commandNames());
          continue;
        }
        check(option, g.value());
        // No lambda here: this runs on every command, and a lambda's first call is a bootstrap.
        List<String> values = options.get(option);
        if (values == null) {
          values = new ArrayList<>();
          options.put(option, values);
        }
        values.add(g.value());
      } else if (key != null) {
        settings.put(key, g.value());
      } else {
        placeholders.put(g.name().substring("--placeholders.".length()), g.value());
      }
    }
    if (!misplaced.isEmpty() && !options.containsKey(Option.HELP)) {
      throw new UsageException(
          String.join("; ", misplaced)
              + ". 'godwit "
              + command.typed()
              + " --help' lists the options of "
              + command.typed()
              + ".");
    }
    if (command == Command.PLAN && !undoPlan && options.containsKey(Option.COUNT)) {
      throw new UsageException("plan takes --count only with --undo: godwit plan --undo --count N");
    }
    if (!positional.isEmpty()
        && command != null
        && command.operands() == null
        && !options.containsKey(Option.HELP)) {
      throw new UsageException(
          "Unexpected argument '" + positional.get(0) + "' after '" + command.typed() + "'");
    }
    return new Args(command, positional, settings, placeholders, options);
  }

  /** Checks an option's value against what the table says it takes. */
  private static void check(Option option, String value) throws UsageException {
    String name = option.optionName();
    switch (option.value()) {
      case COUNT -> {
        int n;
        try {
          n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
          throw new UsageException(name + " takes a whole number, not '" + value + "'");
        }
        if (n < 1) {
          throw new UsageException(name + " must be at least 1");
        }
      }
      case VERSION -> {
        // The undo target is read as the target setting is, which allows V2; a history row's
        // version (--mark-applied) is the bare number.
        boolean prefixed =
            option == Option.UNDO_TARGET && (value.startsWith("V") || value.startsWith("v"));
        String v = prefixed ? value.substring(1) : value;
        try {
          MigrationVersion.parse(v);
        } catch (IllegalArgumentException e) {
          throw new UsageException(name + " takes a version such as 1 or 2.1, not '" + value + "'");
        }
      }
      case PHASE -> {
        try {
          DeployPhase.parse(value);
        } catch (IllegalArgumentException e) {
          throw new UsageException(
              name + " takes pre (before the new code is deployed) or post, not '" + value + "'");
        }
      }
      case SEVERITY -> {
        try {
          LintSettings.severity(value);
        } catch (IllegalArgumentException e) {
          throw new UsageException(name + " takes info, warn or error, not '" + value + "'");
        }
      }
      default -> {}
    }
  }

  private static String value(String[] argv, int i, String name) throws UsageException {
    if (i >= argv.length || argv[i].startsWith("--")) {
      throw new UsageException(
          name + " needs a value: " + name + " <value> or " + name + "=<value>");
    }
    return argv[i];
  }

  /** Every option and setting flag, for "did you mean" hints. */
  static List<String> allFlags() {
    List<String> flags = new ArrayList<>(Option.names());
    for (ConfigKey k : ConfigKey.values()) {
      flags.add(k.flag());
    }
    return flags;
  }
}
