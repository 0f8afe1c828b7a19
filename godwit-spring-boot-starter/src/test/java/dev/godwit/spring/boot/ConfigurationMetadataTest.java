package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigurationMetadataTest {

  @Test
  void theBuildPutsMetadataForEverySettingInTheJar() throws IOException {
    String json;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated at process-classes").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(ConfigurationMetadata.json());
    assertThat(json).contains("\"name\": \"spring.godwit.enabled\"");
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(json).contains("\"name\": \"" + SpringSettings.property(key) + "\"");
    }
  }

  @Test
  void typesAndDefaultsAreWhatSpringExpects() {
    String json = ConfigurationMetadata.json();
    assertThat(json)
        .contains(
            "\"name\": \"spring.godwit.locations\",\n"
                + "      \"type\": \"java.util.List<java.lang.String>\"")
        .contains("\"defaultValue\": [\"classpath:db/migration\"]")
        .contains(
            "\"name\": \"spring.godwit.lock-retries\",\n      \"type\": \"java.lang.Integer\"")
        .contains("\"defaultValue\": \"500ms\"");
  }
}
