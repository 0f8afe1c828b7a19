package dev.godwit.api;

import java.util.List;

/**
 * The result of {@code undo}.
 *
 * @param undone the versions undone, newest first
 * @param currentVersion the latest applied version after undoing, or null
 */
public record UndoResult(List<AppliedMigration> undone, String currentVersion) {

  /** Freezes the list. */
  public UndoResult {
    undone = List.copyOf(undone);
  }
}
