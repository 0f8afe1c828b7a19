package dev.godwit.flywaycompat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fresh database that Flyway and Godwit take turns on.
 *
 * @param kind h2, sqlite, postgresql or mariadb
 * @param url its JDBC URL
 * @param user the user, possibly empty
 * @param password the password, possibly empty
 */
record Db(String kind, String url, String user, String password) {
  static final List<String> KINDS = List.of("h2", "sqlite", "postgresql", "mariadb");

  /**
   * Creates a database of this kind. Without a MariaDB server the calling test is skipped with a
   * printed reason, except in CI (CI=true), where that is a failure.
   */
  static Db create(String kind, Path dir) {
    switch (kind) {
      case "h2":
        return new Db(kind, "jdbc:h2:file:" + dir.resolve("h2db").toAbsolutePath(), "sa", "");
      case "sqlite":
        return new Db(kind, "jdbc:sqlite:" + dir.resolve("db.sqlite").toAbsolutePath(), "", "");
      case "postgresql":
        PostgresServer pg = PostgresServers.newest();
        return new Db(kind, pg.createDatabase(), pg.user(), pg.password());
      case "mariadb":
        Optional<MariaDbServer> maria = MariaDbServer.find();
        if (maria.isEmpty()) {
          String reason = MariaDbServer.unavailableReason();
          if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must not skip: " + reason);
          }
          System.out.println("SKIPPED: " + reason);
          assumeTrue(false, reason);
        }
        MariaDbServer m = maria.get();
        return new Db(kind, m.createDatabase(), m.user(), m.password());
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user.isEmpty() ? null : user, password);
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The options that point the CLI at this database. */
  List<String> godwitOptions() {
    List<String> o = new ArrayList<>(List.of("--url", url));
    if (!user.isEmpty()) {
      o.addAll(List.of("--user", user));
    }
    if (!password.isEmpty()) {
      o.addAll(List.of("--password", password));
    }
    return o;
  }

  @Override
  public String toString() {
    return kind;
  }
}
