package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitException;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.PlanResult;
import dev.godwit.api.ValidationIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deploy phases: {@code migrate --phase pre} leaves post-phase migrations pending, later pre-phase
 * versions go ahead of them, {@code --phase post} applies them; the history stays Flyway's.
 */
class DeployPhasesIT {
  @TempDir Path dir;

  static List<TestDatabase.Factory> databases() {
    return TestDatabase.factories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  /** V1 pre, V2 post (directive), V3 pre, V4 post (.sql.conf). */
  private Godwit release(TestDatabase db) throws IOException {
    write("V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50));\n");
    write(
        "V2__drop_name.sql",
        "-- the old code reads name: this runs after the new code is out\n"
            + "-- godwit:phase post\n\n"
            + "ALTER TABLE users DROP COLUMN name;\n");
    write("V3__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY);\n");
    write("V4__drop_orders.sql", "DROP TABLE orders;\n");
    write("V4__drop_orders.sql.conf", "phase=post\n");
    return db.configure(dir).load();
  }

  private static MigrationInfo version(InfoResult info, String v) {
    return info.migrations().stream().filter(m -> v.equals(m.version())).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void preRunsPastPendingPostMigrationsAndPostRunsThem(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    Godwit godwit = release(db);

    PlanResult prePlan = godwit.plan(DeployPhase.PRE);
    assertThat(prePlan.command()).isEqualTo("migrate --phase pre");
    assertThat(prePlan.migrations())
        .extracting(PlanResult.Planned::version)
        .containsExactly("1", "3");

    MigrateResult pre = godwit.migrate(DeployPhase.PRE);
    assertThat(pre.applied()).extracting(a -> a.version()).containsExactly("1", "3");
    assertThat(db.tableExists("orders")).isTrue();

    InfoResult info = godwit.info();
    assertThat(version(info, "2").state()).isEqualTo(MigrationState.PENDING);
    assertThat(version(info, "2").phase()).isEqualTo(DeployPhase.POST);
    assertThat(version(info, "2").waitsForPostDeploy()).isTrue();
    assertThat(version(info, "4").waitsForPostDeploy()).isTrue();
    assertThat(version(info, "3").phase()).isEqualTo(DeployPhase.PRE);
    assertThat(version(info, "3").waitsForPostDeploy()).isFalse();
    // Waiting post-phase migrations are the deploy going to plan, not a validation problem.
    assertThat(godwit.validate().issues()).isEmpty();
    // A second pre run has nothing to do.
    assertThat(godwit.migrate(DeployPhase.PRE).applied()).isEmpty();

    assertThat(godwit.plan(DeployPhase.POST).migrations())
        .extracting(PlanResult.Planned::version, PlanResult.Planned::phase)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2", DeployPhase.POST),
            org.assertj.core.groups.Tuple.tuple("4", DeployPhase.POST));
    MigrateResult post = godwit.migrate(DeployPhase.POST);
    assertThat(post.applied()).extracting(a -> a.version()).containsExactly("2", "4");
    assertThat(db.tableExists("orders")).isFalse();

    // Ordinary Flyway rows: type SQL, one per migration in the order they ran.
    InfoResult after = godwit.info();
    assertThat(after.migrations())
        .extracting(MigrationInfo::version, MigrationInfo::installedRank, MigrationInfo::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", 1, dev.godwit.api.MigrationType.SQL),
            org.assertj.core.groups.Tuple.tuple("3", 2, dev.godwit.api.MigrationType.SQL),
            org.assertj.core.groups.Tuple.tuple("2", 3, dev.godwit.api.MigrationType.SQL),
            org.assertj.core.groups.Tuple.tuple("4", 4, dev.godwit.api.MigrationType.SQL));
    assertThat(version(after, "2").state()).isEqualTo(MigrationState.OUT_OF_ORDER);
    assertThat(after.migrations()).noneMatch(MigrationInfo::waitsForPostDeploy);
    assertThat(godwit.validate().valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void migrateWithoutAPhaseAppliesEverythingInVersionOrder(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    MigrateResult all = release(db).migrate();
    assertThat(all.applied()).extracting(a -> a.version()).containsExactly("1", "2", "3", "4");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aPendingPreMigrationBelowAppliedOnesIsStillAnError(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    Godwit godwit = release(db);
    godwit.migrate(DeployPhase.PRE);
    write("V2_5__late.sql", "CREATE TABLE late (id INT);\n");
    assertThat(godwit.validate().issues())
        .extracting(ValidationIssue::kind)
        .containsExactly(ValidationIssue.Kind.IGNORED);
    assertThat(version(godwit.info(), "2.5").state()).isEqualTo(MigrationState.IGNORED);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBadPhaseNamesTheFileAndLine(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    write("V1__a.sql", "-- header\n-- godwit:phase later\nCREATE TABLE a (id INT);\n");
    assertThatThrownBy(() -> db.configure(dir).load().info())
        .isInstanceOfSatisfying(
            GodwitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
        .hasMessageContaining("V1__a.sql:2")
        .hasMessageContaining("pre or post, not 'later'");
    Files.delete(dir.resolve("V1__a.sql"));
    write("V1__a.sql", "CREATE TABLE a (id INT);\n");
    write("V1__a.sql.conf", "phase=afterwards\n");
    assertThatThrownBy(() -> db.configure(dir).load().info())
        .hasMessageContaining("V1__a.sql.conf:1")
        .hasMessageContaining("pre or post");
  }
}
