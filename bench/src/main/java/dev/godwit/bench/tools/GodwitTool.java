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
    return run(command, url, user, password, dir, null);
  }

  /** As above, with another history table (null: Godwit's default). */
  public static long run(
      String command, String url, String user, String password, Path dir, String table) {
    var b = Godwit.configure().url(url, user, password).locations("filesystem:" + dir.toAbsolutePath());
    if (table != null) {
      b.table(table);
    }
    Godwit g = b.load();
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
