package dev.godwit.api;

import java.util.List;

/**
 * The result of {@code clean}.
 *
 * @param schemas the schemas cleaned
 * @param droppedObjects how many objects were dropped
 */
public record CleanResult(List<String> schemas, int droppedObjects) {

  /** Freezes the list. */
  public CleanResult {
    schemas = List.copyOf(schemas);
  }
}
