package dev.godwit.api;

/** The state of a migration as {@code info} shows it. Matches Flyway's states. */
public enum MigrationState {
  /** Not applied yet; will run on the next {@code migrate}. */
  PENDING(false, false),
  /** Applied successfully, file present. */
  SUCCESS(true, false),
  /** Started and broke part-way; {@code repair} or {@code migrate --resume} needed. */
  FAILED(true, true),
  /** Applied, file gone. */
  MISSING(true, false),
  /** Failed, file gone. */
  MISSING_FAILED(true, true),
  /** Applied, newer than every local migration. */
  FUTURE(true, false),
  /** Failed, newer than every local migration. */
  FUTURE_FAILED(true, true),
  /** Applied after a higher version (outOfOrder). */
  OUT_OF_ORDER(true, false),
  /** Not applied and older than the latest applied version; will not run. */
  IGNORED(false, false),
  /** The baseline marker. */
  BASELINE(true, false),
  /** Older than the baseline; will not run. */
  BELOW_BASELINE(false, false),
  /** The same version as the baseline; will not run. */
  BASELINE_IGNORED(false, false),
  /** Newer than {@code target}; will not run now. */
  ABOVE_TARGET(false, false),
  /** A repeatable whose file changed since it last ran: the old run. */
  OUTDATED(true, false),
  /** An older run of a repeatable that ran again since. */
  SUPERSEDED(true, false),
  /** Hidden by {@code repair} after its file was removed. */
  DELETED(true, false),
  /** Undone by its U script. */
  UNDONE(true, false);

  private final boolean applied;
  private final boolean failed;

  MigrationState(boolean applied, boolean failed) {
    this.applied = applied;
    this.failed = failed;
  }

  /** Whether a history row stands behind this state. */
  public boolean isApplied() {
    return applied;
  }

  /** Whether this is a failure state. */
  public boolean isFailed() {
    return failed;
  }
}
