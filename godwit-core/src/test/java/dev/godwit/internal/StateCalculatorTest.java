package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationTarget;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyway's info states for histories Flyway writes (rules from flyway-compat.md §4.1). */
class StateCalculatorTest {
  private final List<ResolvedMigration> versioned = new ArrayList<>();
  private final List<ResolvedMigration> repeatables = new ArrayList<>();
  private final List<ResolvedMigration> baselines = new ArrayList<>();
  private final List<HistoryRow> rows = new ArrayList<>();

  private void file(String version, int checksum) {
    versioned.add(migration(MigrationNames.Kind.VERSIONED, version, "m" + version, checksum));
  }

  private void baselineFile(String version) {
    baselines.add(migration(MigrationNames.Kind.BASELINE, version, "b" + version, 7));
  }

  private void repeatable(String description, int checksum) {
    repeatables.add(migration(MigrationNames.Kind.REPEATABLE, null, description, checksum));
  }

  private static ResolvedMigration migration(
      MigrationNames.Kind kind, String version, String description, int checksum) {
    MigrationType type =
        kind == MigrationNames.Kind.BASELINE ? MigrationType.SQL_BASELINE : MigrationType.SQL;
    String prefix =
        kind == MigrationNames.Kind.REPEATABLE
            ? "R"
            : kind == MigrationNames.Kind.BASELINE ? "B" : "V";
    return new ResolvedMigration(
        kind,
        version == null ? null : MigrationVersion.parse(version),
        description,
        type,
        prefix + (version == null ? "" : version) + "__" + description + ".sql",
        ResolvedMigration.Sums.of(checksum),
        null,
        ScriptConfig.NONE,
        null,
        ResolvedMigration.Phase.of(dev.godwit.api.DeployPhase.PRE));
  }

  private void row(String version, String description, MigrationType type, Integer checksum) {
    row(version, description, type, checksum, true);
  }

