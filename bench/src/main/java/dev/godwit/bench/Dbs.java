package dev.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The databases measured on: a fresh database per measurement, or a copy of a template. */
final class Dbs {
  private Dbs() {}

  /** A database server (or engine) that hands out fresh databases. */
  interface Target extends AutoCloseable {
    /** "PostgreSQL" or "H2". */
    String name();

    /** Server and version, for the report. */
    String version();

    String user();

    String password();

    /** A new empty database; returns its JDBC URL. */
    String fresh() throws Exception;

    /** A new database holding a copy of {@code templateUrl}'s contents; returns its JDBC URL. */
    String copyOf(String templateUrl) throws Exception;

    /** Drops a database made by {@link #fresh()} or {@link #copyOf(String)}. */
    void drop(String url) throws Exception;

    @Override
    void close();
  }

  private static final AtomicInteger SEQ = new AtomicInteger();

  /** PostgreSQL: databases created and dropped through the server's {@code postgres} database. */
  static final class Postgres implements Target {
    private final String base; // jdbc:postgresql://host:port/
    private final String user;
    private final String password;
    private final String version;
    private final String prefix = "gwbench_" + ProcessHandle.current().pid() + "_";

    Postgres(String adminUrl, String user, String password, String origin) throws SQLException {
      this.base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
      this.user = user;
      this.password = password;
      try (Connection c = admin();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW server_version")) {
        rs.next();
        this.version = "PostgreSQL " + rs.getString(1) + " (" + origin + ")";
      }
    }

    private Connection admin() throws SQLException {
      return DriverManager.getConnection(base + "postgres", user, password);
    }

    String adminUrl() {
      return base + "postgres";
    }

    @Override
    public String name() {
      return "PostgreSQL";
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public String user() {
      return user;
    }

    @Override
    public String password() {
      return password;
    }

    @Override
    public String fresh() throws SQLException {
      return create(null);
    }

    @Override
    public String copyOf(String templateUrl) throws SQLException {
      return create(templateUrl.substring(templateUrl.lastIndexOf('/') + 1));
    }

    private String create(String template) throws SQLException {
      String db = prefix + SEQ.incrementAndGet();
      try (Connection c = admin();
          Statement st = c.createStatement()) {
        st.execute(
            "CREATE DATABASE " + db + (template == null ? "" : " TEMPLATE " + template));
      }
      return base + db;
    }

    @Override
    public void drop(String url) throws SQLException {
      String db = url.substring(url.lastIndexOf('/') + 1);
      try (Connection c = admin();
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }

    @Override
    public void close() {
      // Drop whatever a crashed measurement left behind.
      try (Connection c = admin();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
        java.util.List<String> left = new java.util.ArrayList<>();
        while (rs.next()) {
          left.add(rs.getString(1));
        }
        for (String db : left) {
          st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
      } catch (SQLException e) {
        System.err.println("bench: could not drop leftover databases: " + e.getMessage());
      }
    }
  }

  /** H2: a database file in a new temporary folder per measurement. */
  static final class H2 implements Target {
    private final Path root;

    H2(Path root) throws IOException {
      this.root = Files.createDirectories(root.resolve("h2"));
    }

    @Override
    public String name() {
      return "H2";
    }

    @Override
    public String version() {
      return "H2 " + org.h2.engine.Constants.FULL_VERSION + " (embedded, file)";
    }

    @Override
    public String user() {
      return "sa";
    }

    @Override
    public String password() {
      return "";
    }

    private Path newDir() throws IOException {
      return Files.createDirectories(root.resolve("db" + SEQ.incrementAndGet()));
    }

    @Override
    public String fresh() throws IOException {
      return "jdbc:h2:file:" + newDir().resolve("db").toAbsolutePath();
    }

    @Override
    public String copyOf(String templateUrl) throws IOException {
      Path from = Path.of(templateUrl.substring("jdbc:h2:file:".length()) + ".mv.db");
      Path dir = newDir();
      Files.copy(from, dir.resolve("db.mv.db"));
      return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    }

    @Override
    public void drop(String url) throws IOException {
      Path dir = Path.of(url.substring("jdbc:h2:file:".length())).getParent();
      deleteTree(dir);
    }

    @Override
    public void close() {
      try {
        deleteTree(root);
      } catch (IOException e) {
        System.err.println("bench: could not delete " + root + ": " + e.getMessage());
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
