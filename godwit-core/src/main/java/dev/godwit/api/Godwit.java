package dev.godwit.api;

import dev.godwit.internal.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Godwit's entry point.
 *
 * <pre>{@code
 * Godwit godwit = Godwit.configure()
 *     .url("jdbc:postgresql://localhost/app", "app", secret)
 *     .locations("classpath:db/migration")
 *     .load();
 * MigrateResult result = godwit.migrate();
 * }</pre>
 *
 * <p>Every command opens its own connection and closes it before returning. The library never
 * prints and never exits the JVM; it logs through SLF4J and reports through results and {@link
 * GodwitException}s.
 */
public final class Godwit {
  private final GodwitConfig config;
  private final Engine engine;

  Godwit(GodwitConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.engine = new Engine(config);
  }

  /** Starts a configuration. */
  public static GodwitConfig.Builder configure() {
    return GodwitConfig.builder();
  }

  // The configuration API's ways into the internal package: Engine is its one door, and only this
  // class opens it (the architecture test checks both).

  static List<ConfigSource> readConfiguration(
      GodwitConfig.Builder into,
      List<String> warnings,
      Path file,
      List<Path> flywayFiles,
      Path directory,
      Map<String, String> environ,
      boolean fromEnvironment,
      String environment) {
    return Engine.readConfiguration(
        into, warnings, file, flywayFiles, directory, environ, fromEnvironment, environment);
  }

  static void flywaySetting(GodwitConfig.Builder into, String name, String value) {
    Engine.flywaySetting(into, name, value);
  }

  static FlywayImport importFlyway(Path flywayFile) {
    return Engine.importFlyway(flywayFile);
  }

  /** A Godwit for an existing configuration. */
  public static Godwit of(GodwitConfig config) {
    return new Godwit(config);
  }

  /** The configuration in use. */
  public GodwitConfig config() {
    return config;
  }

  /**
   * Applies pending migrations in order, validating first unless {@code validateOnMigrate} is off.
   *
   * @throws ValidationException when validation fails; nothing was applied
   * @throws MigrationFailedException when a statement fails
   * @throws LockTimeoutException when another runner holds the lock too long
   */
  public MigrateResult migrate() {
    return engine.migrate(false, null);
  }

  /**
   * Applies the pending migrations of one deploy phase. {@link DeployPhase#PRE} (before the new
   * code is deployed) applies the pending pre-phase migrations in version order and leaves the
   * post-phase ones pending, even below versions it applies; {@link DeployPhase#POST} (after every
   * instance runs the new code) applies everything pending, post-phase migrations included.
   *
   * @throws ValidationException when validation fails; nothing was applied
   * @throws MigrationFailedException when a statement fails
   */
  public MigrateResult migrate(DeployPhase phase) {
    return engine.migrate(false, Objects.requireNonNull(phase, "phase"));
  }

  /**
   * Continues the failed migration from the statement that failed, once its cause is fixed, then
   * applies the remaining pending migrations. Refused when the file changed since it failed.
   *
   * @throws GodwitException with {@link ErrorCode#VALIDATION} when there is nothing to resume or
   *     the file changed
   */
  public MigrateResult resume() {
    return engine.migrate(true, null);
  }

  /**
   * As {@link #resume()}, then applies the rest of one deploy phase ({@link
   * #migrate(DeployPhase)}).
   */
  public MigrateResult resume(DeployPhase phase) {
    return engine.migrate(true, Objects.requireNonNull(phase, "phase"));
  }

  /** Every migration with its state. */
  public InfoResult info() {
    return engine.info();
  }

  /** Compares applied and local migrations; the result lists every problem. */
  public ValidateResult validate() {
    return engine.validate();
  }

  /** Records the existing schema as version {@code baselineVersion}. */
  public BaselineResult baseline() {
    return engine.baseline();
  }

  /** Removes failed rows and realigns checksums and descriptions with the files. */
  public RepairResult repair() {
    return engine.repair();
  }

  /**
   * Records the failed migration of {@code version} as applied, after an operator completed it by
   * hand; the progress table keeps who did it and when.
   */
  public RepairResult markApplied(String version) {
    return engine.markApplied(version);
  }

  /** Undoes the latest applied version with its U script. */
  public UndoResult undo() {
    return engine.undo(1, null, false);
  }

  /**
   * Undoes applied versions with their U scripts, newest first.
   *
   * @param count how many versions, when {@code targetVersion} is null
   * @param targetVersion undo every version above this one, or null
   * @param allowProduction proceed although the environment is marked production
   * @throws GodwitException with {@link ErrorCode#REFUSED} in production without the override, with
   *     {@link ErrorCode#CONFIGURATION} (before connecting) when the target is not a version or,
   *     without a target, the count is below 1
   */
  public UndoResult undo(int count, String targetVersion, boolean allowProduction) {
    checkUndo(count, targetVersion);
    return engine.undo(count, targetVersion, allowProduction);
  }

  /**
   * Drops every object in the managed schemas.
   *
   * @throws GodwitException with {@link ErrorCode#REFUSED} unless {@code cleanEnabled} is true and
   *     the environment is not production
   */
  public CleanResult clean() {
    return engine.clean();
  }

  /**
   * The SQL migrations of the configured locations as the runner will run them: text, version,
   * pending or applied, in a transaction or not as the runner decides it; with the server's
   * dialect, version and table sizes when a URL is configured. Read-only: never creates the history
   * table. What the linter and the build integrations read.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} when no URL is configured and the
   *     URL names no dialect
   */
  public ScriptsResult scripts() {
    return scripts(ScriptsRequest.locations());
  }

  /**
   * The SQL migrations a request names: the locations' or explicit files, connected or not.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} for an explicit path that does not
   *     exist, or when not connected and no dialect is known
   */
  public ScriptsResult scripts(ScriptsRequest request) {
    return engine.scripts(Objects.requireNonNull(request, "request"));
  }

  /** What {@link #migrate()} would do, computed without changing anything. */
  public PlanResult plan() {
    return engine.plan(null);
  }

  /** What {@link #migrate(DeployPhase)} would do, computed without changing anything. */
  public PlanResult plan(DeployPhase phase) {
    return engine.plan(Objects.requireNonNull(phase, "phase"));
  }

  /** What {@link #undo(int, String, boolean)} would do, computed without changing anything. */
  public PlanResult planUndo(int count, String targetVersion) {
    checkUndo(count, targetVersion);
    return engine.planUndo(count, targetVersion);
  }

  /** The undo target is a version; checked here so that a bad one fails before connecting. */
  private static void checkUndo(int count, String targetVersion) {
    if (targetVersion == null) {
      if (count < 1) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "undo takes a count of at least 1 version, not "
                + count
                + "; or give a target version");
      }
      return;
    }
    MigrationTarget t;
    try {
      t = MigrationTarget.parse(targetVersion);
    } catch (IllegalArgumentException e) {
      t = null;
    }
    if (t == null || t.kind() != MigrationTarget.Kind.VERSION) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "undo --target takes a version, not '" + targetVersion + "'");
    }
  }
}
