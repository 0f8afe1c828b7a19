package dev.godwit.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the read-only {@code shared/} folder that sits beside the repository. A user's clone has
 * none, so tests that need it skip with a printed reason; CI always has it.
 */
public final class SharedFiles {
  private SharedFiles() {}

  /**
   * The shared folder. Without one, the calling test is skipped with a printed reason, except in CI
   * (CI=true), where a missing folder is a failure: CI must never skip.
   */
  public static Path require() {
    Path root = root();
    if (root == null) {
      String reason = "no ../shared folder beside this checkout (a user's clone has none)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI must not skip: " + reason);
      }
      System.out.println("SKIPPED: " + reason);
      assumeTrue(false, reason);
    }
    return root;
  }

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
