package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection and transaction settings Flyway projects depend on, against real databases: {@code
 * initSql}, {@code jdbcProperties}, {@code driver}, {@code tablespace} and {@code group}.
 */
class FlywayConnectionSettingsIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> all() {
    return TestDatabase.factories();
  }

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  static List<PostgresServer> postgresServers() {
    return PostgresServers.all();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @ParameterizedTest
  @MethodSource("all")
  void initSqlRunsOnTheConnectionBeforeTheMigrations(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    String init;
    String read;
    switch (db.kind()) {
      case POSTGRES -> {
        init = "SET godwit_test.marker = 'from initSql'";
        read = "current_setting('godwit_test.marker')";
      }
      case SQLITE -> {
        // SQLite has no session variables; a temporary table lives as long as the connection.
        init = "CREATE TEMP TABLE IF NOT EXISTS marker AS SELECT 'from initSql' AS v";
        read = "(SELECT v FROM temp.marker)";
      }
      default -> {
        init = "SET @marker = 'from initSql'";
        read = "@marker";
      }
    }
    write("V1__t.sql", "CREATE TABLE t (v VARCHAR(40));\nINSERT INTO t SELECT " + read + ";\n");
    db.configure(dir).set(ConfigKey.INIT_SQL, init).load().migrate();
    assertThat(db.query("SELECT v FROM t")).isEqualTo("from initSql");
  }

  @ParameterizedTest
  @MethodSource("all")
  void aFailingInitSqlIsAConnectionErrorNamingTheSetting(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (v INT);\n");
    assertThatThrownBy(() -> db.configure(dir).set(ConfigKey.INIT_SQL, "SELEC 1").load().migrate())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION))
        .hasMessageContaining("'initSql' setting failed");
    assertThat(db.tableExists("t")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void jdbcPropertiesReachTheDriver(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__t.sql",
        "CREATE TABLE t AS SELECT current_setting('application_name') AS app,"
            + " current_setting('search_path') AS path;\n");
    db.configure(dir)
        .set(
            ConfigKey.JDBC_PROPERTIES,
            Map.of("ApplicationName", "flyway-app", "options", "-c search_path=public"))
        .load()
        .migrate();
    assertThat(db.query("SELECT app FROM t")).isEqualTo("flyway-app");
    assertThat(db.query("SELECT path FROM t")).isEqualTo("public");
  }

  @Test
  void theDriverSettingPicksTheClassAndABadOneIsRefusedByName() throws Exception {
    TestDatabase db = TestDatabase.h2();
    write("V1__t.sql", "CREATE TABLE t (v INT);\n");
    db.configure(dir).set(ConfigKey.DRIVER, "org.h2.Driver").load().migrate();
    assertThat(db.tableExists("t")).isTrue();
    assertThatThrownBy(
            () ->
                TestDatabase.h2()
                    .configure(dir)
                    .set(ConfigKey.DRIVER, "com.example.NoSuchDriver")
                    .load()
                    .migrate())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("com.example.NoSuchDriver")
        .hasMessageContaining("jarDirs");
  }

  @Test
  void aUrlOfADatabaseWithoutADialectIsRefusedBeforeAnyDriverSeesIt() {
    // Godwit has no Oracle dialect: adding ojdbc11 to drivers/ would not help, so the error says
    // what is supported, naming only the URL's prefix (the rest may carry a password).
    assertThatThrownBy(
            () ->
                dev.godwit.api.Godwit.configure()
                    .url("jdbc:oracle:thin:u/secret@//localhost:1521/app", "u", "secret")
                    .locations("filesystem:" + dir)
                    .load()
                    .info())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
        .hasMessageContaining("jdbc:oracle:")
        .hasMessageContaining("Supported:")
        .hasMessageNotContaining("secret");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postgresServers")
  void tablespacePutsTheHistoryTableAndItsIndexesThere(PostgresServer pg) throws Exception {
    String url = pg.createDatabase();
    String ts = "godwit_ts_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path location = Files.createTempDirectory("godwit-tablespace");
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement()) {
      // The server's own OS user must own the folder: the owner of its data directory.
      var rs = st.executeQuery("SELECT current_setting('data_directory')");
      rs.next();
      UserPrincipal owner = Files.getOwner(Paths.get(rs.getString(1)));
      try {
        Files.setOwner(location, owner);
      } catch (IOException | UnsupportedOperationException e) {
        Assumptions.abort("cannot give " + location + " to the server's user: " + e);
      }
      st.execute("CREATE TABLESPACE " + ts + " LOCATION '" + location + "'");
    }
    try {
      write("V1__t.sql", "CREATE TABLE t (v INT);\n");
      dev.godwit.api.Godwit.configure()
          .url(url, pg.user(), pg.password())
          .locations("filesystem:" + dir)
          .set(ConfigKey.TABLESPACE, ts)
          .load()
          .migrate();
      try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
          Statement st = c.createStatement();
          var rs =
              st.executeQuery(
                  "SELECT c.relname FROM pg_class c JOIN pg_tablespace t ON t.oid ="
                      + " c.reltablespace WHERE t.spcname = '"
                      + ts
                      + "' AND c.relname NOT LIKE 'pg_toast%' ORDER BY c.relname")) {
        List<String> there = new java.util.ArrayList<>();
        while (rs.next()) {
          there.add(rs.getString(1));
        }
        assertThat(there)
            .containsExactly(
                "godwit_schema_history", "godwit_schema_history_pk", "godwit_schema_history_s_idx");
      }
    } finally {
      pg.dropDatabase(url);
      try (Connection c = DriverManager.getConnection(pg.adminUrl(), pg.user(), pg.password());
          Statement st = c.createStatement()) {
        st.execute("DROP TABLESPACE IF EXISTS " + ts);
      }
    }
  }

  @Test
  void tablespaceIsRefusedWhereThereIsNone() throws Exception {
    write("V1__t.sql", "CREATE TABLE t (v INT);\n");
    TestDatabase db = TestDatabase.h2();
    assertThatThrownBy(() -> db.configure(dir).set(ConfigKey.TABLESPACE, "fast").load().migrate())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("'tablespace' setting works on PostgreSQL only");
    assertThat(db.tableExists("t")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("all")
  void groupAppliesAllOrNothingWhereDdlIsTransactional(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "CREATE TABLE a (v INT);\nINSERT INTO a VALUES (1);\n");
    write("V2__b.sql", "CREATE TABLE b (v INT);\n");
    write("V3__broken.sql", "INSERT INTO missing_table VALUES (1);\n");
    var godwit = db.configure(dir).set(ConfigKey.GROUP, true).load();
    if (db.kind() == TestDatabase.Kind.H2 || db.kind() == TestDatabase.Kind.MARIADB) {
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
          .hasMessageContaining("group=true needs transactional DDL");
      assertThat(db.tableExists("a")).isFalse();
      return;
    }
    assertThatThrownBy(godwit::migrate).isInstanceOf(MigrationFailedException.class);
    assertThat(db.tableExists("a")).as("V1 rolled back with the group").isFalse();
    assertThat(db.tableExists("b")).isFalse();
    assertThat(db.query("SELECT COUNT(*) FROM " + db.history() + " WHERE version IS NOT NULL"))
        .isEqualTo("0");

    Files.delete(dir.resolve("V3__broken.sql"));
    assertThat(godwit.migrate().applied()).hasSize(2);
    assertThat(db.query("SELECT COUNT(*) FROM a")).isEqualTo("1");
    assertThat(db.tableExists("b")).isTrue();
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void groupRefusesAMigrationThatCannotRunInATransaction(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "CREATE TABLE a (v INT);\n");
    write("V2__idx.sql", "CREATE INDEX CONCURRENTLY a_v ON a (v);\n");
    assertThatThrownBy(() -> db.configure(dir).set(ConfigKey.GROUP, true).load().migrate())
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("group=true cannot hold")
        .hasMessageContaining("V2__idx.sql");
    assertThat(db.tableExists("a")).isFalse();
  }
}
