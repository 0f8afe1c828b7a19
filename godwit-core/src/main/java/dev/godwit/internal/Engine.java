package dev.godwit.internal;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.BaselineResult;
import dev.godwit.api.CleanResult;
import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import dev.godwit.api.PlanResult;
import dev.godwit.api.RepairResult;
import dev.godwit.api.UndoResult;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationException;
import dev.godwit.api.ValidationIssue;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Godwit's commands. Each command opens its own session and closes it. */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final GodwitConfig config;

  /** Creates an engine for a configuration. */
  public Engine(GodwitConfig config) {
    this.config = config;
  }

  private <T> T withSession(String command, Function<Context, T> body) {
    return withSession(command, true, body);
  }

  /**
   * Opens a session, resolves the migrations and runs the command.
   *
   * @param fireCallbacks whether to run the command's before/after callbacks around the body;
   *     migrate runs its own, after the history table exists
   */
  private <T> T withSession(String command, boolean fireCallbacks, Function<Context, T> body) {
    BackgroundResolution resolving = new BackgroundResolution(config);
    try (Session s = Session.open(config)) {
      Resolution res = resolving.join(s.placeholders);
      Callbacks cb = new Callbacks(s, res);
      Context ctx = new Context(s, res, cb);
      String cap = Character.toUpperCase(command.charAt(0)) + command.substring(1);
      if (fireCallbacks) {
        cb.fire("before" + cap, s.connection);
      }
      try {
        T result = body.apply(ctx);
        if (fireCallbacks) {
          cb.fire("after" + cap, s.connection);
        }
        return result;
      } catch (RuntimeException e) {
        try {
          s.connection.setAutoCommit(true);
          cb.fire("after" + cap + "Error", s.connection);
        } catch (SQLException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }

  /** What a command works with. */
  private record Context(Session session, Resolution resolution, Callbacks callbacks) {
    Target target() {
      return Target.parse(session.config.string(ConfigKey.TARGET));
    }

    boolean outOfOrder() {
      return session.config.flag(ConfigKey.OUT_OF_ORDER);
    }

    StateCalculator.States states(List<HistoryRow> rows) {
      return StateCalculator.compute(resolution, rows, target(), outOfOrder());
    }
  }

  // ---------------------------------------------------------------- info, validate

  /** The state of every migration. */
  public InfoResult info() {
    return withSession(
        "info",
        ctx -> {
          Session s = ctx.session();
          List<HistoryRow> rows = s.readHistory();
          StateCalculator.States st = ctx.states(rows);
          Map<Integer, ProgressTable.Progress> progress = progressOf(s, rows);
          List<MigrationInfo> out = new ArrayList<>();
          for (StateCalculator.Entry e : st.entries()) {
            out.add(toInfo(e, ctx.resolution(), progress));
          }
          Map<String, String> server;
          try {
            server = s.dialect.serverSettings(s.connection);
          } catch (SQLException e) {
            throw s.sqlFailure("read the server settings", e);
          }
          return new InfoResult(
              s.databaseDescription,
              s.history.schema(),
              s.history.table(),
              st.lastApplied() == null ? null : st.lastApplied().toString(),
              out,
              ctx.resolution().warnings(),
              server);
        });
  }

  /** Progress of failed rows; read only when some row failed, so a healthy info is one query. */
  private static Map<Integer, ProgressTable.Progress> progressOf(Session s, List<HistoryRow> rows) {
    if (rows.stream().allMatch(HistoryRow::success)) {
      return Map.of();
    }
    try {
      return s.progress.read(s.connection);
    } catch (SQLException e) {
      throw s.sqlFailure("read the progress of failed migrations", e);
    }
  }

  private static MigrationInfo toInfo(
      StateCalculator.Entry e, Resolution res, Map<Integer, ProgressTable.Progress> progress) {
    HistoryRow r = e.row();
    ResolvedMigration m = e.resolved();
    String version = r != null ? r.version() : m.versionText();
    ProgressTable.Progress p =
        r != null && !r.success() && e.state().isFailed() ? progress.get(r.rank()) : null;
    boolean undoable =
        version != null
            && r != null
            && !r.type().isUndo()
            && res.undos().containsKey(MigrationVersion.parse(version));
    return new MigrationInfo(
        version,
        r != null ? r.description() : m.description(),
        r != null ? r.type() : m.type(),
        r != null ? r.script() : m.script(),
        e.state(),
        r != null ? r.checksum() : m.checksum(),
        r != null ? r.installedOn() : null,
        r != null ? r.installedBy() : null,
        r != null ? r.executionTime() : null,
        r != null ? r.rank() : null,
        undoable,
        p != null ? p.applied() : null,
        p != null ? p.total() : null);
  }

  /** Compares applied and local migrations; never throws for what it finds. */
  public ValidateResult validate() {
    return withSession(
        "validate",
        ctx -> {
          List<HistoryRow> rows = ctx.session().readHistory();
          StateCalculator.States st = ctx.states(rows);
          List<ValidationIssue> issues = Validator.validate(st.entries(), patterns());
          List<String> warnings = new ArrayList<>(ctx.resolution().warnings());
          if (ctx.resolution().versioned().isEmpty() && ctx.resolution().repeatables().isEmpty()) {
            warnings.add("No migrations found. Are the locations set up correctly?");
          }
          return new ValidateResult(issues, st.entries().size(), warnings);
        });
  }

  private IgnorePatterns patterns() {
    return IgnorePatterns.parse(config.list(ConfigKey.IGNORE_MIGRATION_PATTERNS));
  }

  // ---------------------------------------------------------------- migrate

  /**
   * Applies the pending migrations.
   *
   * @param resume first continue the failed migration from its failed statement
   */
  public MigrateResult migrate(boolean resume) {
    return withSession(
        "migrate",
        false,
        ctx -> {
          Session s = ctx.session();
          if (!resume) {
            MigrateResult upToDate = upToDateWithoutLock(ctx);
            if (upToDate != null) {
              return upToDate;
            }
          }
          try (MigrationLock lock = s.lock()) {
            return migrateLocked(ctx, resume);
          }
        });
  }

  /**
   * The common case of a deploy: nothing to do. Committed history is all a runner can see, so when
   * it shows nothing pending and nothing failed, taking the lock would change nothing. Anything
   * else (pending work, problems, migrate callbacks) goes through the locked path.
   */
  private MigrateResult upToDateWithoutLock(Context ctx) {
    Session s = ctx.session();
    for (String event : List.of("beforeMigrate", "afterMigrate", "afterMigrateError")) {
      if (ctx.callbacks().has(event)) {
        return null;
      }
    }
    List<HistoryRow> rows = s.readHistory();
    if (rows.isEmpty()) {
      return null;
    }
    StateCalculator.States st = ctx.states(rows);
    if (!st.pending().isEmpty()
        || st.entries().stream().anyMatch(e -> e.state().isFailed())
        || (config.flag(ConfigKey.VALIDATE_ON_MIGRATE)
            && !Validator.validate(st.entries(), patterns().withPending()).isEmpty())) {
      return null;
    }
    String current = st.lastApplied() == null ? null : st.lastApplied().toString();
    return new MigrateResult(current, current, List.of(), ctx.resolution().warnings());
  }

  private MigrateResult migrateLocked(Context ctx, boolean resume) {
    Session s = ctx.session();
    List<String> warnings = new ArrayList<>(ctx.resolution().warnings());
    List<HistoryRow> rows = prepareHistory(ctx, true);
    StateCalculator.States st = ctx.states(rows);
    List<AppliedMigration> applied = new ArrayList<>();
    String initial = st.lastApplied() == null ? null : st.lastApplied().toString();
    if (resume) {
      applied.add(resumeFailed(ctx, st));
      rows = s.readHistory();
      st = ctx.states(rows);
    }
    refuseFailed(st);
    if (config.flag(ConfigKey.VALIDATE_ON_MIGRATE)) {
      List<ValidationIssue> issues = Validator.validate(st.entries(), patterns().withPending());
      if (!issues.isEmpty()) {
        throw new ValidationException(issues);
      }
    }
    // The linter (or any reviewer) sees the pending migrations before anything runs.
    warnings.addAll(Reviews.run(s, ctx.resolution(), st.pending()));
    // beforeMigrate runs after the history table exists, so objects it creates are not mistaken
    // for an existing schema that needs a baseline.
    ctx.callbacks().fire("beforeMigrate", s.connection);
    if (st.pending().isEmpty()) {
      ctx.callbacks().fire("afterMigrate", s.connection);
      String now = st.lastApplied() == null ? null : st.lastApplied().toString();
      return new MigrateResult(initial, now, applied, warnings);
    }
    int rank = nextRank(rows);
    MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
    boolean repeatablesStarted = false;
    String current = st.lastApplied() == null ? null : st.lastApplied().toString();
    int total = st.pending().size();
    int done = 0;
    for (ResolvedMigration m : st.pending()) {
      done++;
      if (m.isRepeatable() && !repeatablesStarted) {
        repeatablesStarted = true;
        ctx.callbacks().fire("afterVersioned", s.connection);
        ctx.callbacks().fire("beforeRepeatables", s.connection);
      }
      MigrationRunner.Prepared p = runner.prepare(m);
      MigrationRunner.logMode(m, p);
      LOG.info(
          "Applying {}/{}: {} {}",
          done,
          total,
          m.isRepeatable() ? "repeatable" : "version " + m.version(),
          m.script());
      HistoryRow row = MigrationRunner.rowFor(m, m.type(), rank++, s.installedBy);
      applied.add(runner.run(m, p, "Migrate", row));
      if (!m.isRepeatable()) {
        current = m.versionText();
      }
    }
    if (!repeatablesStarted) {
      ctx.callbacks().fire("afterVersioned", s.connection);
    }
    ctx.callbacks().fire("afterMigrateApplied", s.connection);
    ctx.callbacks().fire("afterMigrate", s.connection);
    return new MigrateResult(initial, current, applied, warnings);
  }

  /**
   * Makes sure the history table exists (creating it, or baselining a non-empty schema when
   * allowed) and reads it. Call under the lock.
   */
  private List<HistoryRow> prepareHistory(Context ctx, boolean forMigrate) {
    Session s = ctx.session();
    try {
      boolean exists = s.historyExists();
      if (exists) {
        return s.history.read(s.connection);
      }
      boolean empty = true;
      List<String> nonEmpty = new ArrayList<>();
      for (String schema : s.schemas) {
        if (s.dialect.schemaExists(s.connection, schema)
            && !s.dialect.schemaIsEmpty(s.connection, schema)) {
          empty = false;
          nonEmpty.add(schema);
        }
      }
      if (!empty && forMigrate && !config.flag(ConfigKey.BASELINE_ON_MIGRATE)) {
        throw new GodwitException(
            ErrorCode.VALIDATION,
            "Found non-empty schema(s) "
                + String.join(", ", nonEmpty)
                + " but no history table "
                + s.history.schema()
                + "."
                + s.history.table()
                + ". If this database already has its schema, run baseline first (or set"
                + " baselineOnMigrate=true); if it is the wrong database, check 'url' and"
                + " 'schemas'.");
      }
      List<String> created = s.createSchemasAndHistoryTable();
      List<HistoryRow> rows = new ArrayList<>();
      int rank = 1;
      if (!created.isEmpty()) {
        HistoryRow marker =
            new HistoryRow(
                0,
                null,
                "<< Flyway Schema Creation >>",
                MigrationType.SCHEMA,
                quotedList(s, created),
                null,
                s.installedBy,
                null,
                0,
                true);
        s.history.insert(s.connection, marker);
        rows.add(marker);
      }
      if (!empty && forMigrate) {
        HistoryRow b = baselineRow(rank, s.installedBy);
        s.history.insert(s.connection, b);
        rows.add(b);
        LOG.info("Baselined non-empty schema at version {}", b.version());
      }
      return rows;
    } catch (SQLException e) {
      throw s.sqlFailure("prepare the history table", e);
    }
  }

  private static String quotedList(Session s, List<String> names) {
    List<String> q = new ArrayList<>();
    names.forEach(n -> q.add(s.dialect.quote(n)));
    return String.join(",", q);
  }

  private HistoryRow baselineRow(int rank, String installedBy) {
    String version = config.string(ConfigKey.BASELINE_VERSION);
    try {
      version = MigrationVersion.parse(version).toString();
    } catch (IllegalArgumentException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Invalid baselineVersion '" + version + "': " + e.getMessage(),
          e);
    }
    String description = config.string(ConfigKey.BASELINE_DESCRIPTION);
    return new HistoryRow(
        rank,
        version,
        description,
        MigrationType.BASELINE,
        description,
        null,
        installedBy,
        null,
        0,
        true);
  }

  private static int nextRank(List<HistoryRow> rows) {
    return rows.isEmpty() ? 1 : rows.get(rows.size() - 1).rank() + 1;
  }

  private static void refuseFailed(StateCalculator.States st) {
    for (StateCalculator.Entry e : st.entries()) {
      if (e.state() == MigrationState.FAILED || e.state() == MigrationState.MISSING_FAILED) {
        HistoryRow r = e.row();
        throw new GodwitException(
            ErrorCode.VALIDATION,
            "The history records a failed migration: "
                + Validator.describe(e.repeatable(), r.version(), r.description(), r.script())
                + (r.installedOn() != null ? ", failed on " + r.installedOn() : "")
                + ". Some of its statements may have stayed applied. Undo them by hand, run"
                + " repair to remove the failed row, then migrate again.");
      }
    }
  }

  /** Continues the one failed migration from its failed statement. */
  private AppliedMigration resumeFailed(Context ctx, StateCalculator.States st) {
    Session s = ctx.session();
    List<StateCalculator.Entry> failed =
        st.entries().stream().filter(e -> e.state().isFailed()).toList();
    if (failed.isEmpty()) {
      throw new GodwitException(
          ErrorCode.VALIDATION, "Nothing to resume: no migration is recorded as failed.");
    }
    if (failed.size() > 1) {
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "Cannot resume: "
              + failed.size()
              + " migrations are recorded as failed. Repair all but one first.");
    }
    StateCalculator.Entry e = failed.get(0);
    HistoryRow row = e.row();
    ResolvedMigration m = e.resolved();
    String name =
        Validator.describe(e.repeatable(), row.version(), row.description(), row.script());
    if (m == null) {
      throw new GodwitException(
          ErrorCode.VALIDATION, "Cannot resume " + name + ": its file is gone.");
    }
    ProgressTable.Progress progress;
    try {
      progress = s.progress.read(s.connection).get(row.rank());
    } catch (SQLException ex) {
      throw s.sqlFailure("read the progress of " + name, ex);
    }
    if (progress == null || progress.resolution() != null) {
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "Cannot resume "
              + name
              + ": Godwit has no record of how far it got. Undo its partial changes by hand and"
              + " run repair, or run repair --mark-applied if it is complete.");
    }
    if (!java.util.Objects.equals(progress.checksum(), m.checksum())) {
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "Cannot resume "
              + name
              + ": the file changed since it failed (checksum "
              + progress.checksum()
              + ", now "
              + m.checksum()
              + "). Resuming would skip the first "
              + progress.applied()
              + " statements of a different script. Restore the file and fix the cause outside"
              + " it (data, grants), or undo the partial changes by hand, run repair, and migrate"
              + " again.");
    }
    MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
    MigrationRunner.Prepared p = runner.prepare(m);
    LOG.info(
        "Resuming {} at statement {} of {}", m.script(), progress.applied() + 1, progress.total());
    return runner.run(m, p, "Migrate", row, progress.applied());
  }

  /** Records a failed migration as applied, with an audit entry. */
  public RepairResult markApplied(String version) {
    return withSession(
        "repair",
        ctx -> {
          Session s = ctx.session();
          try (MigrationLock lock = s.lock()) {
            MigrationVersion v;
            try {
              v = MigrationVersion.parse(version);
            } catch (IllegalArgumentException e) {
              throw new GodwitException(
                  ErrorCode.CONFIGURATION, "--mark-applied takes a version: " + e.getMessage(), e);
            }
            HistoryRow failed = null;
            for (HistoryRow r : s.readHistory()) {
              if (!r.success() && r.version() != null && r.parsedVersion().equals(v)) {
                failed = r;
              }
            }
            if (failed == null) {
              throw new GodwitException(
                  ErrorCode.VALIDATION,
                  "Version " + version + " is not recorded as failed; there is nothing to mark.");
            }
            s.history.markSuccess(s.connection, failed.rank(), failed.executionTime());
            s.progress.resolve(s.connection, failed, "MARKED_APPLIED", s.installedBy);
            return new RepairResult(
                List.of(
                    new RepairResult.Change(
                        RepairResult.Action.MARKED_APPLIED,
                        failed.version(),
                        failed.description(),
                        "recorded as applied by '"
                            + s.installedBy
                            + "' ("
                            + failed.script()
                            + ")")));
          } catch (SQLException e) {
            throw s.sqlFailure("mark version " + version + " as applied", e);
          }
        });
  }

  // ---------------------------------------------------------------- baseline

  /** Records the current schema as the baseline version. */
  public BaselineResult baseline() {
    return withSession(
        "baseline",
        ctx -> {
          Session s = ctx.session();
          try (MigrationLock lock = s.lock()) {
            List<HistoryRow> rows = prepareHistory(ctx, false);
            HistoryRow wanted = baselineRow(nextRank(rows), s.installedBy);
            for (HistoryRow r : rows) {
              if (r.type() == MigrationType.BASELINE) {
                if (r.parsedVersion().equals(MigrationVersion.parse(wanted.version()))) {
                  return new BaselineResult(r.version(), r.description(), false);
                }
                throw new GodwitException(
                    ErrorCode.VALIDATION,
                    "A different baseline exists already: version "
                        + r.version()
                        + " ('"
                        + r.description()
                        + "'). Baseline only once.");
              }
            }
            boolean onlySchemaMarker =
                rows.stream().allMatch(r -> r.type() == MigrationType.SCHEMA);
            if (!onlySchemaMarker) {
              throw new GodwitException(
                  ErrorCode.VALIDATION,
                  "Cannot baseline: the history table "
                      + s.history.schema()
                      + "."
                      + s.history.table()
                      + " already contains migrations.");
            }
            s.history.insert(s.connection, wanted);
            return new BaselineResult(wanted.version(), wanted.description(), true);
          } catch (SQLException e) {
            throw s.sqlFailure("write the baseline row", e);
          }
        });
  }

  // ---------------------------------------------------------------- repair

  /** Removes failed rows, marks removed migrations deleted, realigns checksums and names. */
  public RepairResult repair() {
    return withSession(
        "repair",
        ctx -> {
          Session s = ctx.session();
          try (MigrationLock lock = s.lock()) {
            List<HistoryRow> rows = s.readHistory();
            if (rows.isEmpty()) {
              return new RepairResult(List.of());
            }
            return Repair.run(s, ctx.states(rows), patterns(), nextRank(rows));
          }
        });
  }

  // ---------------------------------------------------------------- undo

  /**
   * Runs the undo scripts of the latest applied versions, newest first.
   *
   * @param count how many versions to undo when {@code target} is null
   * @param target undo every version above this one, or null
   * @param allowProduction whether to proceed in an environment marked production
   */
  public UndoResult undo(int count, String target, boolean allowProduction) {
    if (config.flag(ConfigKey.PRODUCTION) && !allowProduction) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "undo is refused in a production environment"
              + (config.environment() != null ? " ('" + config.environment() + "')" : "")
              + ": production moves forward only. Write a new migration that reverses the change,"
              + " or pass --allow-production if you really mean it.");
    }
    return withSession(
        "undo",
        ctx -> {
          Session s = ctx.session();
          try (MigrationLock lock = s.lock()) {
            List<HistoryRow> rows = s.readHistory();
            List<ResolvedMigration[]> plan = undoPlan(ctx, rows, count, target);
            MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
            int rank = nextRank(rows);
            List<AppliedMigration> done = new ArrayList<>();
            for (ResolvedMigration[] pair : plan) {
              ResolvedMigration undo = pair[1];
              MigrationRunner.Prepared p = runner.prepare(undo);
              HistoryRow row =
                  new HistoryRow(
                      rank++,
                      pair[0].versionText(),
                      undo.description(),
                      MigrationType.UNDO_SQL,
                      undo.script(),
                      undo.checksum(),
                      s.installedBy,
                      null,
                      0,
                      true);
              LOG.info("Undoing version {} with {}", pair[0].version(), undo.script());
              done.add(runner.run(undo, p, "Undo", row));
            }
            StateCalculator.States after = ctx.states(s.readHistory());
            return new UndoResult(
                done, after.lastApplied() == null ? null : after.lastApplied().toString());
          }
        });
  }

  /** Pairs of (applied migration, its undo script), newest first; checks every U file exists. */
  private static List<ResolvedMigration[]> undoPlan(
      Context ctx, List<HistoryRow> rows, int count, String target) {
    StateCalculator.States st = ctx.states(rows);
    List<StateCalculator.Entry> applied = new ArrayList<>();
    for (StateCalculator.Entry e : st.entries()) {
      if (e.row() != null
          && e.row().version() != null
          && e.row().success()
          && (e.state() == MigrationState.SUCCESS || e.state() == MigrationState.OUT_OF_ORDER)
          && !e.row().type().isBaseline()) {
        applied.add(e);
      }
    }
    applied.sort((a, b) -> b.row().parsedVersion().compareTo(a.row().parsedVersion()));
    List<StateCalculator.Entry> chosen = new ArrayList<>();
    if (target != null) {
      MigrationVersion t = Target.parse(target).version();
      if (t == null) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION, "undo --target takes a version, not '" + target + "'");
      }
      for (StateCalculator.Entry e : applied) {
        if (e.row().parsedVersion().compareTo(t) > 0) {
          chosen.add(e);
        }
      }
    } else {
      chosen.addAll(applied.subList(0, Math.min(Math.max(count, 1), applied.size())));
    }
    List<String> missing = new ArrayList<>();
    List<ResolvedMigration[]> plan = new ArrayList<>();
    for (StateCalculator.Entry e : chosen) {
      ResolvedMigration u = ctx.resolution().undos().get(e.row().parsedVersion());
      if (u == null || e.resolved() == null) {
        missing.add(
            "version "
                + e.row().version()
                + " ("
                + e.row().script()
                + "): no "
                + ctx.session().config.string(ConfigKey.UNDO_SQL_MIGRATION_PREFIX)
                + e.row().version()
                + "__*.sql file");
      } else {
        plan.add(new ResolvedMigration[] {e.resolved(), u});
      }
    }
    if (!missing.isEmpty()) {
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "Cannot undo: nothing was run, because these versions have no undo script:\n  - "
              + String.join("\n  - ", missing)
              + "\nWrite the missing U scripts, or undo fewer versions.");
    }
    if (plan.isEmpty()) {
      LOG.info("Nothing to undo");
    }
    return plan;
  }

  // ---------------------------------------------------------------- clean

  /** Drops every object in the managed schemas. */
  public CleanResult clean() {
    if (config.flag(ConfigKey.PRODUCTION)) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "clean is always refused in a production environment: it drops every object.");
    }
    if (!config.flag(ConfigKey.CLEAN_ENABLED)) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "clean is disabled: it drops every object in "
              + "the managed schemas. Set cleanEnabled=true (never in production) to allow it.");
    }
    return withSession(
        "clean",
        ctx -> {
          Session s = ctx.session();
          try (MigrationLock lock = s.lock()) {
            List<HistoryRow> rows = s.readHistory();
            List<String> created = new ArrayList<>();
            for (HistoryRow r : rows) {
              if (r.type() == MigrationType.SCHEMA) {
                for (String q : r.script().split(",")) {
                  created.add(q.replace("\"", "").replace("`", "").trim());
                }
              }
            }
            int dropped = 0;
            List<String> keep = new ArrayList<>();
            for (String schema : s.schemas) {
              if (created.contains(schema)) {
                dropped += s.dialect.clean(s.connection, List.of(schema), true);
              } else {
                keep.add(schema);
              }
            }
            dropped += s.dialect.clean(s.connection, keep, false);
            s.forgetHistoryTable();
            return new CleanResult(s.schemas, dropped);
          } catch (SQLException e) {
            throw s.sqlFailure("clean", e);
          }
        });
  }

  // ---------------------------------------------------------------- plan

  /** What migrate would do, without changing anything. */
  public PlanResult plan() {
    return withSession(
        "plan",
        ctx -> {
          Session s = ctx.session();
          List<HistoryRow> rows = s.readHistory();
          StateCalculator.States st = ctx.states(rows);
          int rank = nextRank(rows);
          List<PlanResult.Planned> out = new ArrayList<>();
          MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
          for (ResolvedMigration m : st.pending()) {
            out.add(planned(ctx, runner, m, m.type(), m.versionText(), rank++));
          }
          List<String> warnings = new ArrayList<>(ctx.resolution().warnings());
          if (rows.isEmpty()) {
            warnings.add(
                "The history table "
                    + s.history.schema()
                    + "."
                    + s.history.table()
                    + " does not exist yet; migrate would create it.");
          }
          return new PlanResult("migrate", out, warnings);
        });
  }

  /** What undo would do, without changing anything. */
  public PlanResult planUndo(int count, String target) {
    return withSession(
        "plan",
        ctx -> {
          Session s = ctx.session();
          List<HistoryRow> rows = s.readHistory();
          int rank = nextRank(rows);
          MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
          List<PlanResult.Planned> out = new ArrayList<>();
          for (ResolvedMigration[] pair : undoPlan(ctx, rows, count, target)) {
            out.add(
                planned(
                    ctx, runner, pair[1], MigrationType.UNDO_SQL, pair[0].versionText(), rank++));
          }
          return new PlanResult("undo", out, ctx.resolution().warnings());
        });
  }

  private static PlanResult.Planned planned(
      Context ctx,
      MigrationRunner runner,
      ResolvedMigration m,
      MigrationType type,
      String version,
      int rank) {
    MigrationRunner.Prepared p = runner.prepare(m);
    List<PlanResult.PlannedStatement> statements = new ArrayList<>();
    if (m.java() != null) {
      statements.add(new PlanResult.PlannedStatement(0, "-- Java migration " + m.script()));
    } else {
      new ScriptReader(ctx.session())
          .forEach(
              m.resource(),
              m.scriptConfig(),
              (Statement st) -> {
                if (!st.has(StatementFlag.COMMENT_ONLY)) {
                  statements.add(new PlanResult.PlannedStatement(st.line(), st.sql()));
                }
              });
    }
    String row =
        "installed_rank="
            + rank
            + ", version="
            + version
            + ", description='"
            + m.description()
            + "', type="
            + type
            + ", script="
            + m.script()
            + ", checksum="
            + m.checksum()
            + ", installed_by='"
            + ctx.session().installedBy
            + "', success=true";
    return new PlanResult.Planned(
        version,
        m.description(),
        type,
        m.script(),
        p.transactional(),
        statements,
        row,
        runner.planned(p));
  }
}
