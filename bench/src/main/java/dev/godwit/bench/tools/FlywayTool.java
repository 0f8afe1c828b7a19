package dev.godwit.bench.tools;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * Flyway through its Java API (flyway-core with flyway-database-postgresql), default settings:
 * validate on migrate, placeholders on, one transaction per migration.
 *
 * <p>Fresh JVM: {@code java -cp ... dev.godwit.bench.tools.FlywayTool <migrate|info|validate> <url>
 * <user> <password> <dir>}. The Flyway CLI is not used: this is what it does, minus its own start.
 */
public final class FlywayTool {
  private FlywayTool() {}

  public static void main(String[] args) {
    long n = run(args[0], args[1], args[2], args[3], Path.of(args[4]));
    System.out.println("flyway " + args[0] + ": " + n);
  }

  /** Runs a command; returns what it counted. */
  public static long run(String command, String url, String user, String password, Path dir) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(url, user, password)
            .locations("filesystem:" + dir.toAbsolutePath())
            .load();
    return switch (command) {
      case "migrate" -> flyway.migrate().migrationsExecuted;
      case "info" -> flyway.info().all().length;
      case "validate" -> {
        var r = flyway.validateWithResult();
        if (!r.validationSuccessful) {
          throw new IllegalStateException("flyway validate failed: " + r.getAllErrorMessages());
        }
        yield 0;
      }
      default -> throw new IllegalArgumentException("unknown command " + command);
    };
  }
}
