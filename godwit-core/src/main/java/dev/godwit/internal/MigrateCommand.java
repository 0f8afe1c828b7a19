package dev.godwit.internal;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.ConfigKey;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInterruptedException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.ValidationException;
import dev.godwit.api.ValidationIssue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrate} and {@code migrate --resume}: applies the pending migrations in order, each
 * recorded in the history. Fires its own before and after callbacks, once the history table exists;
 * the session fires {@code afterMigrateError}.
 */
final class MigrateCommand {
  private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);
  private static final boolean INTERACTIVE = System.console() != null;

  private MigrateCommand() {}

  /**
   * Applies the pending migrations.
   *
   * @param resume first continue the failed migration from its failed statement
   * @param phase {@link DeployPhase#PRE} leaves post-phase migrations pending; null or {@link
   *     DeployPhase#POST} applies everything pending
   */
  static MigrateResult run(CommandContext ctx, boolean resume, DeployPhase phase) {
    if (!resume) {
      MigrateResult upToDate = upToDateWithoutLock(ctx, phase);
      if (upToDate != null) {
        return upToDate;
      }
    }
    try (MigrationLock lock = ctx.session().lock()) {
      return migrateLocked(ctx, resume, phase);
    }
  }

  /**
   * The common case of a deploy: nothing to do. Committed history is all a runner can see, so when
   * it shows nothing pending and nothing failed, taking the lock would change nothing. Anything
   * else (pending work, problems, migrate callbacks) goes through the locked path.
   */
  private static MigrateResult upToDateWithoutLock(CommandContext ctx, DeployPhase phase) {
    CallbackEvent.Around events = CallbackEvent.Around.MIGRATE;
    for (CallbackEvent event : List.of(events.before(), events.after(), events.error())) {
      if (ctx.callbacks().has(event)) {
        return null;
      }
    }
    List<HistoryRow> rows = ctx.session().readHistory();
    if (rows.isEmpty()) {
      return null;
    }
    StateCalculator.States st = ctx.states(rows, phase);
    if (!st.pending().isEmpty()
        || st.entries().stream().anyMatch(e -> e.state().isFailed())
        || (ctx.config().flag(ConfigKey.VALIDATE_ON_MIGRATE)
            && !Validator.validate(st.entries(), ctx.ignorePatterns().withPending()).isEmpty())) {
      return null;
    }
    String current = st.lastApplied() == null ? null : st.lastApplied().toString();
    return new MigrateResult(
        current,
        current,
        List.of(),
        ctx.resolution().warnings(),
        InfoCommand.stateOf(ctx, rows, st));
  }

  private static MigrateResult migrateLocked(
      CommandContext ctx, boolean resume, DeployPhase phase) {
    Session s = ctx.session();
    Callbacks callbacks = ctx.callbacks();
    List<String> warnings = new ArrayList<>(ctx.resolution().warnings());
    List<HistoryRow> rows = HistorySetup.prepare(ctx, true);
    StateCalculator.States st = ctx.states(rows, phase);
    List<AppliedMigration> applied = new ArrayList<>();
    String initial = st.lastApplied() == null ? null : st.lastApplied().toString();
    InterruptedStatement interrupted = InterruptedStatement.find(s, st);
    ProgressTable.Progress from = null;
    if (interrupted != null && interrupted.inDoubt()) {
      // A statement's outcome is unknown: migrate says so; --resume continues when the catalog
      // decides it.
      InterruptedStatement.Verdict v = interrupted.check(s);
      if (!resume || v.outcome() == MigrationInterruptedException.Outcome.UNKNOWN) {
        throw interrupted.refusal(v, resume);
      }
      LOG.info(interrupted.resuming(v));
      from = interrupted.resumeFrom(v);
    } else if (interrupted != null && !resume && !interruptedBackfill(s, st)) {
      // Killed between statements: the progress row says exactly how far it got, and under the
      // migration lock no other runner can still be at it.
      LOG.info(interrupted.continuing());
    }
    if (resume || interrupted != null || interruptedBackfill(s, st)) {
      applied.add(resumeFailed(ctx, st, from));
      rows = s.readHistory();
      st = ctx.states(rows, phase);
    }
    refuseFailed(s, st);
    if (ctx.config().flag(ConfigKey.VALIDATE_ON_MIGRATE)) {
      List<ValidationIssue> issues =
          Validator.validate(st.entries(), ctx.ignorePatterns().withPending());
      if (!issues.isEmpty()) {
        throw new ValidationException(issues);
      }
    }
    logWaiting(st, phase);
    // What would fail only after a migration's DDL ran (a version too long for the history, no
    // right to write it) fails now, with nothing run.
    Preflight.check(s, st.pending(), HistoryRow.nextRank(rows));
    // The linter (or any reviewer) sees the pending migrations before anything runs.
    warnings.addAll(Reviews.run(s, ctx.resolution(), st.pending()));
    // beforeMigrate runs after the history table exists, so objects it creates are not mistaken
    // for an existing schema that needs a baseline.
    callbacks.fire(CallbackEvent.BEFORE_MIGRATE, s.connection);
    if (st.pending().isEmpty()) {
      callbacks.fire(CallbackEvent.AFTER_MIGRATE, s.connection);
      String now = st.lastApplied() == null ? null : st.lastApplied().toString();
      return new MigrateResult(initial, now, applied, warnings, finalState(ctx));
    }
    int rank = HistoryRow.nextRank(rows);
    boolean group = ctx.config().flag(ConfigKey.GROUP);
    MigrationRunner runner = new MigrationRunner(s, callbacks, group);
    if (group) {
      beginGroup(s, runner, st.pending());
    }
    boolean repeatablesStarted = false;
    String current = st.lastApplied() == null ? null : st.lastApplied().toString();
    int total = st.pending().size();
    int done = 0;
    for (ResolvedMigration m : st.pending()) {
      done++;
      if (m.isRepeatable() && !repeatablesStarted) {
        repeatablesStarted = true;
        callbacks.fire(CallbackEvent.AFTER_VERSIONED, s.connection);
        callbacks.fire(CallbackEvent.BEFORE_REPEATABLES, s.connection);
      }
      s.verifyLock("applying " + m.script());
      MigrationRunner.Prepared p = runner.prepare(m);
      MigrationRunner.logMode(m, p);
      // Progress for a person watching; without a terminal the result lists each migration once.
      if (INTERACTIVE || LOG.isDebugEnabled()) {
        LOG.info(
            "Applying {}/{}: {} {}",
            done,
            total,
            m.isRepeatable() ? "repeatable" : "version " + m.version(),
            m.script());
      }
      HistoryRow row = HistoryRow.applied(m, rank++, s.installedBy);
      try {
        applied.add(runner.run(m, p, CallbackEvent.Around.EACH_MIGRATE, row));
      } catch (RuntimeException e) {
        if (group) {
          endGroup(s, false);
        }
        throw e;
      }
      if (!m.isRepeatable()) {
        current = m.versionText();
      }
    }
    if (group) {
      endGroup(s, true);
    }
    if (!repeatablesStarted) {
      callbacks.fire(CallbackEvent.AFTER_VERSIONED, s.connection);
    }
    callbacks.fire(CallbackEvent.AFTER_MIGRATE_APPLIED, s.connection);
    callbacks.fire(CallbackEvent.AFTER_MIGRATE, s.connection);
    return new MigrateResult(initial, current, applied, warnings, finalState(ctx));
  }

  /**
   * {@code group=true}: one transaction for all pending migrations, so that a failure leaves none
   * of them applied. Refused where that cannot hold: a database whose DDL commits by itself, or a
   * migration that must run outside a transaction.
   */
  private static void beginGroup(
      Session s, MigrationRunner runner, List<ResolvedMigration> pending) {
    if (!s.dialect.supportsTransactionalDdl()) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "group=true needs transactional DDL, which "
              + s.dialect.name()
              + " does not have: its DDL commits at once, so a failure could not roll the group"
              + " back. Remove the setting (each migration then commits on its own).");
    }
    for (ResolvedMigration m : pending) {
      MigrationRunner.Prepared p = runner.prepare(m);
      if (!p.transactional()) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "group=true cannot hold "
                + m.displayName()
                + " in the group's transaction: "
                + p.reason()
                + ". Apply it in a run of its own without group, or remove the setting.");
      }
    }
    try {
      s.connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw s.sqlFailure("start the group's transaction", e);
    }
    LOG.info("group=true: applying {} migrations in one transaction", pending.size());
  }

  private static void endGroup(Session s, boolean commit) {
    try {
      if (commit) {
        s.connection.commit();
      } else {
        s.connection.rollback();
      }
      s.connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (commit) {
        throw s.sqlFailure("commit the group's transaction", e);
      }
    }
  }

  /**
   * The history as migrate leaves it, read again under the lock: rows written in this run get their
   * installation time from the database, as a later {@code info} would show them.
   */
  private static InfoResult finalState(CommandContext ctx) {
    List<HistoryRow> rows = ctx.session().readHistory();
    return InfoCommand.stateOf(ctx, rows, ctx.states(rows));
  }

  /**
   * Whether the one failed migration is a backfill whose runner died or whose batch failed: its
   * progress row says how far it got, so migrate continues it as {@code migrate --resume} would.
   * Under the migration lock no other runner can still be at it.
   */
  private static boolean interruptedBackfill(Session s, StateCalculator.States st) {
    List<StateCalculator.Entry> failed =
        st.entries().stream().filter(e -> e.state().isFailed()).toList();
    if (failed.size() != 1 || failed.get(0).resolved() == null) {
      return false;
    }
    try {
      ProgressTable.Progress p = s.progress.read(s.connection).get(failed.get(0).row().rank());
      if (p != null && p.inBackfill()) {
        LOG.info(
            "{} was interrupted in a batched backfill ({} of {} statements done); continuing it",
            failed.get(0).resolved().script(),
            p.applied(),
            p.total());
        return true;
      }
      return false;
    } catch (SQLException e) {
      throw s.sqlFailure("read the progress of failed migrations", e);
    }
  }

  /** Says which post-phase migrations a pre-phase run leaves for the post-deploy run. */
  private static void logWaiting(StateCalculator.States st, DeployPhase phase) {
    if (phase != DeployPhase.PRE) {
      return;
    }
    List<String> waiting = new ArrayList<>();
    for (StateCalculator.Entry e : st.entries()) {
      ResolvedMigration m = e.resolved();
      if (e.state() == MigrationState.PENDING
          && m != null
          && !st.pending().contains(m)
          && m.phase() == DeployPhase.POST) {
        waiting.add(m.script());
      }
    }
    if (!waiting.isEmpty()) {
      LOG.info(
          "Leaving {} post-deploy migration(s) pending for 'migrate --phase post': {}",
          waiting.size(),
          String.join(", ", waiting));
    }
  }

  /**
   * A failed row stops migrate until it is resolved. The message gives the ways forward that fit
   * what the progress table knows: a resume needs its record of how far the migration got.
   */
  private static void refuseFailed(Session s, StateCalculator.States st) {
    for (StateCalculator.Entry e : st.entries()) {
      if (e.state() == MigrationState.FAILED || e.state() == MigrationState.MISSING_FAILED) {
        HistoryRow r = e.row();
        ProgressTable.Progress progress = null;
        try {
          progress = s.progress.read(s.connection).get(r.rank());
        } catch (SQLException ex) {
          LOG.debug("Cannot read the progress table: {}", ex.getMessage());
        }
        String version = r.version() == null ? "<version>" : r.version();
        StringBuilder sb =
            new StringBuilder("The history records a failed migration: ")
                .append(
                    Validator.describe(e.repeatable(), r.version(), r.description(), r.script()))
                .append(r.installedOn() != null ? ", failed on " + r.installedOn() : "")
                .append('.');
        boolean resumable = progress != null && progress.resolution() == null;
        if (resumable) {
          sb.append(' ')
              .append(progress.applied())
              .append(" of its ")
              .append(progress.total())
              .append(" statements stayed applied")
              .append(
                  progress.failedLine() > 0 ? "; it failed at line " + progress.failedLine() : "")
              .append('.');
        } else {
          sb.append(" Some of its statements may have stayed applied.");
        }
        sb.append(" migrate goes no further until one of these is done:");
        if (resumable && e.resolved() != null) {
          sb.append(
              "\n  - fix the cause outside the script (data, a grant) and run 'migrate --resume':"
                  + " it continues from the failed statement (the file must stay unchanged)");
        }
        sb.append(
            "\n  - undo its applied statements by hand, run 'repair' (it removes the failed row),"
                + " fix the script, and migrate again");
        sb.append(
            "\n  - complete its remaining statements by hand and run 'repair --mark-applied "
                + version
                + "'");
        throw new GodwitException(ErrorCode.VALIDATION, sb.toString());
      }
    }
  }

  /**
   * Continues the one failed migration from its failed statement.
   *
   * @param from where to continue, or null for where its progress row says
   */
  private static AppliedMigration resumeFailed(
      CommandContext ctx, StateCalculator.States st, ProgressTable.Progress from) {
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
    ProgressTable.Progress progress = from;
    try {
      if (progress == null) {
        progress = s.progress.read(s.connection).get(row.rank());
      }
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
    if (!Objects.equals(progress.checksum(), m.checksum())) {
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
    return runner.run(m, p, CallbackEvent.Around.EACH_MIGRATE, row, progress);
  }
}