  private void row(
      String version, String description, MigrationType type, Integer checksum, boolean ok) {
    int rank = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).rank() + 1;
    rows.add(
        HistoryRow.toWrite(rank, version, description, type, description, checksum, "me")
            .withOutcome(0, ok));
  }

  private List<String> states() {
    return states("latest", false);
  }

  private List<String> states(String target, boolean outOfOrder) {
    Resolution res =
        new Resolution(versioned, repeatables, Map.of(), baselines, Map.of(), List.of());
    List<String> out = new ArrayList<>();
    for (StateCalculator.Entry e :
        StateCalculator.compute(res, rows, MigrationTarget.parse(target), outOfOrder).entries()) {
      String name =
          e.row() != null
              ? (e.row().version() != null ? e.row().version() : e.row().description())
              : (e.resolved().version() != null
                  ? e.resolved().versionText()
                  : e.resolved().description());
      out.add(name + (e.row() == null ? "" : "@" + e.row().rank()) + "=" + e.state());
    }
    return out;
  }

  @Test
  void deleteRowHidesTheLatestRowOfItsVersionAndIsNotShown() {
    file("1", 1);
    row("1", "m1", MigrationType.SQL, 1);
    row("2", "m2", MigrationType.SQL, 2);
    row("2", "m2", MigrationType.DELETE, 2);
    assertThat(states()).containsExactly("1@1=SUCCESS", "2@2=DELETED");
  }

  @Test
  void aSecondDeleteOfTheSameVersionIsACorruptedHistoryAsInFlyway() {
    file("1", 1);
    row("1", "m1", MigrationType.SQL, 1);
    row("2", "m2", MigrationType.SQL, 2);
    row("2", "m2", MigrationType.DELETE, 2);
    row("2", "m2", MigrationType.DELETE, 2);
    assertThatThrownBy(this::states)
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("version 2 is marked deleted twice");
  }

  @Test
  void deletedVersionReappliedThenDeletedAgainIsFine() {
    file("1", 1);
    row("1", "m1", MigrationType.SQL, 1);
    row("2", "m2", MigrationType.SQL, 2);
    row("2", "m2", MigrationType.DELETE, 2);
    row("2", "m2", MigrationType.SQL, 2);
    row("2", "m2", MigrationType.DELETE, 2);
    assertThat(states()).containsExactly("1@1=SUCCESS", "2@2=DELETED", "2@4=DELETED");
  }

  @Test
  void olderRunOfADeletedRepeatableStaysSuperseded() {
    file("1", 1);
    row("1", "m1", MigrationType.SQL, 1);
    row(null, "view", MigrationType.SQL, 10);
    row(null, "view", MigrationType.SQL, 11);
    row(null, "view", MigrationType.DELETE, 11);
    // Before: the run at rank 2 became "latest" and showed as Missing, failing validate.
    assertThat(states()).containsExactly("1@1=SUCCESS", "view@2=SUPERSEDED", "view@3=DELETED");
  }

  @Test
  void restoredFileOfADeletedRepeatableIsPending() {
    repeatable("view", 11);
    row(null, "view", MigrationType.SQL, 11);
    row(null, "view", MigrationType.DELETE, 11);
    assertThat(states()).containsExactly("view@1=DELETED", "view=PENDING");
  }

  @Test
  void repeatableRunsSupersedeEachOtherAndTheLatestIsOutdatedWhenTheFileChanged() {
    repeatable("view", 12);
    row(null, "view", MigrationType.SQL, 10);
    row(null, "view", MigrationType.SQL, 11);
    assertThat(states()).containsExactly("view@1=SUPERSEDED", "view@2=OUTDATED", "view=PENDING");
  }

  @Test
  void anOlderFailedRunOfARepeatableIsFailedNotSuperseded() {
    repeatable("view", 11);
    row(null, "view", MigrationType.SQL, 10, false);
    row(null, "view", MigrationType.SQL, 11);
    assertThat(states()).containsExactly("view@1=FAILED", "view@2=SUCCESS");
  }

  @Test
  void schemaMarkerIsSuccessAndDoesNotCountAsApplied() {
    file("1", 1);
    rows.add(HistoryRow.schemaMarker("\"app\"", "me"));
    assertThat(states()).containsExactly("<< Flyway Schema Creation >>@0=SUCCESS", "1=PENDING");
  }

  @Test
  void baselineMarkerAfterSchemaMarkerSetsBelowAndIgnoredBaseline() {
    file("1", 1);
    file("2", 2);
    file("3", 3);
    rows.add(HistoryRow.schemaMarker("\"app\"", "me"));
    row("2", "<< Flyway Baseline >>", MigrationType.BASELINE, null);
    assertThat(states())
        .containsExactly(
            "<< Flyway Schema Creation >>@0=SUCCESS",
            "2@1=BASELINE",
            "1=BELOW_BASELINE",
            "2=BASELINE_IGNORED",
            "3=PENDING");
  }

  @Test
  void theHighestBaselineRowDecides() {
    file("1", 1);
    file("4", 4);
    file("6", 6);
    row("5", "<< Flyway Baseline >>", MigrationType.BASELINE, null);
    row("3", "<< Flyway Baseline >>", MigrationType.BASELINE, null);
    assertThat(states())
        .containsExactly(
            "5@1=BASELINE", "3@2=BASELINE", "1=BELOW_BASELINE", "4=BELOW_BASELINE", "6=PENDING");
  }

  @Test
  void missingBelowTheLatestFileAndFutureAtOrAboveIt() {
    file("2", 2);
    row("1", "m1", MigrationType.SQL, 1);
    row("2", "m2", MigrationType.JDBC, null);
    row("3", "m3", MigrationType.SQL, 3);
    // V2 is a SQL file, the row a Java migration: not the same migration, so the row is future
    // (Flyway: version >= the latest resolved one) and the file is ignored.
    assertThat(states()).containsExactly("1@1=MISSING", "2@2=FUTURE", "3@3=FUTURE", "2=IGNORED");
  }

  @Test
  void appliedAtOrBelowAnEarlierVersionIsOutOfOrder() {
    file("1", 1);
    file("2", 2);
    file("3", 3);
    row("1", "m1", MigrationType.SQL, 1);
    row("3", "m3", MigrationType.SQL, 3);
    row("2", "m2", MigrationType.SQL, 2);
    assertThat(states()).containsExactly("1@1=SUCCESS", "3@2=SUCCESS", "2@3=OUT_OF_ORDER");
  }

  @Test
  void failedRowsByWhetherTheirFileExists() {
    file("1", 1);
    file("2", 2);
    row("1", "m1", MigrationType.SQL, 1, false);
    row("2", "m2", MigrationType.SQL, 2, false);
    row("3", "m3", MigrationType.SQL, 3, false);
    assertThat(states()).containsExactly("1@1=FAILED", "2@2=FAILED", "3@3=FUTURE_FAILED");
  }

  @Test
  void baselineMigrationReplacesTheVersionsAtOrBelowItOnAnEmptyHistory() {
    file("1", 1);
    file("3", 3);
    file("4", 4);
    baselineFile("2");
    baselineFile("3");
    assertThat(states())
        .containsExactly(
            "3=PENDING", "2=BELOW_BASELINE", "1=BELOW_BASELINE", "3=BASELINE_IGNORED", "4=PENDING");
  }

  @Test
  void appliedBaselineMigrationKeepsItsFileAndLaterBaselineFilesAreIgnored() {
    file("1", 1);
    file("3", 3);
    baselineFile("2");
    baselineFile("4");
    row("2", "b2", MigrationType.SQL_BASELINE, 7);
    row("3", "m3", MigrationType.SQL, 3);
    assertThat(states())
        .containsExactly("2@1=BASELINE", "3@2=SUCCESS", "4=IGNORED", "1=BELOW_BASELINE");
  }

  @Test
  void anUndoRowUndoesTheLatestRunAndTheVersionIsPendingAgain() {
    file("1", 1);
    file("2", 2);
    row("1", "m1", MigrationType.SQL, 1);
    row("2", "m2", MigrationType.SQL, 2);
    row("2", "m2", MigrationType.UNDO_SQL, 5);
    assertThat(states()).containsExactly("1@1=SUCCESS", "2@2=UNDONE", "2@3=SUCCESS", "2=PENDING");
  }

  @Test
  void aboveTargetAndIgnored() {
    file("1", 1);
    file("2", 2);
    file("3", 3);
    file("4", 4);
    row("1", "m1", MigrationType.SQL, 1);
    row("3", "m3", MigrationType.SQL, 3);
    assertThat(states("3", false))
        .containsExactly("1@1=SUCCESS", "3@2=SUCCESS", "2=IGNORED", "4=ABOVE_TARGET");
    assertThat(states("latest", true))
        .containsExactly("1@1=SUCCESS", "3@2=SUCCESS", "2=PENDING", "4=PENDING");
  }
}
