package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInterruptedException;
import dev.godwit.api.SecretMasking;
import dev.godwit.api.StatementLockTimeoutException;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Runs one command line and returns its exit code; never exits the JVM. */
final class Cli {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environ;

  Cli(PrintStream out, PrintStream err, Map<String, String> environ) {
    this.out = out;
    this.err = err;
    this.environ = environ;
  }

  int run(String... argv) {
    int configAt = ConfigImport.commandIndex(argv);
    if (configAt >= 0) {
      // Global flags may come before 'config' as before any command (--verbose, --json).
      java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(argv));
      rest.remove(configAt);
      return ConfigImport.run(rest, out, err);
    }
    if (argv.length > 0 && argv[0].equals("completion")) { // hidden: for shell start-up files
      return Completion.run(java.util.List.of(argv).subList(1, argv.length), out, err);
    }
    Args args;
    FlywayArgs.Translated flyway;
    try {
      flyway = FlywayArgs.translate(argv);
      args = Args.parse(flyway.argv());
    } catch (Args.UsageException e) {
      err.println("ERROR: " + e.getMessage());
      return ExitCode.USAGE.code;
    }
    if (args.has(Option.VERSION)) {
      out.println("godwit " + version());
      return ExitCode.OK.code;
    }
    if (args.command == null || args.command == Command.HELP || args.has(Option.HELP)) {
      out.print(Help.text(helpTopic(args)));
      return args.command == null && !args.has(Option.HELP)
          ? ExitCode.USAGE.code
          : ExitCode.OK.code;
    }
    Output output = new Output(out, err, args.has(Option.JSON));
    if (args.command == Command.LINT && (args.has(Option.RULES) || args.has(Option.EXPLAIN))) {
      // The catalog needs no configuration and no database.
      return LintRules.run(args, out, err);
    }
    // The secrets given before the configuration is read, so that an error reading it masks them.
    Redaction.add(
        SecretMasking.secrets(
            args.settings.getOrDefault(ConfigKey.URL, environ.get("GODWIT_URL")),
            args.settings.getOrDefault(ConfigKey.PASSWORD, environ.get("GODWIT_PASSWORD"))));
    try {
      GodwitConfig config = loadConfig(args, output, flyway);
      Redaction.add(SecretMasking.secrets(config.url(), config.string(ConfigKey.PASSWORD)));
      return execute(args, Godwit.of(config), output);
    } catch (GodwitException e) {
      return fail(output, args, e, ExitCode.of(e.code()));
    } catch (RuntimeException e) {
      GodwitException wrapped =
          new GodwitException(
              ErrorCode.INTERNAL,
              "Internal error: " + e + ". Please report it; --stacktrace shows where it happened.",
              e);
      return fail(output, args, wrapped, ExitCode.INTERNAL);
    }
  }

  /** {@code godwit help lint} and {@code godwit lint --help} show lint's help. */
  private static String helpTopic(Args args) {
    if (args.command != Command.HELP) {
      return args.command == null ? null : args.command.typed();
    }
    if (!args.positional.isEmpty()) {
      return args.positional.get(0);
    }
    return args.has(Option.HELP) ? Command.HELP.typed() : null;
  }

  private GodwitConfig loadConfig(Args args, Output output, FlywayArgs.Translated flyway) {
    // As the README says: --config, else ./godwit.toml when it exists, else GODWIT_CONFIG, else
    // Flyway's files; the core finds them (GodwitConfig.Builder.discover).
    ConfigLoader loader = new ConfigLoader(environ).flywayMode(flyway.flywayStyle());
    GodwitConfig config =
        flyway.configFiles() != null
            // Flyway's -configFiles names its files and beats FLYWAY_CONFIG_FILES, as in Flyway.
            ? loader.loadFlywayFiles(
                FlywayArgs.files(flyway.configFiles()),
                args.value(Option.ENV),
                args.settings,
                args.placeholders)
            : loader.load(
                args.has(Option.CONFIG) ? Paths.get(args.value(Option.CONFIG)) : null,
                args.value(Option.ENV),
                args.settings,
                args.placeholders);
    loader.warnings().forEach(output::warn);
    return JarDirs.apply(config, environ);
  }

  private int execute(Args args, Godwit godwit, Output output) {
    switch (args.command) {
      case MIGRATE -> {
        DeployPhase phase =
            args.has(Option.PHASE) ? DeployPhase.parse(args.value(Option.PHASE)) : null;
        MigrateResult result =
            phase == null
                ? (args.has(Option.RESUME) ? godwit.resume() : godwit.migrate())
                : (args.has(Option.RESUME) ? godwit.resume(phase) : godwit.migrate(phase));
        // By default a line per migration and a summary; --verbose adds the table of where things
        // stand (after a no-op it would only repeat the one line).
        boolean table =
            !args.has(Option.JSON) && args.has(Option.VERBOSE) && !result.applied().isEmpty();
        output.migrate(result, table ? result.info() : null);
        return ExitCode.OK.code;
      }
      case INFO -> output.info(godwit.info());
      case VALIDATE -> {
        ValidateResult r = godwit.validate();
        output.validate(r);
        return r.valid() ? ExitCode.OK.code : ExitCode.VALIDATION.code;
      }
      case BASELINE -> output.baseline(godwit.baseline());
      case REPAIR ->
          output.repair(
              args.has(Option.MARK_APPLIED)
                  ? godwit.markApplied(args.value(Option.MARK_APPLIED))
                  : godwit.repair());
      case UNDO ->
          output.undo(
              godwit.undo(
                  args.count(), args.value(Option.UNDO_TARGET), args.has(Option.ALLOW_PRODUCTION)));
      case CLEAN -> output.clean(godwit.clean());
      case LINT -> {
        return new LintCommand(godwit.config(), args, out).run();
      }
      case PLAN ->
          output.plan(
              args.has(Option.UNDO_PLAN)
                  ? godwit.planUndo(args.count(), args.value(Option.UNDO_TARGET))
                  : args.has(Option.PHASE)
                      ? godwit.plan(DeployPhase.parse(args.value(Option.PHASE)))
                      : godwit.plan());
      default -> throw new IllegalStateException("unhandled command " + args.command);
    }
    return ExitCode.OK.code;
  }

  private int fail(Output output, Args args, GodwitException e, ExitCode code) {
    String message = Redaction.scrub(e.getMessage());
    if (args.has(Option.JSON)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", e.code().name());
      error.put("exitCode", code.code);
      error.put("message", message);
      if (e instanceof ValidationException v) {
        error.put("issues", Output.issues(v.issues()));
      }
      if (e instanceof MigrationFailedException m) {
        error.put("script", m.script());
        error.put("line", m.line());
        error.put("sqlState", m.sqlState());
        error.put("statementsAlreadyRun", m.alreadyRun());
      }
      if (e instanceof MigrationInterruptedException i) {
        MigrationInterruptedException.Statement st = i.interrupted();
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("version", st.version());
        in.put("script", st.script());
        in.put("statement", st.statement());
        in.put("statements", st.statements());
        in.put("line", st.line());
        in.put("excerpt", st.excerpt());
        in.put("catalog", st.catalog());
        in.put("outcome", st.outcome().name());
        error.put("interrupted", in);
      }
      if (e instanceof StatementLockTimeoutException l) {
        error.put("attempts", l.attempts());
        error.put("waitedMs", l.waited().toMillis());
        error.put("blockers", l.blockers());
      }
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("error", error);
      out.println(Redaction.scrub(Json.write(root)));
    }
    err.println("ERROR: " + message);
    if (args.has(Option.STACKTRACE)) {
      err.print(Redaction.stackTrace(e));
    }
    return code.code;
  }

  static String version() {
    try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
