package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which of Flyway's files are read, chosen as Flyway chooses them (moved from the CLI's tests). */
class FlywayConfigTest {
  private Path dir;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void directory() throws IOException {
    dir =
        Files.createDirectories(
            Paths.get("target", "flyway-config-test", UUID.randomUUID().toString()));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void discoveryPrefersTomlAndNeverMixesKinds() throws IOException {
    file("flyway.conf", "flyway.url=jdbc:h2:mem:conf\n");
    assertThat(FlywayConfig.discover(env, dir)).containsExactly(dir.resolve("flyway.conf"));
    file("flyway.toml", "[environments.default]\nurl = \"jdbc:h2:mem:toml\"\n");
    assertThat(FlywayConfig.discover(env, dir)).containsExactly(dir.resolve("flyway.toml"));
    env.put("FLYWAY_CONFIG_FILES", "flyway.conf,flyway.toml");
    assertThatThrownBy(() -> FlywayConfig.discover(env, dir))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("either .conf or .toml");
  }
}
