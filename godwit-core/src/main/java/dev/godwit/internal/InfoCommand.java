package dev.godwit.internal;

import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationVersion;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationIssue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code info} and {@code validate}: read the history, compare it with the files, change nothing.
 */
final class InfoCommand {
  private InfoCommand() {}

  /** The state of every migration. */
  static InfoResult info(CommandContext ctx) {
    List<HistoryRow> rows = ctx.session().readHistory();
    return stateOf(ctx, rows, ctx.states(rows));
  }

  /**
   * What {@code info} reports for these history rows and their states; migrate reports the state it
   * leaves with this too, so no second session reads it again.
   */
  static InfoResult stateOf(
      CommandContext ctx, List<HistoryRow> rows, StateCalculator.States states) {
    Session s = ctx.session();
    Map<Integer, ProgressTable.Progress> progress = progressOf(s, rows);
    List<MigrationInfo> out = new ArrayList<>();
    for (StateCalculator.Entry e : states.entries()) {
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
        states.lastApplied() == null ? null : states.lastApplied().toString(),
        out,
        ctx.resolution().warnings(),
        server);
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
        p != null ? p.total() : null,
        m != null ? m.phase() : null,
        p != null && p.inBackfill()
            ? new MigrationInfo.Backfill(
                p.batchLine() != null ? p.batchLine() : p.failedLine(), p.batchKey(), p.batchRows())
            : null,
        p != null && p.inDoubt() && !p.inBackfill() ? p.started() : null);
  }

  /** Compares applied and local migrations; never throws for what it finds. */
  static ValidateResult validate(CommandContext ctx) {
    List<HistoryRow> rows = ctx.session().readHistoryKeepingCorrupt();
    List<ValidationIssue> issues =
        new ArrayList<>(HistoryChecks.corruptIssues(ctx.session().history.corrupt()));
    issues.addAll(HistoryChecks.check(rows));
    StateCalculator.States st = ctx.states(rows);
    issues.addAll(Validator.validate(st.entries(), ctx.ignorePatterns()));
    List<String> warnings = new ArrayList<>(ctx.resolution().warnings());
    if (ctx.resolution().versioned().isEmpty() && ctx.resolution().repeatables().isEmpty()) {
      warnings.add("No migrations found. Are the locations set up correctly?");
    }
    return new ValidateResult(issues, st.entries().size(), warnings);
  }
}
