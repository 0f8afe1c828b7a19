package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.cli.CliBridge;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, gap 2: Flyway's Java migrations and Java callbacks. A project with a SQL migration, a
 * {@code BaseJavaMigration} (V2__Seed), a migration implementing {@code JavaMigration} itself with
 * its own version, checksum and no transaction (AddSecondPerson, 2.1) and a Java repeatable with a
 * checksum (R__Refresh_count) is migrated by the real Flyway 13 and continued by Godwit, and the
 * other way round: both show the same info (types JDBC, checksums, states), both validate, and the
 * same Java callback sees the same migrate events in both.
 */
class FlywayJavaMigrationsIT {
  private static final String JAVA_LOCATION = "classpath:db/flyway_java";
  private static final String CALLBACK = RecordingCallback.class.getName();

  @TempDir Path dir;

  private Tools tools(Db db) throws IOException {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__init.sql"),
        "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n"
            + "CREATE TABLE person_count (n INT);\n");
    return new Tools(db, sql, Map.of("greeting", "hello"), List.of(JAVA_LOCATION));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
  void flywayMigratesGodwitAgrees(String kind) throws Exception {
    Db db = Db.create(kind, dir);
    Tools tools = tools(db);
    RecordingCallback.take();
    tools.flywayConfig().callbacks(new RecordingCallback()).load().migrate();
    List<String> flywayEvents = migrateEvents(RecordingCallback.take());

    List<InfoRow> info = tools.assertSameInfo();
    assertThat(InfoRow.states(info))
        .containsExactly("1=SUCCESS", "2=SUCCESS", "2.1=SUCCESS", "Refresh count=SUCCESS");
    assertThat(tools.godwitValid()).isTrue();
    assertHistory(db);

    // Nothing pending for Godwit: the Java migrations Flyway applied are Godwit's too.
    CliBridge.Run run = tools.godwit("migrate", "--json", "--callbacks", CALLBACK);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Tools.json(run.out()).get("migrationsApplied").asInt()).isZero();
    assertThat(migrateEvents(RecordingCallback.take())).contains("beforeMigrate", "afterMigrate");
    System.out.println(kind + ": Flyway's migrate events: " + flywayEvents);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
  void godwitMigratesFlywayAgrees(String kind) throws Exception {
    // Flyway's events on a database of its own, to compare with Godwit's on this one.
    Db flywayDb = Db.create(kind, Files.createDirectories(dir.resolve("flyway")));
    Tools flywayTools = tools(flywayDb);
    RecordingCallback.take();
    flywayTools.flywayConfig().callbacks(new RecordingCallback()).load().migrate();
    List<String> flywayEvents = migrateEvents(RecordingCallback.take());

    Db db = Db.create(kind, Files.createDirectories(dir.resolve("godwit")));
    Tools tools = tools(db);
    CliBridge.Run run =
        tools.godwit(
            "migrate", "--json", "--callbacks", CALLBACK, "--table", "flyway_schema_history");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Tools.json(run.out()).get("migrationsApplied").asInt()).isEqualTo(4);
    List<String> godwitEvents = migrateEvents(RecordingCallback.take());
    assertThat(godwitEvents).as("Godwit's migrate events vs Flyway's").isEqualTo(flywayEvents);

