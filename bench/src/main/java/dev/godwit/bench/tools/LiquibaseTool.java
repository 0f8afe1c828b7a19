package dev.godwit.bench.tools;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase through its Java API: {@code changelog.xml} includes one formatted-SQL changelog per
 * migration file. migrate is {@code update}, info is {@code status --verbose}, validate is {@code
 * validate} (which also checks the checksums of the ran change sets).
 *
 * <p>Fresh JVM: {@code java -cp ... dev.godwit.bench.tools.LiquibaseTool <migrate|info|validate>
 * <url> <user> <password> <dir>}. The Liquibase CLI is not used.
 */
public final class LiquibaseTool {
  private LiquibaseTool() {}

  static {
    // No analytics or update checks (the machine has no network; a lookup would only cost time).
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("liquibase").setLevel(Level.WARNING);
    long n = run(args[0], args[1], args[2], args[3], Path.of(args[4]));
    System.out.println("liquibase " + args[0] + ": " + n);
  }

  /** Runs a command; returns what it counted. Liquibase's console messages go to its logger. */
  public static long run(String command, String url, String user, String password, Path dir)
      throws Exception {
    return Scope.child(
        Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
        () -> runInScope(command, url, user, password, dir));
  }

  private static long runInScope(
      String command, String url, String user, String password, Path dir) throws Exception {
    Connection c = DriverManager.getConnection(url, user, password);
    Database db =
        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
    try (Liquibase lb = new Liquibase("changelog.xml", new DirectoryResourceAccessor(dir), db)) {
      switch (command) {
        case "migrate" -> {
          lb.update(new Contexts(), new LabelExpression());
          return 0;
        }
        case "info" -> {
          StringWriter out = new StringWriter();
          lb.reportStatus(true, new Contexts(), new LabelExpression(), out);
          return out.getBuffer().length();
        }
        case "validate" -> {
          lb.validate();
          return 0;
        }
        default -> throw new IllegalArgumentException("unknown command " + command);
      }
    }
  }
}
