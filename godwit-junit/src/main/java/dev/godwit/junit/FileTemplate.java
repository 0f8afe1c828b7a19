package dev.godwit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * H2 and SQLite: the template is a database file in a temporary folder, and a copy is a copy of
 * that file (with SQLite's write-ahead log, if the migrations left one).
 */
final class FileTemplate implements Template {

  private static final String H2_FILE = ".mv.db";
  private static final List<String> SQLITE_SIDE_FILES = List.of("-wal", "-shm", "-journal");

  private final Setup setup;
  private final Path dir;
  private final AtomicInteger copies = new AtomicInteger();

  private FileTemplate(Setup setup, Path dir) {
    this.setup = setup;
    this.dir = dir;
  }

  static FileTemplate create(Setup setup) {
    Path dir;
    try {
      dir = Files.createTempDirectory("godwit-junit-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary folder for the template", e);
    }
    FileTemplate template = new FileTemplate(setup, dir);
    try {
      setup.configure(template.url("template"), "", "").load().migrate();
      template.closeDatabase("template");
      return template;
    } catch (RuntimeException e) {
      template.close();
      throw e;
    }
  }

  @Override
  public DatabaseCopy copy() {
    String name = "copy-" + copies.incrementAndGet();
    try {
      for (String suffix : suffixes()) {
        Path source = file("template", suffix);
        if (Files.exists(source)) {
          Files.copy(source, file(name, suffix), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the template database in " + dir, e);
    }
    // H2 reads a database's catalog when it opens it, which costs about what the file copy saves:
    // it is opened here (ahead of the test, see ReadyCopies), and kept open by this connection
    // until the copy is dropped, when it also serves to shut the database down.
    Connection keeper = h2() ? open(name) : null;
    return new DatabaseCopy(url(name), "", "", setup, () -> drop(name, keeper));
  }

  private Connection open(String name) {
    try {
      return DriverManager.getConnection(url(name), "", "");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the copy " + name + " in " + dir + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }

  private boolean h2() {
    return setup.database() == GodwitDatabase.H2;
  }

  private String url(String name) {
    Path base = dir.resolve(name);
    if (h2()) {
      return "jdbc:h2:file:" + base + (setup.options().isEmpty() ? "" : ";" + setup.options());
    }
    return "jdbc:sqlite:" + base + ".db";
  }

  private List<String> suffixes() {
    return h2()
        ? List.of(H2_FILE)
        : Stream.concat(Stream.of(".db"), SQLITE_SIDE_FILES.stream().map(s -> ".db" + s)).toList();
  }

  private Path file(String name, String suffix) {
    return dir.resolve(name + suffix);
  }

  private void drop(String name, Connection keeper) {
    if (keeper != null) {
      shutdown(keeper, name);
    }
    try {
      for (String suffix : suffixes()) {
        Files.deleteIfExists(file(name, suffix));
      }
      Files.deleteIfExists(file(name, ".trace.db"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the copy " + name + " in " + dir, e);
    }
  }

  /**
   * Closes an H2 database for good, also when a test left connections open (a pool), so its file is
   * complete (the template) or can go (a copy). SQLite keeps no state outside its connections.
   */
  private void closeDatabase(String name) {
    if (h2()) {
      shutdown(open(name), name);
    }
  }

  private void shutdown(Connection connection, String name) {
    try (Connection c = connection;
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the H2 database " + name + ": " + e, e);
    }
  }
}
