package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.MigrationTarget;
import dev.godwit.api.MigrationVersion;
import java.util.List;

/**
 * What a command works with: the open session, the migrations found, the callbacks; and the
 * settings commands read in a parsed form, each parsed in one place.
 *
 * @param session the command's connection and what follows from it
 * @param resolution the migrations, undo scripts and callbacks in the locations
 * @param callbacks runs the callback files
 */
record CommandContext(Session session, Resolution resolution, Callbacks callbacks) {

  GodwitConfig config() {
    return session.config;
  }

  /** The {@code target} setting. */
  MigrationTarget target() {
    return config().target();
  }

  /** The {@code ignoreMigrationPatterns} setting. */
  IgnorePatterns ignorePatterns() {
    return new IgnorePatterns(config().ignoreMigrationPatterns());
  }

  /** The {@code baselineVersion} setting. */
  MigrationVersion baselineVersion() {
    return config().baselineVersion();
  }

  /** The state of every migration against these history rows, under the configured target. */
  StateCalculator.States states(List<HistoryRow> rows) {
    return states(rows, null);
  }

  /**
   * The states for a run of one deploy phase: with {@link DeployPhase#PRE} the post-phase
   * migrations stay out of the run list; null runs everything.
   */
  StateCalculator.States states(List<HistoryRow> rows, DeployPhase phase) {
    return StateCalculator.compute(
        resolution, rows, target(), config().flag(ConfigKey.OUT_OF_ORDER), phase);
  }
}
