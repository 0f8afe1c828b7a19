package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import java.util.List;
import java.util.Locale;

/**
 * Godwit's commands, in the order help lists them: the name typed, what the command does, the
 * arguments it takes, and the settings its help points out. Their options are in {@link Option}.
 */
enum Command {
  MIGRATE(
      "Apply pending migrations in order, after validating. Prints the info table.",
      null,
      ConfigKey.TARGET,
      ConfigKey.OUT_OF_ORDER,
      ConfigKey.BASELINE_ON_MIGRATE),
  INFO("Show every migration with its state (Pending, Success, Failed, Missing, ...).", null),
  VALIDATE(
      "Compare applied migrations with the files: checksums, missing and failed ones.\n"
          + "Exits 5 when a problem is found.",
      null,
      ConfigKey.IGNORE_MIGRATION_PATTERNS),
  BASELINE(
      "Adopt an existing database: record --baseline-version (default 1) as applied.",
      null,
      ConfigKey.BASELINE_VERSION,
      ConfigKey.BASELINE_DESCRIPTION),
  REPAIR("Remove failed rows, mark removed files deleted, realign checksums and names.", null),
  UNDO("Run the U scripts of the latest applied versions, newest first.", null),
  CLEAN(
      "Drop every object in the managed schemas. Needs cleanEnabled = true; never in production.",
      null,
      ConfigKey.CLEAN_ENABLED),
  LINT(
      "Check migrations for statements that lock busy tables or break running code.",
      new Operands("[files or folders]", "lint these (default: the pending migrations, or --all)")),
  PLAN(
      "Dry run: print what migrate would do (statements, transactions, history rows).",
      null,
      ConfigKey.TARGET),
  HELP("Help on one command: godwit help <command>.", new Operands("[command]", "the command"));

  /**
   * The arguments a command takes besides options.
   *
   * @param usage as shown in the usage line, e.g. {@code [files or folders]}
   * @param help what they are
   */
  record Operands(String usage, String help) {}

  private final String description;
  private final Operands operands;
  private final List<ConfigKey> settings;

  Command(String description, Operands operands, ConfigKey... settings) {
    this.description = description;
    this.operands = operands;
    this.settings = List.of(settings);
  }

  /** The name typed on the command line. */
  String typed() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the command does; the first line is its summary in the command list. */
  String description() {
    return description;
  }

  /** The arguments it takes besides options, or null for none. */
  Operands operands() {
    return operands;
  }

  /** Settings worth naming in the command's help (every setting applies everywhere). */
  List<ConfigKey> settings() {
    return settings;
  }

  /** The command typed as {@code name}, or null. */
  static Command byName(String name) {
    for (Command c : values()) {
      if (c.typed().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** Every command's name, in help order. */
  static List<String> names() {
    return java.util.Arrays.stream(values()).map(Command::typed).toList();
  }
}
