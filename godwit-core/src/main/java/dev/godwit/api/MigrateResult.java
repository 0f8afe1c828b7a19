package dev.godwit.api;

import java.util.List;

/**
 * The result of {@code migrate}.
 *
 * @param initialVersion the latest applied version before, or null
 * @param targetVersion the latest applied version after, or null
 * @param applied the migrations run, in order; empty when there was nothing to do
 * @param warnings warnings (misnamed files, ...)
 */
public record MigrateResult(
    String initialVersion,
    String targetVersion,
    List<AppliedMigration> applied,
    List<String> warnings) {

  /** Freezes the lists. */
  public MigrateResult {
    applied = List.copyOf(applied);
    warnings = List.copyOf(warnings);
  }
}
