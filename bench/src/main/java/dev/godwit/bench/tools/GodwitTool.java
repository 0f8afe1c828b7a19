package dev.godwit.bench.tools;

import dev.godwit.api.Godwit;
import java.nio.file.Path;

/**
 * Godwit through its Java API, for the warm (in-process) mode. The fresh-JVM mode runs the real
 * command line, {@code godwit-cli/target/godwit-cli.jar}.
 */
public final class GodwitTool {
  private GodwitTool() {}

  /** Runs a command; returns what it counted. */
  public static long run(String command, String url, String user, String password, Path dir) {
    Godwit g =
        Godwit.configure()
            .url(url, user, password)
            .locations("filesystem:" + dir.toAbsolutePath())
            .load();
    return switch (command) {
      case "migrate" -> g.migrate().applied().size();
      case "info" -> g.info().migrations().size();
      case "validate" -> {
        var r = g.validate();
        if (!r.issues().isEmpty()) {
          throw new IllegalStateException("godwit validate failed: " + r.issues());
        }
        yield r.migrationsChecked();
      }
      default -> throw new IllegalArgumentException("unknown command " + command);
    };
  }
}
