package dev.godwit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run for the class data sharing archive that {@code ./godwit} builds next to the jar:
 * {@code java -XX:ArchiveClassesAtExit=godwit.jsa -cp godwit-cli.jar dev.godwit.cli.CdsTraining}. A
 * JVM started with that archive maps the classes a command needs instead of loading, parsing and
 * verifying them, which is most of what a short command costs.
 *
 * <p>It runs the everyday commands on an in-memory H2 database (the command line, configuration,
 * splitter, engine and output classes) and loads the PostgreSQL and MariaDB drivers' protocol
 * classes, which it cannot exercise without a server. Nothing is written outside a temporary
 * folder, which is deleted.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** Runs the training; always exits 0 so a failure only costs the archive, never the build. */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("godwit-cds");
    try {
      Path sql = Files.createDirectories(dir.resolve("sql"));
      Files.writeString(
          sql.resolve("V1__create.sql"),
          "CREATE TABLE t1 (id INT PRIMARY KEY, v VARCHAR(10));\nINSERT INTO t1 VALUES (1, 'x');\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          sql.resolve("R__view.sql"),
          "CREATE OR REPLACE VIEW v1 AS SELECT id FROM t1;\n",
          StandardCharsets.UTF_8);
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
      Cli cli = new Cli(sink, sink, Map.of());
      String url = "jdbc:h2:mem:godwit_cds;DB_CLOSE_DELAY=-1";
      String locations = "filesystem:" + sql;
      for (List<String> command :
          List.of(
              List.of("migrate"),
              List.of("info"),
              List.of("info", "--json"),
              List.of("validate"),
              List.of("migrate", "--json"),
              List.of("plan"))) {
        String[] argv =
            Stream.concat(Stream.of("--url", url, "--locations", locations), command.stream())
                .toArray(String[]::new);
        cli.run(argv);
      }
      cli.run(new String[] {"--version"});
      cli.run(new String[] {"lint", sql.toString()});
      loadDriverClasses("org.postgresql.Driver", "org/postgresql/");
      loadDriverClasses("org.mariadb.jdbc.Driver", "org/mariadb/jdbc/");
      try {
        // Nothing listens on port 1: this walks pgjdbc's connection set-up up to the socket.
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
      } catch (SQLException expected) {
        // The classes on the way are what the archive wants.
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Loads (without initialising) every class of the driver's jar below the prefix. */
  private static void loadDriverClasses(String driver, String prefix) {
    try {
      Class<?> d = Class.forName(driver);
      Path jar = Paths.get(d.getProtectionDomain().getCodeSource().getLocation().toURI());
      ClassLoader loader = d.getClassLoader();
      try (JarFile jf = new JarFile(jar.toFile())) {
        for (JarEntry e : Collections.list(jf.entries())) {
          String n = e.getName();
          if (n.startsWith(prefix) && n.endsWith(".class") && !n.contains("module-info")) {
            try {
              Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError skipped) {
              // Optional dependencies (Kerberos, SSPI, Waffle) are absent; such classes stay out.
            }
          }
        }
      }
    } catch (ClassNotFoundException | IOException | URISyntaxException | RuntimeException e) {
      // No driver, no classes to archive.
    }
  }
}
