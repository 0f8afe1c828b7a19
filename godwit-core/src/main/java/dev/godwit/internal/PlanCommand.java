package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.PlanResult;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import java.util.ArrayList;
import java.util.List;

/** {@code plan}: what migrate or undo would run and record, computed without changing anything. */
final class PlanCommand {
  private PlanCommand() {}

  /** What migrate would do in a deploy phase (null: every pending migration). */
  static PlanResult migrate(CommandContext ctx, DeployPhase phase) {
    Session s = ctx.session();
    List<HistoryRow> rows = s.readHistory();
    StateCalculator.States st = ctx.states(rows, phase);
    int rank = HistoryRow.nextRank(rows);
    List<PlanResult.Planned> out = new ArrayList<>();
    MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
    for (ResolvedMigration m : st.pending()) {
      out.add(planned(ctx, runner, m, HistoryRow.applied(m, rank++, s.installedBy)));
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
    return new PlanResult(
        phase == null ? "migrate" : "migrate --phase " + phase.label(), out, warnings);
  }

  /** What undo would do; see {@link UndoCommand#run}. */
  static PlanResult undo(CommandContext ctx, int count, String target) {
    Session s = ctx.session();
    List<HistoryRow> rows = s.readHistory();
    int rank = HistoryRow.nextRank(rows);
    MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
    List<PlanResult.Planned> out = new ArrayList<>();
    for (UndoStep step : UndoStep.choose(ctx, rows, count, target)) {
      out.add(planned(ctx, runner, step.script(), HistoryRow.undo(step, rank++, s.installedBy)));
    }
    return new PlanResult("undo", out, ctx.resolution().warnings());
  }

  /** One migration of the plan: its statements and the history row running it would write. */
  private static PlanResult.Planned planned(
      CommandContext ctx, MigrationRunner runner, ResolvedMigration m, HistoryRow row) {
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
    String described =
        "installed_rank="
            + row.rank()
            + ", version="
            + row.version()
            + ", description='"
            + row.description()
            + "', type="
            + row.type()
            + ", script="
            + row.script()
            + ", checksum="
            + row.checksum()
            + ", installed_by='"
            + row.installedBy()
            + "', success=true";
    return new PlanResult.Planned(
        row.version(),
        row.description(),
        row.type(),
        row.script(),
        p.transactional(),
        statements,
        described,
        runner.planned(p),
        m.phase());
  }
}
