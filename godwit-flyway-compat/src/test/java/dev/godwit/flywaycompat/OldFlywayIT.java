package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.cli.CliBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof item 3 of issue 5: a history table created by an older Flyway (9.22) is adopted as it is;
 * after Godwit migrates, the old Flyway still validates and shows the same info.
 */
class OldFlywayIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "sqlite", "postgresql"})
  void historyOfAnOlderFlywayIsAdopted(String kind) throws Exception {
    Db db = Db.create(kind, dir);
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Map<String, String> placeholders = Map.of("owner", "app");
    Files.writeString(sql.resolve("V1__create_item.sql"), "CREATE TABLE item (id INT);\n");
    Files.writeString(sql.resolve("V1_1__fill_item.sql"), "INSERT INTO item VALUES (1);\r\n");
    Files.writeString(
        sql.resolve("R__item_view.sql"),
        "DROP VIEW IF EXISTS item_view;\nCREATE VIEW item_view AS SELECT id, '${owner}' AS o"
            + " FROM item;\n");
    OldFlyway old = OldFlyway.load();
    Object flyway = old.flyway(db, sql, placeholders);
    OldFlyway.migrate(flyway);

    Tools tools = new Tools(db, sql, placeholders);
    List<InfoRow> oldInfo = OldFlyway.info(flyway);
    assertThat(tools.godwitInfo()).isEqualTo(oldInfo);
    assertThat(tools.flywayInfo()).isEqualTo(oldInfo);
    assertThat(tools.godwitValid()).isTrue();
    System.out.println(
        kind + ": Flyway " + old.version() + "'s history, same info: " + InfoRow.states(oldInfo));

    Files.writeString(sql.resolve("V2__more.sql"), "CREATE TABLE more_items (id INT);\n");
    CliBridge.Run migrate = tools.godwit("migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(OldFlyway.validate(flyway)).isTrue();
    List<InfoRow> after = OldFlyway.info(flyway);
    assertThat(tools.godwitInfo()).isEqualTo(after);
    assertThat(InfoRow.states(after)).contains("2=SUCCESS", "item view=SUCCESS");
  }
}
