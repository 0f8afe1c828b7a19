package dev.godwit.api;

import java.util.List;

/**
 * The result of {@code repair}: every change it made to the history.
 *
 * @param changes the changes, in the order made; empty when nothing needed repair
 */
public record RepairResult(List<Change> changes) {

  /** Freezes the list. */
  public RepairResult {
    changes = List.copyOf(changes);
  }

  /**
   * One change.
   *
   * @param action what was done
   * @param version the version concerned, or null for a repeatable
   * @param description the description
   * @param detail before and after values
   */
  public record Change(Action action, String version, String description, String detail) {}

  /** The kinds of change repair makes. */
  public enum Action {
    /** A failed row was deleted. */
    REMOVED_FAILED_ROW,
    /**
     * A row that could not be read (a version that does not parse, an unknown type) was deleted.
     */
    REMOVED_CORRUPT_ROW,
    /** A checksum was realigned to the file's. */
    ALIGNED_CHECKSUM,
    /** A description was realigned to the file's name. */
    ALIGNED_DESCRIPTION,
    /** A type was realigned to the file's. */
    ALIGNED_TYPE,
    /** A migration whose file is gone was marked deleted. */
    MARKED_DELETED,
    /** A failed migration was recorded as applied ({@code repair --mark-applied}). */
    MARKED_APPLIED
  }
}
