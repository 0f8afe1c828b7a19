package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof item 4 of issue 5, end to end: Flyway 13 migrates the checksum vectors of
 * ../shared/compat/flyway-checksums; Godwit validates that history and shows every checksum of
 * expected.tsv.
 */
class ChecksumVectorsIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"postgresql", "h2"})
  void flywaysHistoryOfTheVectorsValidatesInGodwit(String kind) throws Exception {
    Path vectors = sharedVectors();
    Map<String, Integer> expected = new HashMap<>();
    for (String line : Files.readAllLines(vectors.resolve("expected.tsv"))) {
      String[] cols = line.split("\t");
      if (cols.length == 2 && !cols[0].equals("filename")) {
        expected.put(cols[0], Integer.valueOf(cols[1].trim()));
      }
    }
    Db db = Db.create(kind, dir);
    Tools tools = new Tools(db, vectors, Map.of("greeting", "hello"));
    tools.flyway().migrate();

    assertThat(tools.godwitValid()).isTrue();
    List<InfoRow> godwit = tools.godwitInfo();
    assertThat(godwit).isEqualTo(tools.flywayInfo());
    Map<String, Integer> shown = new HashMap<>();
    for (com.fasterxml.jackson.databind.JsonNode m :
        Tools.json(tools.godwit("info", "--json").out()).get("migrations")) {
      shown.put(m.get("script").asText(), m.get("checksum").asInt());
    }
    assertThat(shown).containsAllEntriesOf(expected);
    assertThat(godwit).allMatch(r -> r.state().equals("SUCCESS"));
    System.out.println(
        kind + ": " + expected.size() + " checksum vectors applied by Flyway validate in Godwit");
  }

  /** The vectors; skipped with a printed reason without ../shared, except in CI. */
  private static Path sharedVectors() {
    Path d = Paths.get("").toAbsolutePath();
    while (d != null) {
      Path candidate = d.resolveSibling("shared").resolve("compat/flyway-checksums");
      if (Files.isDirectory(d.resolve("godwit-core")) && Files.isDirectory(candidate)) {
        return candidate;
      }
      d = d.getParent();
    }
    String reason = "no ../shared/compat/flyway-checksums beside this checkout";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI must not skip: " + reason);
    }
    System.out.println("SKIPPED: " + reason);
    assumeTrue(false, reason);
    return null;
  }
}
