package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.Godwit;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Classpath locations, script config files, baseline migrations, syntax errors. */
class MoreMigrationKindsIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> databases() {
    return TestDatabase.factories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void classpathLocationsYieldSqlFilesAndJavaClasses(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    Godwit godwit =
        Godwit.configure()
            .url(db.url(), db.user(), db.password())
            .locations("classpath:db/classpath_it")
            .load();
    MigrateResult r = godwit.migrate();
    assertThat(r.applied())
        .extracting(a -> a.type())
        .containsExactly(MigrationType.SQL, MigrationType.JDBC);
    assertThat(r.applied().get(1).script()).isEqualTo("db.classpath_it.V2__Java_from_classpath");
    assertThat(db.query("SELECT id FROM from_classpath")).isEqualTo("7");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aScriptConfigFileTurnsTheTransactionOff(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n");
    write("V2__two.sql", "INSERT INTO t VALUES (1);\nINSERT INTO missing VALUES (1);\n");
    write("V2__two.sql.conf", "executeInTransaction=false\n");
    Godwit godwit = db.configure(dir).load();
    assertThat(godwit.plan().migrations().get(1).transactional()).isFalse();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.alreadyRun())
                  .as(e.getMessage())
                  .containsExactly("V2__two.sql:1 INSERT INTO t VALUES (1)");
              assertThat(e.getMessage()).contains("executeInTransaction=false");
            });
    assertThat(db.query("SELECT COUNT(*) FROM t")).isEqualTo("1");
    assertThat(godwit.info().migrations().get(1).state()).isEqualTo(MigrationState.FAILED);
    write("V2__two.sql.conf", "executeInTransactoin=false\n");
    assertThatThrownBy(godwit::info)
        .hasMessageContaining("V2__two.sql.conf:1")
        .hasMessageContaining("did you mean 'executeInTransaction'");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBaselineMigrationReplacesTheVersionsBelowItOnAnEmptyDatabase(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "CREATE TABLE a (id INT);\n");
    write("V2__b.sql", "CREATE TABLE b (id INT);\n");
    write("B2__snapshot.sql", "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
    write("V3__c.sql", "CREATE TABLE c (id INT);\n");
    Godwit godwit = db.configure(dir).load();
    MigrateResult r = godwit.migrate();
    assertThat(r.applied())
        .extracting(a -> a.script())
        .containsExactly("B2__snapshot.sql", "V3__c.sql");
    List<MigrationInfo> info = godwit.info().migrations();
    assertThat(info)
        .extracting(MigrationInfo::state)
        .containsExactly(
            MigrationState.BASELINE,
            MigrationState.SUCCESS,
            MigrationState.BELOW_BASELINE,
            MigrationState.BASELINE_IGNORED);
    assertThat(godwit.validate().valid()).isTrue();
    assertThat(godwit.migrate().applied()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aSyntaxErrorIsReportedWithTheDatabasesMessage(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (id INT);\n\n  CREATE TABEL u (id INT);\n");
    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage())
                  .contains("V1__t.sql")
                  .contains("line 3, column 3")
                  .contains("TABEL");
            });
  }
}
