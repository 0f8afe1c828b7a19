package dev.godwit.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Which process created a test database on a shared PostgreSQL server. Each database made on an
 * external server carries the comment {@code godwit-testkit host=<host> pid=<pid>}, so a later run
 * on the same host can tell the databases of ended processes (safe to drop) from those of test runs
 * still going on beside it.
 */
final class DatabaseOwner {

  static final String PREFIX = "godwit-testkit host=";

  private DatabaseOwner() {}

  /** The comment that names this process as the creator. */
  static String tag() {
    return tag(host(), ProcessHandle.current().pid());
  }

  static String tag(String host, long pid) {
    return PREFIX + host + " pid=" + pid;
  }

  /** The creator's pid in {@code comment} if it names a process of {@code host}. */
  static OptionalLong pidOn(String host, String comment) {
    String expected = PREFIX + host + " pid=";
    if (comment == null || !comment.startsWith(expected)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(comment.substring(expected.length())));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static void mark(String adminUrl, String user, String password, String database)
      throws SQLException {
    try (Connection connection = Databases.connect(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COMMENT ON DATABASE "
              + Databases.quote(database)
              + " IS '"
              + tag().replace("'", "''")
              + "'");
    }
  }

  /** The test databases on the server whose creator on this host is no longer running. */
  static List<String> abandoned(String adminUrl, String user, String password) throws SQLException {
    String host = host();
    List<String> names = new ArrayList<>();
    try (Connection connection = Databases.connect(adminUrl, user, password);
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                    + " WHERE datname LIKE 'godwit\\_%'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        OptionalLong pid = pidOn(host, rows.getString(2));
        if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).isEmpty()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
