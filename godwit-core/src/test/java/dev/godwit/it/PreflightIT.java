package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What used to fail only after a migration's DDL had run (and, on databases whose DDL commits by
 * itself, left the object behind with no history row) is found before anything runs.
 */
class PreflightIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> withLengths() {
    List<TestDatabase.Factory> out = new ArrayList<>();
    out.add(new TestDatabase.Factory("H2", TestDatabase::h2));
    out.addAll(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  static List<TestDatabase.Factory> servers() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @ParameterizedTest
  @MethodSource("withLengths")
  void aVersionLongerThanTheHistoryColumnStopsBeforeAnythingRuns(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__first.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n");
    String longName = "V2_" + "1_".repeat(30) + "1__long.sql";
    write(longName, "CREATE TABLE t2 (id INT PRIMARY KEY);\n");

    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining(longName)
        .hasMessageContaining("history table's version column holds 50")
        .hasMessageContaining("Nothing was run")
        .satisfies(e -> assertThat(((GodwitException) e).code()).isEqualTo(ErrorCode.NAMING));
    assertThat(tableExists(db, "t1")).isFalse();
    assertThat(tableExists(db, "t2")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("servers")
  void aUserWhoCannotWriteTheHistoryIsStoppedBeforeTheDdlRuns(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__first.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n");
    db.configure(dir).load().migrate();
    write("V2__second.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n");
    String user = "gw_ro_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    TestDatabase readOnlyHistory = withUserWhoCannotWriteTheHistory(db, user);
    try {
      assertThatThrownBy(() -> readOnlyHistory.configure(dir).load().migrate())
          .isInstanceOf(GodwitException.class)
          .hasMessageContaining("Cannot write to the history table")
          .hasMessageContaining("Nothing was run")
          .hasMessageContaining("Grant the user INSERT");
      assertThat(tableExists(db, "t2")).isFalse();
      assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history")).isEqualTo("1");
    } finally {
      dropUser(db, user);
    }
  }

  /** A login that may create tables but only read the history table. */
  private static TestDatabase withUserWhoCannotWriteTheHistory(TestDatabase db, String user)
      throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        st.execute("CREATE ROLE " + user + " LOGIN PASSWORD 'pw'");
        st.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + user);
        st.execute("GRANT SELECT ON godwit_schema_history TO " + user);
      } else {
        st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'");
        st.execute(
            "GRANT SELECT, CREATE, DROP, ALTER, INDEX ON `"
                + c.getCatalog()
                + "`.* TO '"
                + user
                + "'@'%'");
      }
    }
    return new TestDatabase(db.kind(), db.url(), user, "pw");
  }

  private static void dropUser(TestDatabase db, String user) throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        st.execute("DROP OWNED BY " + user);
        st.execute("DROP ROLE " + user);
      } else {
        st.execute("DROP USER '" + user + "'@'%'");
      }
    }
  }

  private static boolean tableExists(TestDatabase db, String table) throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs = c.getMetaData().getTables(catalogOf(db, c), null, table, null);
        ResultSet upper =
            c.getMetaData()
                .getTables(
                    catalogOf(db, c), null, table.toUpperCase(java.util.Locale.ROOT), null)) {
      return rs.next() || upper.next();
    }
  }

  /** MariaDB's metadata searches every database unless told which (its catalog). */
  private static String catalogOf(TestDatabase db, Connection c) throws SQLException {
    return db.kind() == TestDatabase.Kind.MARIADB ? c.getCatalog() : null;
  }
}
