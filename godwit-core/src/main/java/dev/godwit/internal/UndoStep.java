package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationTarget;
import dev.godwit.api.MigrationVersion;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One version to undo.
 *
 * @param applied the applied migration of that version
 * @param script the undo script ({@code U<version>__...}) that reverses it
 */
record UndoStep(ResolvedMigration applied, ResolvedMigration script) {
  private static final Logger LOG = LoggerFactory.getLogger(UndoStep.class);

  /**
   * The versions an undo takes, newest first; undo and its plan both ask here. Refuses the whole
   * undo when a chosen version has no undo script, so nothing runs half-way.
   *
   * @param count how many versions to undo when {@code target} is null
   * @param target undo every version above this one, or null
   */
  static List<UndoStep> choose(
      CommandContext ctx, List<HistoryRow> rows, int count, String target) {
    List<StateCalculator.Entry> applied = new ArrayList<>();
    for (StateCalculator.Entry e : ctx.states(rows).entries()) {
      if (e.row() != null
          && e.row().version() != null
          && e.row().success()
          // An undo row records that its version was undone; it is no migration to undo again.
          && !e.row().type().isUndo()
          && !e.row().type().isSynthetic()
          && (e.state() == MigrationState.SUCCESS || e.state() == MigrationState.OUT_OF_ORDER)
          && !e.row().type().isBaseline()) {
        applied.add(e);
      }
    }
    applied.sort((a, b) -> b.row().parsedVersion().compareTo(a.row().parsedVersion()));
    List<StateCalculator.Entry> chosen = new ArrayList<>();
    if (target != null) {
      MigrationVersion t = MigrationTarget.parse(target).version();
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
      chosen.addAll(applied.subList(0, Math.min(count, applied.size())));
    }
    List<String> missing = new ArrayList<>();
    List<UndoStep> steps = new ArrayList<>();
    for (StateCalculator.Entry e : chosen) {
      ResolvedMigration u = ctx.resolution().undos().get(e.row().parsedVersion());
      if (u == null || e.resolved() == null) {
        missing.add(
            "version "
                + e.row().version()
                + " ("
                + e.row().script()
                + "): no "
                + ctx.config().string(ConfigKey.UNDO_SQL_MIGRATION_PREFIX)
                + e.row().version()
                + "__*.sql file");
      } else {
        steps.add(new UndoStep(e.resolved(), u));
      }
    }
    if (!missing.isEmpty()) {
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "Cannot undo: nothing was run, because these versions have no undo script:\n  - "
              + String.join("\n  - ", missing)
              + "\nWrite the missing U scripts, or undo fewer versions.");
    }
    if (steps.isEmpty()) {
      LOG.info("Nothing to undo");
    }
    return steps;
  }
}
