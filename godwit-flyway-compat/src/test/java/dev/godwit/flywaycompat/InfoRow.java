package dev.godwit.flywaycompat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code info} as both tools show it: what the comparison looks at.
 *
 * @param version the version, null for repeatables and markers
 * @param description the description
 * @param type the history type, e.g. SQL, BASELINE
 * @param state Godwit's name of the state (Flyway's MISSING_SUCCESS is MISSING, ...)
 * @param checksum the checksum
 * @param rank the installed rank, null for what is not applied
 */
record InfoRow(
    String version, String description, String type, String state, Integer checksum, Integer rank) {

  private static final Comparator<InfoRow> ORDER =
      Comparator.comparing((InfoRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
          .thenComparing(r -> Objects.toString(r.version(), ""))
          .thenComparing(InfoRow::description)
          .thenComparing(InfoRow::type);

  /**
   * Flyway 13's view, from {@code flyway.info().all()}; DELETE rows are hidden, as Flyway's CLI
   * hides them.
   */
  static List<InfoRow> ofFlyway(org.flywaydb.core.api.MigrationInfo[] all) {
    List<InfoRow> out = new ArrayList<>();
    for (org.flywaydb.core.api.MigrationInfo m : all) {
      if (m.getType().name().equals("DELETE")) {
        continue;
      }
      out.add(
          new InfoRow(
              m.getVersion() == null ? null : m.getVersion().getVersion(),
              m.getDescription(),
              m.getType().name(),
              godwitState(m.getState().name()),
              m.getChecksum(),
              m.getInstalledRank()));
    }
    out.sort(ORDER);
    return out;
  }

  /** Godwit's view, from {@code godwit info --json}. */
  static List<InfoRow> ofGodwit(JsonNode info) {
    List<InfoRow> out = new ArrayList<>();
    for (JsonNode m : info.get("migrations")) {
      out.add(
          new InfoRow(
              text(m.get("version")),
              m.get("description").asText(),
              m.get("type").asText(),
              m.get("state").asText(),
              m.get("checksum").isNull() ? null : m.get("checksum").asInt(),
              m.get("installedRank").isNull() ? null : m.get("installedRank").asInt()));
    }
    out.sort(ORDER);
    return out;
  }

  static List<InfoRow> sorted(List<InfoRow> rows) {
    List<InfoRow> out = new ArrayList<>(rows);
    out.sort(ORDER);
    return out;
  }

  static String godwitState(String flywayState) {
    return switch (flywayState) {
      case "MISSING_SUCCESS" -> "MISSING";
      case "FUTURE_SUCCESS" -> "FUTURE";
      default -> flywayState;
    };
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** The states only, in order, for readable assertion messages. */
  static List<String> states(List<InfoRow> rows) {
    return rows.stream()
        .map(r -> (r.version() != null ? r.version() : r.description()) + "=" + r.state())
        .toList();
  }
}
