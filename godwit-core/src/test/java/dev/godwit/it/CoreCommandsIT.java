package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitException;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.PlanResult;
import dev.godwit.api.RepairResult;
import dev.godwit.api.UndoResult;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationException;
import dev.godwit.api.ValidationIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command of the core against H2, SQLite and PostgreSQL 18 and 13. */
class CoreCommandsIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> databases() {
    return TestDatabase.factories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  private void threeMigrations() throws IOException {
    write(
        "V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n");
    write(
        "V1_1__add_email.sql",
        "-- email is optional\nALTER TABLE person ADD COLUMN email VARCHAR(200);\n");
    write(
        "V2__seed.sql",
        "INSERT INTO person (id, name) VALUES (1, 'Ada');\n"
            + "INSERT INTO person (id, name) VALUES (2, 'Alan');\n");
    write("R__person_view.sql", "CREATE VIEW person_names AS SELECT name FROM person;\n");
  }

  private static List<MigrationState> states(InfoResult info) {
    return info.migrations().stream().map(MigrationInfo::state).toList();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void migratesInOrderOnceAndRecordsFlywayCompatibleRows(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();

    MigrateResult first = godwit.migrate();
    assertThat(first.applied())
        .extracting(a -> a.script())
        .containsExactly(
            "V1__create_person.sql", "V1_1__add_email.sql", "V2__seed.sql", "R__person_view.sql");
    assertThat(first.targetVersion()).isEqualTo("2");
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("2");

    MigrateResult second = godwit.migrate();
    assertThat(second.applied()).isEmpty();

    InfoResult info = godwit.info();
    assertThat(info.currentVersion()).isEqualTo("2");
    assertThat(states(info)).containsOnly(MigrationState.SUCCESS);
    MigrationInfo v11 = info.migrations().get(1);
    assertThat(v11.version()).isEqualTo("1.1");
    assertThat(v11.description()).isEqualTo("add email");
    assertThat(v11.installedRank()).isEqualTo(2);
    assertThat(
            db.query(
                "SELECT COUNT(*) FROM "
                    + db.history()
                    + " WHERE "
                    + db.q("type")
                    + " <> 'TABLE' AND "
                    + db.q("success")
                    + " = "
                    + db.bool(true)))
        .isEqualTo("4");
    assertThat(
            db.query(
                "SELECT "
                    + db.q("script")
                    + " FROM "
                    + db.history()
                    + " WHERE "
                    + db.q("type")
                    + " = 'SQL' AND "
                    + db.q("installed_rank")
                    + " = 4"))
        .isEqualTo("R__person_view.sql");
    ValidateResult v = godwit.validate();
    assertThat(v.issues()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailingStatementNamesFileAndLineAndLeavesNothingHalfDone(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "CREATE TABLE a (id INT);\n");
    write("V2__b.sql", "CREATE TABLE b (id INT);\n");
    write("V3__c.sql", "CREATE TABLE c (id INT);\n");
    write("V4__d.sql", "CREATE TABLE d (id INT);\n");
    write(
        "V5__broken.sql",
        "CREATE TABLE e (id INT);\nINSERT INTO e VALUES (1);\n\nINSERT INTO no_such_table VALUES (1);\n");
    Godwit godwit = db.configure(dir).load();

    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.getMessage()).contains("V5__broken.sql").contains("line 4");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.statement()).contains("no_such_table");
              if (db.kind() == TestDatabase.Kind.POSTGRES) {
                assertThat(e.getMessage())
                    .contains("V5__broken.sql:4:13 (where the database points)");
              }
            });
    InfoResult info = godwit.info();
    assertThat(info.currentVersion()).isEqualTo(db.ddlCommitsItself() ? "5" : "4");
    assertThat(db.tableExists("d")).isTrue();
    if (db.ddlCommitsItself()) {
      // DDL commits by itself here: the table stays and a failed row blocks migrate until repair.
      assertThat(info.migrations().get(4).statementsApplied()).isEqualTo(2);
      assertThat(info.migrations().get(4).statementsTotal()).isEqualTo(3);
      assertThat(info.migrations().get(4).state()).isEqualTo(MigrationState.FAILED);
      assertThatThrownBy(godwit::migrate).hasMessageContaining("failed migration");
      RepairResult repair = godwit.repair();
      assertThat(repair.changes())
          .extracting(RepairResult.Change::action)
          .containsExactly(RepairResult.Action.REMOVED_FAILED_ROW);
      db.execute("DROP TABLE e");
    } else {
      assertThat(db.tableExists("e")).isFalse();
      assertThat(db.query("SELECT COUNT(*) FROM " + db.history())).isEqualTo("4");
      assertThat(info.migrations().get(4).state()).isEqualTo(MigrationState.PENDING);
    }
    write("V5__broken.sql", "CREATE TABLE e (id INT);\nINSERT INTO e VALUES (1);\n");
    assertThat(godwit.migrate().applied()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anEditedMigrationFailsValidationWithBothChecksums(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    write("V2__seed.sql", "INSERT INTO person (id, name) VALUES (1, 'Grace');\n");
    ValidateResult v = godwit.validate();
    assertThat(v.issues()).hasSize(1);
    ValidationIssue issue = v.issues().get(0);
    assertThat(issue.kind()).isEqualTo(ValidationIssue.Kind.CHECKSUM_MISMATCH);
    assertThat(issue.appliedChecksum()).isNotEqualTo(issue.resolvedChecksum()).isNotNull();
    assertThat(issue.message())
        .contains("V2__seed.sql")
        .contains(String.valueOf(issue.appliedChecksum()))
        .contains(String.valueOf(issue.resolvedChecksum()));
    assertThatThrownBy(godwit::migrate).isInstanceOf(ValidationException.class);
    RepairResult r = godwit.repair();
    assertThat(r.changes())
        .extracting(RepairResult.Change::action)
        .containsExactly(RepairResult.Action.ALIGNED_CHECKSUM);
    assertThat(godwit.validate().valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aHistoryRowEditedByHandIsReported(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    db.execute(
        "UPDATE "
            + db.history()
            + " SET "
            + db.q("checksum")
            + " = 42, "
            + db.q("description")
            + " = 'x' WHERE "
            + db.q("version")
            + " = '1'");
    ValidateResult v = godwit.validate();
    assertThat(v.issues())
        .extracting(ValidationIssue::kind)
        .containsExactly(ValidationIssue.Kind.CHECKSUM_MISMATCH);
    assertThat(v.issues().get(0).appliedChecksum()).isEqualTo(42);
    db.execute(
        "UPDATE "
            + db.history()
            + " SET "
            + db.q("checksum")
            + " = NULL WHERE "
            + db.q("version")
            + " = '1'");
    // A versioned SQL row without a checksum is reported, not passed over.
    assertThat(godwit.validate().issues())
        .extracting(ValidationIssue::kind)
        .containsExactly(
            ValidationIssue.Kind.CORRUPT_ROW, ValidationIssue.Kind.DESCRIPTION_MISMATCH);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void undoRunsUScriptsNewestFirstAndMigrateReappliesThem(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    write("U2__seed.sql", "DELETE FROM person;\n");
    write(
        "U1_1__add_email.sql",
        db.kind() == TestDatabase.Kind.SQLITE
            ? "ALTER TABLE person DROP COLUMN email;\n"
            : "ALTER TABLE person DROP COLUMN email;\n");
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    assertThat(godwit.info().migrations().get(2).undoable()).isTrue();

    PlanResult plan = godwit.planUndo(2, null);
    assertThat(plan.migrations())
        .extracting(PlanResult.Planned::script)
        .containsExactly("U2__seed.sql", "U1_1__add_email.sql");
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("2");

    UndoResult undo = godwit.undo(2, null, false);
    assertThat(undo.undone()).extracting(a -> a.version()).containsExactly("2", "1.1");
    assertThat(undo.currentVersion()).isEqualTo("1");
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("0");
    InfoResult info = godwit.info();
    assertThat(info.migrations()).filteredOn(m -> m.state() == MigrationState.UNDONE).hasSize(2);
    assertThat(info.inState(MigrationState.PENDING))
        .extracting(MigrationInfo::version)
        .containsExactly("1.1", "2");

    MigrateResult again = godwit.migrate();
    assertThat(again.applied()).extracting(a -> a.version()).containsExactly("1.1", "2");
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("2");
    assertThat(godwit.validate().valid()).isTrue();
  }

  private void insertRow(TestDatabase db, int rank, String version, String type, Integer checksum)
      throws Exception {
    db.execute(
        "INSERT INTO "
            + db.history()
            + " ("
            + String.join(
                ", ",
                List.of(
                        "installed_rank",
                        "version",
                        "description",
                        "type",
                        "script",
                        "checksum",
                        "installed_by",
                        "execution_time",
                        "success")
                    .stream()
                    .map(db::q)
                    .toList())
            + ") VALUES ("
            + rank
            + ", '"
            + version
            + "', 'by hand', '"
            + type
            + "', 'by_hand.sql', "
            + checksum
            + ", 'me', 0, "
            + db.bool(true)
            + ")");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void corruptHistoryRowsAreValidationProblemsAndRepairRemovesThem(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    insertRow(db, 100, "x;drop", "SQL", 1);
    insertRow(db, 101, "3", "NO_SUCH_TYPE", 1);

    // Every command but validate and repair stops with the rows named; none crashes.
    for (Runnable command : List.<Runnable>of(godwit::info, godwit::migrate, godwit::plan)) {
      assertThatThrownBy(command::run)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.issues())
                      .extracting(ValidationIssue::kind)
                      .containsOnly(ValidationIssue.Kind.CORRUPT_ROW))
          .hasMessageContaining("installed_rank 100")
          .hasMessageContaining("'x;drop'")
          .hasMessageContaining("installed_rank 101")
          .hasMessageContaining("NO_SUCH_TYPE");
    }
    ValidateResult v = godwit.validate();
    assertThat(v.valid()).isFalse();
    assertThat(v.issues())
        .extracting(ValidationIssue::kind)
        .containsOnly(ValidationIssue.Kind.CORRUPT_ROW)
        .hasSize(2);
    assertThat(v.issues().get(0).message()).contains("installed_rank 100").contains("repair");

    RepairResult r = godwit.repair();
    assertThat(r.changes())
        .extracting(RepairResult.Change::action)
        .containsExactly(
            RepairResult.Action.REMOVED_CORRUPT_ROW, RepairResult.Action.REMOVED_CORRUPT_ROW);
    assertThat(godwit.validate().valid()).isTrue();
    assertThat(godwit.info().currentVersion()).isEqualTo("2");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aVersionRecordedTwiceIsReported(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    insertRow(db, 100, "1.1", "SQL", 7);
    ValidateResult v = godwit.validate();
    assertThat(v.issues())
        .filteredOn(i -> i.kind() == ValidationIssue.Kind.CORRUPT_ROW)
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.message())
                    .contains("Version 1.1 is recorded as applied twice")
                    .contains("100"));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aHistoryTableWithoutAColumnIsAConfigurationProblemNamingIt(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    db.execute("ALTER TABLE " + db.history() + " DROP COLUMN " + db.q("execution_time"));
    assertThatThrownBy(godwit::info)
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("column 'execution_time' is missing")
        .hasMessageContaining("'table' setting");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void undoInSeveralCallsInterleavedWithMigrateFollowsFlywaysHistory(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    write("U2__seed.sql", "DELETE FROM person;\n");
    write("U1_1__add_email.sql", "ALTER TABLE person DROP COLUMN email;\n");
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();

    // One version per call: the UNDO_SQL row of 2 is not an applied migration to undo next.
    assertThat(godwit.undo(1, null, false).undone())
        .extracting(a -> a.version())
        .containsExactly("2");
    UndoResult second = godwit.undo(1, null, false);
    assertThat(second.undone()).extracting(a -> a.version()).containsExactly("1.1");
    assertThat(second.currentVersion()).isEqualTo("1");
    // 1 has no U script: a third undo refuses, naming 1, not a version already undone.
    assertThatThrownBy(() -> godwit.undo(1, null, false))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("version 1 (V1__create_person.sql)")
        .hasMessageNotContaining("version 2");

    // Re-applied versions can be undone again, as often as they are re-applied.
    for (int round = 0; round < 2; round++) {
      assertThat(godwit.migrate().applied())
          .extracting(a -> a.version())
          .containsExactly("1.1", "2");
      assertThat(godwit.undo(1, null, false).undone())
          .extracting(a -> a.version())
          .containsExactly("2");
      assertThat(godwit.migrate().applied()).extracting(a -> a.version()).containsExactly("2");
      UndoResult both = godwit.undo(2, null, false);
      assertThat(both.undone()).extracting(a -> a.version()).containsExactly("2", "1.1");
      assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("0");
    }
    InfoResult info = godwit.info();
    assertThat(info.currentVersion()).isEqualTo("1");
    assertThat(info.inState(MigrationState.PENDING))
        .extracting(MigrationInfo::version)
        .containsExactly("1.1", "2");
    assertThat(godwit.migrate().applied()).hasSize(2);
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("2");
    assertThat(godwit.validate().valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void undoWithoutAnUScriptStopsBeforeRunningAnything(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    write("U2__seed.sql", "DELETE FROM person;\n");
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    assertThatThrownBy(() -> godwit.undo(2, null, false))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("nothing was run")
        .hasMessageContaining("version 1.1");
    assertThat(db.query("SELECT COUNT(*) FROM person")).isEqualTo("2");
    Godwit prod = db.configure(dir).set(ConfigKey.PRODUCTION, true).load();
    assertThatThrownBy(prod::undo)
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED));
    assertThat(prod.undo(1, null, true).undone()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void cleanIsRefusedUnlessEnabledAndNeverInProduction(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    assertThatThrownBy(godwit::clean).hasMessageContaining("cleanEnabled");
    Godwit prod =
        db.configure(dir).set(ConfigKey.CLEAN_ENABLED, true).set(ConfigKey.PRODUCTION, true).load();
    assertThatThrownBy(prod::clean).hasMessageContaining("production");
    assertThat(db.tableExists("person")).isTrue();
    Godwit enabled = db.configure(dir).set(ConfigKey.CLEAN_ENABLED, true).load();
    assertThat(enabled.clean().droppedObjects()).isGreaterThanOrEqualTo(3);
    assertThat(db.tableExists("person")).isFalse();
    assertThat(enabled.migrate().applied()).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aNonEmptySchemaWithoutHistoryNeedsBaseline(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    db.execute("CREATE TABLE legacy (id INT)");
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    assertThatThrownBy(godwit::migrate)
        .hasMessageContaining("non-empty")
        .hasMessageContaining("baseline");
    assertThat(db.tableExists("godwit_schema_history")).isFalse();
    assertThat(godwit.baseline().created()).isTrue();
    assertThat(godwit.baseline().created()).isFalse();
    InfoResult info = godwit.info();
    assertThat(states(info))
        .containsExactly(
            MigrationState.BASELINE,
            MigrationState.BASELINE_IGNORED,
            MigrationState.PENDING,
            MigrationState.PENDING,
            MigrationState.PENDING);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void baselineOnMigrateAdoptsAnExistingSchema(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    db.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100))");
    threeMigrations();
    Godwit godwit = db.configure(dir).set(ConfigKey.BASELINE_ON_MIGRATE, true).load();
    MigrateResult r = godwit.migrate();
    assertThat(r.applied())
        .extracting(a -> a.script())
        .containsExactly("V1_1__add_email.sql", "V2__seed.sql", "R__person_view.sql");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aLateLowerVersionIsIgnoredUnlessOutOfOrder(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    db.configure(dir).load().migrate();
    write("V1_5__late.sql", "CREATE TABLE late (id INT);\n");
    Godwit strict = db.configure(dir).load();
    assertThatThrownBy(strict::migrate)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.issues())
                    .extracting(ValidationIssue::kind)
                    .containsExactly(ValidationIssue.Kind.IGNORED));
    Godwit lenient = db.configure(dir).set(ConfigKey.OUT_OF_ORDER, true).load();
    assertThat(lenient.migrate().applied()).extracting(a -> a.version()).containsExactly("1.5");
    assertThat(lenient.info().migrations())
        .filteredOn(m -> "1.5".equals(m.version()))
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.OUT_OF_ORDER);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void targetStopsAtAVersion(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).target("1.1").load();
    assertThat(godwit.migrate().targetVersion()).isEqualTo("1.1");
    assertThat(godwit.info().inState(MigrationState.ABOVE_TARGET)).hasSize(1);
    assertThatThrownBy(() -> db.configure(dir).target("7").load().migrate())
        .hasMessageContaining("target version 7");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChangedRepeatableRunsAgain(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    String drop = "DROP VIEW IF EXISTS person_names;\n";
    write(
        "R__person_view.sql", drop + "CREATE VIEW person_names AS SELECT id, name FROM person;\n");
    InfoResult info = godwit.info();
    assertThat(info.inState(MigrationState.OUTDATED)).hasSize(1);
    assertThat(info.inState(MigrationState.PENDING)).hasSize(1);
    assertThat(godwit.migrate().applied())
        .extracting(a -> a.script())
        .containsExactly("R__person_view.sql");
    assertThat(godwit.info().inState(MigrationState.SUPERSEDED)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void placeholdersAreReplacedAndAnUndefinedOneNamesFileAndLine(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    write(
        "V1__t.sql",
        "CREATE TABLE t (v VARCHAR(100));\nINSERT INTO t VALUES ('${who}');\n"
            + "INSERT INTO t VALUES ('${godwit:table}');\n");
    db.configure(dir).placeholders(Map.of("who", "world")).load().migrate();
    assertThat(db.query("SELECT v FROM t ORDER BY v")).isEqualTo("godwit_schema_history");
    assertThat(db.query("SELECT COUNT(*) FROM t WHERE v = 'world'")).isEqualTo("1");
    write("V2__u.sql", "\n\nINSERT INTO t VALUES ('${missing}');\n");
    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID);
              assertThat(e.getMessage()).contains("V2__u.sql:3:").contains("missing");
            });
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUnterminatedStringNamesWhereItOpened(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__t.sql", "CREATE TABLE t (v VARCHAR(10));\n  INSERT INTO t VALUES ('oops);\n");
    assertThatThrownBy(() -> db.configure(dir).load().migrate())
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID);
              assertThat(e.getMessage()).contains("V1__t.sql:2:25");
            });
    assertThat(db.tableExists("t")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void duplicateVersionsAreAnErrorNamingBothFiles(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "SELECT 1;\n");
    Files.createDirectories(dir.resolve("sub"));
    write("sub/V1.0__b.sql", "SELECT 1;\n");
    assertThatThrownBy(() -> db.configure(dir).load().info())
        .hasMessageContaining("V1__a.sql")
        .hasMessageContaining("V1.0__b.sql");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void misnamedFilesWarnAndFailWithNamingValidation(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    write("V3_oops.sql", "SELECT 1;\n");
    write("v4__lower.sql", "SELECT 1;\n");
    write("V5__x.SQL.bak", "SELECT 1;\n");
    MigrateResult r = db.configure(dir).load().migrate();
    assertThat(r.warnings()).hasSize(3);
    assertThat(String.join("\n", r.warnings()))
        .contains("V3_oops.sql")
        .contains("v4__lower.sql")
        .contains("V5__x.SQL.bak");
    assertThatThrownBy(
            () -> db.configure(dir).set(ConfigKey.VALIDATE_MIGRATION_NAMING, true).load().info())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NAMING));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void planShowsStatementsWithLinesAndChangesNothing(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    threeMigrations();
    PlanResult plan = db.configure(dir).load().plan();
    assertThat(plan.migrations()).hasSize(4);
    PlanResult.Planned v11 = plan.migrations().get(1);
    // Where DDL commits by itself, a migration with DDL runs statement by statement instead.
    assertThat(v11.transactional()).isEqualTo(!db.ddlCommitsItself());
    assertThat(v11.statements()).extracting(PlanResult.PlannedStatement::line).containsExactly(2);
    assertThat(v11.historyRow()).contains("installed_rank=2").contains("version=1.1");
    assertThat(db.tableExists("godwit_schema_history")).isFalse();
    assertThat(db.tableExists("person")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void sqlCallbacksRunAroundMigrationsAndAreNotRecorded(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("beforeMigrate.sql", "CREATE TABLE IF NOT EXISTS audit (event VARCHAR(50));\n");
    write("afterEachMigrate.sql", "INSERT INTO audit VALUES ('after-each');\n");
    threeMigrations();
    Godwit godwit = db.configure(dir).load();
    godwit.migrate();
    assertThat(db.query("SELECT COUNT(*) FROM audit")).isEqualTo("4");
    assertThat(
            db.query(
                "SELECT COUNT(*) FROM " + db.history() + " WHERE " + db.q("type") + " <> 'TABLE'"))
        .isEqualTo("4");
  }
}
