package dev.godwit.internal;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.UndoResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code undo}: runs the U scripts of the latest applied versions, newest first. */
final class UndoCommand {
  private static final Logger LOG = LoggerFactory.getLogger(UndoCommand.class);

  private UndoCommand() {}

  /** Refuses before connecting in an environment marked production, unless overridden. */
  static void refuseInProduction(GodwitConfig config, boolean allowProduction) {
    if (config.flag(ConfigKey.PRODUCTION) && !allowProduction) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "undo is refused in a production environment"
              + (config.environment() != null ? " ('" + config.environment() + "')" : "")
              + ": production moves forward only. Write a new migration that reverses the change,"
              + " or pass --allow-production if you really mean it.");
    }
  }

  /**
   * Undoes versions, each recorded as an undo row.
   *
   * @param count how many versions to undo when {@code target} is null
   * @param target undo every version above this one, or null
   */
  static UndoResult run(CommandContext ctx, int count, String target) {
    Session s = ctx.session();
    try (MigrationLock lock = s.lock()) {
      List<HistoryRow> rows = s.readHistory();
      List<UndoStep> steps = UndoStep.choose(ctx, rows, count, target);
      MigrationRunner runner = new MigrationRunner(s, ctx.callbacks());
      int rank = HistoryRow.nextRank(rows);
      List<AppliedMigration> done = new ArrayList<>();
      for (UndoStep step : steps) {
        MigrationRunner.Prepared p = runner.prepare(step.script());
        HistoryRow row = HistoryRow.undo(step, rank++, s.installedBy);
        LOG.info("Undoing version {} with {}", step.applied().version(), step.script().script());
        done.add(runner.run(step.script(), p, CallbackEvent.Around.EACH_UNDO, row));
      }
      StateCalculator.States after = ctx.states(s.readHistory());
      return new UndoResult(
          done, after.lastApplied() == null ? null : after.lastApplied().toString());
    }
  }
}
