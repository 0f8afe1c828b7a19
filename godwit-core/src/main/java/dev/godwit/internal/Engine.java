package dev.godwit.internal;

import dev.godwit.api.BaselineResult;
import dev.godwit.api.CleanResult;
import dev.godwit.api.ConfigSource;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.FlywayImport;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.PlanResult;
import dev.godwit.api.RepairResult;
import dev.godwit.api.ScriptsRequest;
import dev.godwit.api.ScriptsResult;
import dev.godwit.api.UndoResult;
import dev.godwit.api.ValidateResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs Godwit's commands. Each command opens its own session and closes it; the commands themselves
 * live in one class each ({@link MigrateCommand}, {@link InfoCommand}, ...).
 */
public final class Engine {
  private final GodwitConfig config;

  /**
   * Reads the configuration sources a {@link GodwitConfig.Builder} names into another builder; the
   * builder calls it (through {@code Godwit}, this package's one door) when it is built.
   *
   * @param into receives the values read, the placeholders and the selected environment
   * @param warnings receives what was noticed on the way
   * @param file a godwit.toml or Flyway file, or null
   * @param flywayFiles Flyway's files (empty: Flyway's configuration without a file), or null
   * @param directory where to find the files as the command line does, or null
   * @param environ the environment variables
   * @param fromEnvironment whether GODWIT_* and FLYWAY_* variables are settings too
   * @param environment the environment selected, or null
   * @return the sources read, in increasing precedence
   */
  public static List<ConfigSource> readConfiguration(
      GodwitConfig.Builder into,
      List<String> warnings,
      Path file,
      List<Path> flywayFiles,
      Path directory,
      Map<String, String> environ,
      boolean fromEnvironment,
      String environment) {
    return ConfigReader.read(
        new ConfigReader.Request(
            file, flywayFiles, directory, environ, fromEnvironment, environment),
        into,
        warnings);
  }

  /**
   * Sets the Godwit settings of one Flyway setting on a builder.
   *
   * @throws dev.godwit.api.GodwitException with CONFIGURATION when Godwit has no counterpart or the
   *     value is not accepted
   */
  public static void flywaySetting(GodwitConfig.Builder into, String name, String value) {
    FlywaySettings.apply(into, name, value);
  }

  /** Converts a Flyway configuration file into a godwit.toml. */
  public static FlywayImport importFlyway(Path flywayFile) {
    return FlywayImporter.convert(flywayFile);
  }

  /** Creates an engine for a configuration. */
  public Engine(GodwitConfig config) {
    this.config = config;
  }

  /** The state of every migration. */
  public InfoResult info() {
    return inSession(CallbackEvent.Around.INFO, InfoCommand::info);
  }

  /** Compares applied and local migrations; never throws for what it finds. */
  public ValidateResult validate() {
    return inSession(CallbackEvent.Around.VALIDATE, true, true, InfoCommand::validate);
  }

  /**
   * Applies the pending migrations.
   *
   * @param resume first continue the failed migration from its failed statement
   * @param phase {@link DeployPhase#PRE} leaves post-phase migrations pending; null applies all
   */
  public MigrateResult migrate(boolean resume, DeployPhase phase) {
    // Migrate fires beforeMigrate and afterMigrate itself, once the history table exists.
    return inSession(
        CallbackEvent.Around.MIGRATE, false, true, ctx -> MigrateCommand.run(ctx, resume, phase));
  }

  /** Records a failed migration as applied, with an audit entry. */
  public RepairResult markApplied(String version) {
    return inSession(CallbackEvent.Around.REPAIR, ctx -> RepairCommand.markApplied(ctx, version));
  }

  /** Records the current schema as the baseline version. */
  public BaselineResult baseline() {
    return inSession(CallbackEvent.Around.BASELINE, BaselineCommand::run);
  }

  /** Removes failed rows, marks removed migrations deleted, realigns checksums and names. */
  public RepairResult repair() {
    return inSession(CallbackEvent.Around.REPAIR, RepairCommand::repair);
  }

  /**
   * Runs the undo scripts of the latest applied versions, newest first.
   *
   * @param count how many versions to undo when {@code target} is null
   * @param target undo every version above this one, or null
   * @param allowProduction whether to proceed in an environment marked production
   */
  public UndoResult undo(int count, String target, boolean allowProduction) {
    UndoCommand.refuseInProduction(config, allowProduction);
    return inSession(CallbackEvent.Around.UNDO, ctx -> UndoCommand.run(ctx, count, target));
  }

  /** Drops every object in the managed schemas. */
  public CleanResult clean() {
    CleanCommand.refuseUnlessAllowed(config);
    return inSession(CallbackEvent.Around.CLEAN, CleanCommand::run);
  }

  /** The SQL migrations as the runner will run them; reads, never writes. */
  public ScriptsResult scripts(ScriptsRequest request) {
    return ScriptsCommand.run(config, request);
  }

  /** What migrate would do in a deploy phase (null: all of it), without changing anything. */
  public PlanResult plan(DeployPhase phase) {
    return inSession(null, ctx -> PlanCommand.migrate(ctx, phase));
  }

  /** What undo would do, without changing anything. */
  public PlanResult planUndo(int count, String target) {
    return inSession(null, ctx -> PlanCommand.undo(ctx, count, target));
  }

  private <T> T inSession(CallbackEvent.Around events, Function<CommandContext, T> body) {
    return inSession(events, true, false, body);
  }

  /**
   * Opens a session, resolves the migrations (on another thread while connecting) and runs the
   * command.
   *
   * @param events the command's callbacks, or null for plan, which has none in Flyway
   * @param aroundBody whether to fire the before and after events around the body; the error event
   *     fires in any case
   * @param readAhead whether the command needs every checksum, so they are computed while it
   *     connects
   */
  private <T> T inSession(
      CallbackEvent.Around events,
      boolean aroundBody,
      boolean readAhead,
      Function<CommandContext, T> body) {
    BackgroundResolution resolving = new BackgroundResolution(config, readAhead);
    try (Session s = Session.open(config)) {
      Resolution res = resolving.join(s.placeholders);
      Callbacks cb = new Callbacks(s, res);
      CommandContext ctx = new CommandContext(s, res, cb);
      boolean fireAround = events != null && aroundBody;
      if (fireAround) {
        cb.fire(events.before(), s.connection);
      }
      try {
        T result = body.apply(ctx);
        if (fireAround) {
          cb.fire(events.after(), s.connection);
        }
        return result;
      } catch (RuntimeException e) {
        try {
          s.connection.setAutoCommit(true);
          if (events != null) {
            cb.fire(events.error(), s.connection);
          }
        } catch (SQLException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }
}
