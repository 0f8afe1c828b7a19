package dev.godwit.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@code migrate}.
 *
 * @param initialVersion the latest applied version before, or null
 * @param targetVersion the latest applied version after, or null
 * @param applied the migrations run, in order; empty when there was nothing to do
 * @param warnings warnings (misnamed files, ...), with what a reviewer of the pending migrations
 *     reported
 * @param info every migration with its state once migrate finished: what {@link Godwit#info()}
 *     would report right after it, read on migrate's own connection (still under its lock when it
 *     took one), so a caller that shows the result needs no second connection
 */
public record MigrateResult(
    String initialVersion,
    String targetVersion,
    List<AppliedMigration> applied,
    List<String> warnings,
    InfoResult info) {

  /** Freezes the lists. */
  public MigrateResult {
    applied = List.copyOf(applied);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(info, "info");
  }
}
