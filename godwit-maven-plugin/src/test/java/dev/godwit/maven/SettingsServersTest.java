package dev.godwit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class SettingsServersTest {
  @Test
  void theServersCredentialsAreTheUserAndPassword() {
    Settings settings = new Settings();
    Server server = new Server();
    server.setId("db");
    server.setUsername("app");
    server.setPassword("s3cret");
    settings.addServer(server);

    assertThat(SettingsServers.credentials(settings, null, "db"))
        .containsEntry(ConfigKey.USER, "app")
        .containsEntry(ConfigKey.PASSWORD, "s3cret");
    assertThat(SettingsServers.credentials(settings, null, null)).isEmpty();
  }

  @Test
  void aMissingServerIsNamed() {
    assertThatThrownBy(() -> SettingsServers.credentials(new Settings(), null, "nope"))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("serverId 'nope'")
        .hasMessageContaining("settings.xml");
  }
}
