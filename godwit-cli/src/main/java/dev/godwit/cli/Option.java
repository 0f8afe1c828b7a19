package dev.godwit.cli;

import static dev.godwit.cli.Command.LINT;
import static dev.godwit.cli.Command.MIGRATE;
import static dev.godwit.cli.Command.PLAN;
import static dev.godwit.cli.Command.REPAIR;
import static dev.godwit.cli.Command.UNDO;

import java.util.ArrayList;
import java.util.List;

/**
 * Every option of Godwit's own, defined once: its name, the value it takes, the commands that take
 * it, and its help line. Parsing ({@link Args}) and help ({@link Help}) both read this table. The
 * settings' flags ({@code --url}, {@code --locations}, ...) come from {@link
 * dev.godwit.api.ConfigKey} and, like the global options here, are accepted by every command.
 */
enum Option {
  // Global: every command takes them.
  CONFIG(
      "--config",
      null,
      "<file>",
      "the config file (default ./godwit.toml if present; GODWIT_CONFIG)"),
  ENV("--env", null, "<name>", "the [environments.<name>] section to use (GODWIT_ENV)"),
  JSON("--json", null, null, "print the result as JSON on stdout"),
  QUIET("--quiet", "-q", null, "log warnings only"),
  VERBOSE("--verbose", "-v", null, "log debug output"),
  STACKTRACE("--stacktrace", null, null, "print stack traces of errors"),
  HELP("--help", "-h", null, "help (also per command: godwit migrate --help)"),
  VERSION("--version", "-V", null, "print the version"),

  // One command's, or a few.
  RESUME(
      "--resume",
      null,
      Value.NONE,
      "continue a failed migration from its failed statement",
      MIGRATE),
  PHASE(
      "--phase",
      "pre|post",
      Value.PHASE,
      "pre: only pre-deploy migrations, post ones stay pending; post: everything pending",
      MIGRATE,
      PLAN),
  MARK_APPLIED(
      "--mark-applied",
      "V",
      Value.VERSION,
      "record the failed migration V as applied (completed by hand)",
      REPAIR),
  UNDO_PLAN(
      "--undo",
      null,
      Value.NONE,
      "what undo would do instead (with --count N or --target V)",
      PLAN),
  COUNT("--count", "N", Value.COUNT, "undo the latest N versions (default 1)", UNDO, PLAN),
  // With undo, --target is the version to undo down to; elsewhere it is the target setting.
  UNDO_TARGET("--target", "V", Value.VERSION, "undo every version above V", UNDO, PLAN),
  ALLOW_PRODUCTION(
      "--allow-production",
      null,
      Value.NONE,
      "needed in an environment marked production = true",
      UNDO),
  PENDING(
      "--pending",
      null,
      Value.NONE,
      "the migrations the database has pending (the default with a url)",
      LINT),
  ALL("--all", null, Value.NONE, "every migration file of the locations", LINT),
  DIALECT(
      "--dialect", "D", Value.TEXT, "pg, mysql, mariadb or sqlite (default: from the url)", LINT),
  PG_VERSION("--pg-version", "N", Value.TEXT, "the PostgreSQL major version to assume", LINT),
  MYSQL_VERSION(
      "--mysql-version", "X.Y.Z", Value.TEXT, "the MySQL or MariaDB version to assume", LINT),
  SQLITE_VERSION("--sqlite-version", "X.Y", Value.TEXT, "the SQLite version to assume", LINT),
  FLAVOR("--flavor", "F", Value.TEXT, "mysql or mariadb, the MySQL family member", LINT),
  ENABLE("--enable", "id,id", Value.LIST, "rules to turn on", LINT),
  DISABLE("--disable", "id,id", Value.LIST, "rules to turn off", LINT),
  SARIF("--sarif", null, Value.NONE, "print SARIF 2.1.0 for code-scanning UIs", LINT),
  RULES(
      "--rules",
      null,
      Value.NONE,
      "list the rules: id, dialects, default severity, on or off, what each catches",
      LINT),
  EXPLAIN("--explain", "RULE", Value.TEXT, "print a rule's long description and safe recipe", LINT),
  FAIL_ON(
      "--fail-on",
      "LEVEL",
      Value.SEVERITY,
      "exit 8 when a finding reaches info, warn or error [error]",
      LINT);

  /** What an option's value must be; checked while parsing, before anything connects. */
  enum Value {
    /** A flag: no value. */
    NONE,
    /** Any text. */
    TEXT,
    /** Comma-separated items; the option may be repeated. */
    LIST,
    /** A whole number, 1 or more. */
    COUNT,
    /** A migration version such as 1.2. */
    VERSION,
    /** A lint severity: info, warn or error. */
    SEVERITY,
    /** A deploy phase: pre or post. */
    PHASE
  }

  private final String name;
  private final String shortName;
  private final String valueName;
  private final Value value;
  private final String help;
  private final List<Command> commands;

  /** A global option. */
  Option(String name, String shortName, String valueName, String help) {
    this(name, shortName, valueName, valueName == null ? Value.NONE : Value.TEXT, help, List.of());
  }

  /** An option of the given commands. */
  Option(String name, String valueName, Value value, String help, Command... commands) {
    this(name, null, valueName, value, help, List.of(commands));
  }

  Option(
      String name,
      String shortName,
      String valueName,
      Value value,
      String help,
      List<Command> commands) {
    this.name = name;
    this.shortName = shortName;
    this.valueName = valueName;
    this.value = value;
    this.help = help;
    this.commands = commands;
  }

  /** The long name, e.g. {@code --fail-on}. */
  String optionName() {
    return name;
  }

  /** The one-letter form, e.g. {@code -h}, or null. */
  String shortName() {
    return shortName;
  }

  /** What the value is. */
  Value value() {
    return value;
  }

  /** Whether every command takes it. */
  boolean isGlobal() {
    return commands.isEmpty();
  }

  /** Whether {@code command} takes it. */
  boolean appliesTo(Command command) {
    return isGlobal() || commands.contains(command);
  }

  /** The commands that take it, by name: {@code "undo, plan"}. */
  String commandNames() {
    return String.join(", ", commands.stream().map(Command::typed).toList());
  }

  /** The option with this long or short name, or null. */
  static Option named(String name) {
    for (Option o : values()) {
      if (o.name.equals(name) || name.equals(o.shortName)) {
        return o;
      }
    }
    return null;
  }

  /** Every long name, for "did you mean" hints. */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (Option o : values()) {
      out.add(o.name);
    }
    return out;
  }

  /** The option as help shows it: {@code --count N}, {@code --quiet, -q}. */
  String usage() {
    return name
        + (valueName != null ? " " + valueName : "")
        + (shortName != null ? ", " + shortName : "");
  }

  /** The help line's text. */
  String help() {
    return help;
  }
}
