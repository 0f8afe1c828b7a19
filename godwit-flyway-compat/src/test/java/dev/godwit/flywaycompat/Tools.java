package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.cli.CliBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Runs Flyway 13 and Godwit's CLI against the same database and migration folder. */
final class Tools {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Db db;
  private final Map<String, String> placeholders;
  private final List<String> locations;

  Tools(Db db, Path migrations, Map<String, String> placeholders) {
    this(db, migrations, placeholders, List.of());
  }

  /**
   * @param more locations after the folder, such as {@code classpath:db/flyway_java}
   */
  Tools(Db db, Path migrations, Map<String, String> placeholders, List<String> more) {
    this.db = db;
    this.placeholders = placeholders;
    List<String> all = new ArrayList<>();
    all.add("filesystem:" + migrations.toAbsolutePath());
    all.addAll(more);
    this.locations = List.copyOf(all);
  }

  FluentConfiguration flywayConfig() {
    return Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations(locations.toArray(String[]::new))
        .placeholders(placeholders)
        .cleanDisabled(true);
  }

  Flyway flyway() {
    return flywayConfig().load();
  }

  /** Godwit's CLI with the database, the folder and the placeholders; no history table named. */
  CliBridge.Run godwit(String... args) {
    List<String> all = new ArrayList<>(db.godwitOptions());
    all.addAll(List.of("--locations", String.join(",", locations)));
    placeholders.forEach((k, v) -> all.add("--placeholders." + k + "=" + v));
    all.addAll(List.of(args));
    return CliBridge.run(Map.of(), all.toArray(String[]::new));
  }

  List<InfoRow> godwitInfo() {
    CliBridge.Run run = godwit("info", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    return InfoRow.ofGodwit(json(run.out()));
  }

  List<InfoRow> flywayInfo() {
    return InfoRow.ofFlyway(flyway().info().all());
  }

  /** Godwit's info equals Flyway's: versions, descriptions, types, states, checksums, ranks. */
  List<InfoRow> assertSameInfo() {
    List<InfoRow> flyway = flywayInfo();
    List<InfoRow> godwit = godwitInfo();
    assertThat(godwit)
        .as(
            "Godwit's info (states %s) vs Flyway's (states %s)",
            InfoRow.states(godwit), InfoRow.states(flyway))
        .isEqualTo(flyway);
    System.out.println(db.kind() + ": same info: " + InfoRow.states(flyway));
    return flyway;
  }

  boolean godwitValid() {
    CliBridge.Run run = godwit("validate", "--json");
    JsonNode doc = json(run.out());
    assertThat(run.exit()).as(run.err()).isEqualTo(doc.get("valid").asBoolean() ? 0 : 5);
    return doc.get("valid").asBoolean();
  }

  boolean flywayValid() {
    return flyway().validateWithResult().validationSuccessful;
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }
}