    List<InfoRow> info = tools.assertSameInfo();
    assertThat(InfoRow.states(info))
        .containsExactly("1=SUCCESS", "2=SUCCESS", "2.1=SUCCESS", "Refresh count=SUCCESS");
    assertThat(tools.flywayValid()).isTrue();
    assertThat(tools.godwitValid()).isTrue();
    assertHistory(db);
    // And Flyway continues: nothing left to run.
    assertThat(tools.flyway().migrate().migrationsExecuted).isZero();
  }

  /** The rows as Flyway writes them, and what the migrations did. */
  private static void assertHistory(Db db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + q(db, "version")
                    + ", "
                    + q(db, "type")
                    + ", "
                    + q(db, "script")
                    + ", "
                    + q(db, "checksum")
                    + " FROM "
                    + q(db, "flyway_schema_history")
                    + " WHERE "
                    + q(db, "type")
                    + " = 'JDBC' ORDER BY "
                    + q(db, "installed_rank"))) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getObject(4));
      }
      try (ResultSet people = st.executeQuery("SELECT name FROM person ORDER BY id")) {
        List<String> names = new ArrayList<>();
        while (people.next()) {
          names.add(people.getString(1));
        }
        assertThat(names).containsExactly("hello", "second");
      }
      try (ResultSet count = st.executeQuery("SELECT n FROM person_count")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getInt(1)).isEqualTo(2);
      }
    }
    assertThat(rows)
        .containsExactly(
            "2 JDBC db.flyway_java.V2__Seed null",
            "2.1 JDBC db.flyway_java.AddSecondPerson 21",
            "null JDBC db.flyway_java.R__Refresh_count 42");
  }

  private static String q(Db db, String name) {
    return db.kind().equals("mariadb") ? "`" + name + "`" : "\"" + name + "\"";
  }

  /**
   * The events of migrate itself. Flyway also fires connection, validate and finish events, and the
   * statement-level events ({@code beforeEachMigrateStatement}, ...), which Godwit does not fire
   * (README, "What differs").
   */
  private static List<String> migrateEvents(List<String> all) {
    return all.stream()
        .filter(
            e ->
                e.contains("Migrate")
                    || e.startsWith("afterVersioned")
                    || e.startsWith("beforeRepeatables"))
        .filter(e -> !e.endsWith("OperationFinish") && !e.contains("Statement"))
        .toList();
  }

  @Test
  void aFlywayMigrationWithoutFlywayOnTheClassPathIsAnErrorNamingIt() throws Exception {
    URL classes = FlywayJavaMigrationsIT.class.getProtectionDomain().getCodeSource().getLocation();
    try (NoFlywayLoader loader = new NoFlywayLoader(classes, getClass().getClassLoader())) {
      GodwitConfig.Builder config =
          GodwitConfig.builder()
              .url("jdbc:h2:mem:nofly" + System.nanoTime())
              .locations(JAVA_LOCATION)
              .classLoader(loader);
      assertThatThrownBy(() -> config.load().info())
          .isInstanceOf(GodwitException.class)
          .hasMessageContaining("db.flyway_java.")
          .hasMessageContaining("flyway-core is not on the class path")
          .extracting(e -> ((GodwitException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
    }
  }

  @Test
  void aCallbackThatIsNoFlywayCallbackIsAnErrorNamingIt() throws Exception {
    Db db = Db.create("h2", dir);
    Tools tools = tools(db);
    CliBridge.Run run = tools.godwit("info", "--callbacks", "java.lang.String");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err())
        .contains("java.lang.String")
        .contains("org.flywaydb.core.api.callback.Callback");
    CliBridge.Run absent = tools.godwit("info", "--callbacks", "com.example.NoSuchCallback");
    assertThat(absent.exit()).isNotZero();
    assertThat(absent.err())
        .contains("com.example.NoSuchCallback")
        .contains("neither a class on the class path nor a package");
  }

  @Test
  void aPackageInCallbacksRunsTheFlywayCallbacksInIt() throws Exception {
    Db db = Db.create("h2", dir);
    Tools tools = tools(db);
    RecordingCallback.take();
    tools.flywayConfig().callbacks("dev/godwit/flywaycompat").load().info();
    List<String> flyway = RecordingCallback.take();
    CliBridge.Run run = tools.godwit("info", "--callbacks", "dev/godwit/flywaycompat");
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> godwit = RecordingCallback.take();
    assertThat(godwit).containsExactly("beforeInfo", "afterInfo");
    assertThat(flyway).contains("beforeInfo", "afterInfo");
  }

  @Test
  void aFlywayScriptMigrationIsAnErrorNamingIt() throws Exception {
    Db db = Db.create("h2", dir);
    Tools tools = tools(db);
    Files.writeString(dir.resolve("sql/V3__export.sh"), "#!/bin/sh\necho hi\n");
    CliBridge.Run run = tools.godwit("info");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("V3__export.sh").contains("script migration");
    // A file that is no migration at all stays ignored, as in Flyway.
    Files.delete(dir.resolve("sql/V3__export.sh"));
    Files.writeString(dir.resolve("sql/notes.sh"), "echo\n");
    CliBridge.Run ok = tools.godwit("info");
    assertThat(ok.exit()).as(ok.err()).isZero();
  }

  /**
   * The test classes without Flyway: the migrations of {@code db.flyway_java} are loaded here, and
   * every {@code org.flywaydb} class is absent.
   */
  private static final class NoFlywayLoader extends URLClassLoader {
    NoFlywayLoader(URL classes, ClassLoader parent) {
      super(new URL[] {classes}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.flywaydb.")) {
        throw new ClassNotFoundException(name);
      }
      if (name.startsWith("db.flyway_java.")) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> c = findLoadedClass(name);
          return c != null ? c : findClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith("db/flyway_java")
          ? findResources(name)
          : Collections.enumeration(Collections.list(super.getResources(name)));
    }
  }
}
