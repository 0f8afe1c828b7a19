package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.cli.CliBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof items 1 and 2 of issue 5: the real Flyway 13 migrates a set (versioned, repeatable, a
 * baseline, a failed-then-repaired migration), Godwit adopts its table and shows the same info and
 * validates it; then Godwit migrates and repairs, and Flyway validates and agrees.
 */
class FlywayThenGodwitIT {
  @TempDir Path dir;

  private Path sql;
  private Tools tools;
  private Db db;

  private void write(String name, String text) throws IOException {
    Files.writeString(sql.resolve(name), text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
  void godwitAndFlywayTakeTurnsOnOneHistory(String kind) throws Exception {
    db = Db.create(kind, dir);
    sql = Files.createDirectories(dir.resolve("sql"));
    tools = new Tools(db, sql, Map.of("greeting", "hello"));
    // An existing schema that Flyway baselines at version 1.
    db.execute("CREATE TABLE legacy (id INT)");
    write("V0_9__older.sql", "CREATE TABLE older (id INT);\n");
    write("V1__legacy.sql", "CREATE TABLE legacy (id INT);\n");
    write(
        "V1_1__create_person.sql",
        "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n");
    write("V2__add_email.sql", "ALTER TABLE person ADD email VARCHAR(200);\n");
    write(
        "R__person_view.sql",
        "DROP VIEW IF EXISTS person_view;\n"
            + "CREATE VIEW person_view AS SELECT id, name FROM person WHERE name <> '${greeting}';\n");
    // Runs outside a transaction, so its failure leaves a failed row on every database.
    write(
        "V3__seed.sql",
        "INSERT INTO person (id, name) VALUES (1, 'a');\nINSERT INTO no_such_table VALUES (1);\n");
    write("V3__seed.sql.conf", "executeInTransaction=false\n");

    assertThatThrownBy(() -> tools.flywayConfig().baselineOnMigrate(true).load().migrate())
        .isInstanceOf(FlywayException.class);
    List<InfoRow> failed = tools.assertSameInfo();
    assertThat(InfoRow.states(failed))
        .contains("1=BASELINE", "0.9=BELOW_BASELINE", "1.1=SUCCESS", "person view=PENDING");
    assertThat(tools.godwitValid()).isEqualTo(tools.flywayValid()).isFalse();

    // Repaired by Flyway, fixed, migrated by Flyway: Godwit agrees and validates.
    tools.flyway().repair();
    write(
        "V3__seed.sql",
        "DELETE FROM person WHERE id = 1;\nINSERT INTO person (id, name) VALUES (1, 'a');\n");
    tools.flyway().migrate();
    List<InfoRow> repaired = tools.assertSameInfo();
    assertThat(InfoRow.states(repaired)).contains("3=SUCCESS", "1=BASELINE_IGNORED");
    assertThat(tools.godwitValid()).isTrue();
    assertThat(tools.flywayValid()).isTrue();
    List<Map<String, Object>> flywayRows = historyRows();

    // A changed repeatable: Outdated and Pending in both.
    write(
        "R__person_view.sql",
        "DROP VIEW IF EXISTS person_view;\n"
            + "CREATE VIEW person_view AS SELECT id, name, email FROM person"
            + " WHERE name <> '${greeting}';\n");
    assertThat(InfoRow.states(tools.assertSameInfo()))
        .contains("person view=OUTDATED", "person view=PENDING");

    // Godwit migrates: Flyway validates and agrees.
    write("V4__index_name.sql", "CREATE INDEX person_name ON person (name);\n");
    CliBridge.Run migrate = tools.godwit("migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(InfoRow.states(tools.assertSameInfo()))
        .contains("person view=SUPERSEDED", "person view=SUCCESS", "4=SUCCESS");
    assertThat(tools.flywayValid()).isTrue();
    List<Map<String, Object>> all = historyRows();
    List<Map<String, Object>> godwitRows = all.subList(flywayRows.size(), all.size());
    assertThat(godwitRows).hasSize(2);
    for (Map<String, Object> row : godwitRows) {
      assertThat(row.get("installed_by")).isEqualTo(flywayRows.get(1).get("installed_by"));
      assertThat(row.get("type")).isEqualTo("SQL");
      assertThat(row.get("success")).isEqualTo(true);
    }
    assertThat(all).extracting(r -> r.get("installed_rank")).doesNotHaveDuplicates();
    assertThat(godwitRows.get(0).get("installed_rank"))
        .isEqualTo(((Integer) flywayRows.get(flywayRows.size() - 1).get("installed_rank")) + 1);

    // A late version below the latest: Ignored in both; Godwit runs it out of order.
    write("V2_5__late.sql", "CREATE TABLE late (id INT);\n");
    assertThat(InfoRow.states(tools.assertSameInfo())).contains("2.5=IGNORED");
    assertThat(tools.godwitValid()).isEqualTo(tools.flywayValid()).isFalse();
    CliBridge.Run late = tools.godwit("--out-of-order", "migrate");
    assertThat(late.exit()).as(late.err()).isZero();
    assertThat(InfoRow.states(tools.assertSameInfo())).contains("2.5=OUT_OF_ORDER");
    assertThat(tools.flywayValid()).isTrue();

    // A removed file: Missing in both; Godwit's repair marks it deleted as Flyway's would.
    Files.move(sql.resolve("V2__add_email.sql"), dir.resolve("V2__add_email.sql"));
    assertThat(InfoRow.states(tools.assertSameInfo())).contains("2=MISSING");
    assertThat(tools.godwitValid()).isEqualTo(tools.flywayValid()).isFalse();
    CliBridge.Run repair = tools.godwit("repair");
    assertThat(repair.exit()).as(repair.err()).isZero();
    assertThat(InfoRow.states(tools.assertSameInfo())).contains("2=DELETED");
    assertThat(tools.flywayValid()).isTrue();
    assertThat(tools.godwitValid()).isTrue();
    Set<String> types = new TreeSet<>();
    historyRows().forEach(r -> types.add((String) r.get("type")));
    assertThat(types).containsExactly("BASELINE", "DELETE", "SQL");
  }

  private List<Map<String, Object>> historyRows() throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    String q = db.kind().equals("mariadb") ? "`" : "\"";
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT * FROM "
                    + q
                    + "flyway_schema_history"
                    + q
                    + " WHERE "
                    + q
                    + "installed_rank"
                    + q
                    + " >= 0 ORDER BY "
                    + q
                    + "installed_rank"
                    + q)) {
      while (rs.next()) {
        rows.add(
            Map.of(
                "installed_rank", rs.getInt("installed_rank"),
                "type", rs.getString("type"),
                "installed_by", rs.getString("installed_by"),
                "success", rs.getBoolean("success")));
      }
    }
    return rows;
  }
}
