package dev.godwit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the read-only {@code shared/} folder that sits beside the repository. A user's clone has
 * none, so tests that need it skip with a printed reason; CI always has it.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /** The shared folder, or null when this checkout has none beside it. */
  public static Path root() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(dir.resolve("godwit-core")) && Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }
}
