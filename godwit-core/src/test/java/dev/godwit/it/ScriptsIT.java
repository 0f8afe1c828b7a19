package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationScript;
import dev.godwit.api.PlanResult;
import dev.godwit.api.ScriptsRequest;
import dev.godwit.api.ScriptsResult;
import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import dev.godwit.testkit.PostgresServers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Godwit.scripts}: the migrations as the runner will run them, read-only. */
class ScriptsIT {
  @TempDir Path dir;

  private static MigrationScript named(ScriptsResult r, String fileName) {
    return r.scripts().stream()
        .filter(s -> s.name().endsWith(fileName))
        .findFirst()
        .orElseThrow(() -> new AssertionError(fileName + " not listed: " + r.scripts()));
  }

  @Test
  void readsCustomPrefixesAndSeparatorsFromAJarOnTheClasspathWithoutConnecting() throws Exception {
    Path jar = dir.resolve("migrations.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // Directory entries, as a jar built by Maven has them.
      for (String d : List.of("db/", "db/custom/")) {
        out.putNextEntry(new JarEntry(d));
        out.closeEntry();
      }
      Map<String, String> files = new HashMap<>();
      files.put("db/custom/M1--create.sql", "CREATE TABLE t (id int);\n");
      files.put("db/custom/M2--index.sql", "CREATE INDEX CONCURRENTLY t_id ON t (id);\n");
      files.put("db/custom/D2--index.sql", "DROP INDEX t_id;\n");
      files.put("db/custom/R--view.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM t;\n");
      files.put("db/custom/V3__default_names.sql", "SELECT 1;\n");
      for (Map.Entry<String, String> f : files.entrySet()) {
        out.putNextEntry(new JarEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Godwit godwit =
          Godwit.configure()
              .locations("classpath:db/custom")
              .classLoader(loader)
              .set(ConfigKey.SQL_MIGRATION_PREFIX, "M")
              .set(ConfigKey.UNDO_SQL_MIGRATION_PREFIX, "D")
              .set(ConfigKey.SQL_MIGRATION_SEPARATOR, "--")
              .load();
      ScriptsResult r =
          godwit.scripts(ScriptsRequest.locations().withDialect(SqlDialect.POSTGRES).offline());

      assertThat(r.connected()).isFalse();
      assertThat(r.dialect()).isEqualTo(SqlDialect.POSTGRES);
      assertThat(r.tableSizes()).isEmpty();
      assertThat(r.scripts())
          .extracting(MigrationScript::name)
          .containsExactly(
              "classpath:db/custom/M1--create.sql",
              "classpath:db/custom/M2--index.sql",
              "classpath:db/custom/R--view.sql",
              "classpath:db/custom/D2--index.sql");
      assertThat(r.scripts())
          .extracting(MigrationScript::kind)
          .containsExactly(
              MigrationScript.Kind.VERSIONED,
              MigrationScript.Kind.VERSIONED,
              MigrationScript.Kind.REPEATABLE,
              MigrationScript.Kind.UNDO);
      assertThat(r.scripts()).allMatch(MigrationScript::pending);
      assertThat(r.warnings()).anyMatch(w -> w.contains("V3__default_names.sql"));
      MigrationScript index = named(r, "M2--index.sql");
      assertThat(index.version()).hasToString("2");
      assertThat(index.description()).isEqualTo("index");
      assertThat(index.location()).isEqualTo("classpath:db/custom");
      assertThat(index.script()).isEqualTo("M2--index.sql");
      assertThat(index.text()).isEqualTo("CREATE INDEX CONCURRENTLY t_id ON t (id);\n");
      assertThat(index.transactional()).isFalse();
      assertThat(index.reason()).contains("line 1 cannot run in a transaction");
      assertThat(named(r, "M1--create.sql").transactional()).isTrue();
      assertThat(named(r, "M1--create.sql").reason()).isNull();
    }
  }

  @Test
  void theScriptConfigDecidesAsTheRunnerDoes() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    Files.writeString(sql.resolve("V2__wrapped.sql"), "CREATE INDEX CONCURRENTLY a ON t (id);\n");
    Files.writeString(sql.resolve("V2__wrapped.sql.conf"), "executeInTransaction=true\n");
    Files.writeString(sql.resolve("V3__plain.sql"), "CREATE TABLE u (id int);\n");
    Files.writeString(sql.resolve("V3__plain.sql.conf"), "executeInTransaction = false\n");
    Files.writeString(sql.resolve("V4__begin.sql"), "BEGIN;\nCREATE TABLE w (id int);\nCOMMIT;\n");
    Godwit godwit = TestDatabase.h2().configure(sql).load();

    ScriptsResult offline =
        godwit.scripts(ScriptsRequest.locations().withDialect(SqlDialect.POSTGRES).offline());
    assertThat(offline.scripts())
        .extracting(MigrationScript::transactional)
        .containsExactly(true, true, false, false);
    assertThat(named(offline, "V3__plain.sql").reason())
        .isEqualTo("V3__plain.sql.conf sets executeInTransaction=false");
    assertThat(named(offline, "V4__begin.sql").reason()).contains("controls the transaction");

    // The plan is the runner's own decision; the listing must not drift from it.
    PlanResult plan = godwit.plan();
    ScriptsResult connected = godwit.scripts();
    assertThat(connected.dialect()).isEqualTo(SqlDialect.H2);
    assertThat(connected.scripts())
        .extracting(MigrationScript::transactional)
        .containsExactlyElementsOf(
            plan.migrations().stream().map(PlanResult.Planned::transactional).toList());
  }

  @Test
  void explicitFilesComeAfterTheMigrationsBeforeThemAndMissingOnesAreNamed() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
    Files.writeString(sql.resolve("V2__u.sql"), "CREATE TABLE u (id int);\n");
    Files.writeString(sql.resolve("V3__idx.sql"), "CREATE INDEX CONCURRENTLY a ON t (id);\n");
    Files.writeString(sql.resolve("V3__idx.sql.conf"), "executeInTransaction=true\n");
    Path elsewhere = Files.createDirectories(dir.resolve("review"));
    Files.writeString(elsewhere.resolve("down.sql"), "DROP TABLE t;\n");
    Godwit godwit = Godwit.configure().locations("filesystem:" + sql).load();
    ScriptsRequest request =
        ScriptsRequest.files(List.of(sql.resolve("V3__idx.sql"), elsewhere))
            .withDialect(SqlDialect.POSTGRES);

    ScriptsResult r = godwit.scripts(request);

    assertThat(r.scripts())
        .extracting(s -> Path.of(s.name()).getFileName().toString(), MigrationScript::pending)
        .containsExactly(
            tuple("V1__t.sql", false),
            tuple("V2__u.sql", false),
            tuple("V3__idx.sql", true),
            tuple("down.sql", true));
    assertThat(named(r, "V3__idx.sql").transactional()).isTrue();
    assertThat(named(r, "down.sql").kind()).isEqualTo(MigrationScript.Kind.OTHER);
    assertThat(named(r, "down.sql").location()).isNull();

    Path missing = dir.resolve("nope.sql");
    assertThatThrownBy(
            () ->
                godwit.scripts(
                    ScriptsRequest.files(List.of(missing)).withDialect(SqlDialect.POSTGRES)))
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
              assertThat(e.getMessage()).contains("No such file or folder").contains("nope.sql");
            });
  }

  @Test
  void connectedItTellsPendingFromAppliedWithTableSizesAndNeverCreatesTheHistory()
      throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__small.sql"),
        "CREATE TABLE small AS SELECT g AS id FROM generate_series(1, 40) g;\nANALYZE small;\n");
    TestDatabase db = TestDatabase.postgres(PostgresServers.newest());
    Godwit godwit = db.configure(sql).load();

    ScriptsResult before = godwit.scripts();
    assertThat(before.connected()).isTrue();
    assertThat(before.dialect()).isEqualTo(SqlDialect.POSTGRES);
    assertThat(before.serverVersion()).isNotBlank();
    assertThat(before.scripts()).extracting(MigrationScript::pending).containsExactly(true);
    assertThat(db.tableExists("godwit_schema_history")).as("read-only").isFalse();

    godwit.migrate();
    Files.writeString(sql.resolve("V2__more.sql"), "CREATE TABLE more (id int);\n");
    ScriptsResult after = godwit.scripts();
    assertThat(after.scripts()).extracting(MigrationScript::pending).containsExactly(false, true);
    assertThat(after.tableSizes())
        .filteredOn(t -> t.table().equals("small"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.schema()).isEqualTo("public");
              assertThat(t.rows()).isEqualTo(40);
              assertThat(t.bytes()).isPositive();
            });
    assertThat(after.tableSizes()).extracting(TableSize::table).doesNotContain("more");
  }
}
