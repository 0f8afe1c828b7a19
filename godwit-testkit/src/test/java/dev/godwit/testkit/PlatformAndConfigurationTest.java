package dev.godwit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformAndConfigurationTest {

  @Test
  void namesPlatformsLikeThePomProfiles() {
    assertThat(Platform.name("Linux", "amd64")).isEqualTo("linux-x86_64");
    assertThat(Platform.name("Linux", "aarch64")).isEqualTo("linux-aarch64");
    assertThat(Platform.name("Mac OS X", "x86_64")).isEqualTo("mac-x86_64");
    assertThat(Platform.name("Mac OS X", "aarch64")).isEqualTo("mac-aarch64");
    assertThat(Platform.name("Windows 11", "amd64")).isEqualTo("windows 11-x86_64");
  }

  @Test
  void bundledReleasesAreTheNewestAndOldestMajors() {
    assertThat(BundledRelease.load(BundledRelease.NEWEST).majorVersion()).isEqualTo(18);
    assertThat(BundledRelease.load(BundledRelease.OLDEST).majorVersion()).isEqualTo(13);
  }

  @Test
  void releaseWithoutBinariesExplainsWhy() {
    BundledRelease missing = new BundledRelease("oldest", "13.23.0", "linux-x86_64", null);
    assertThat(missing.unavailableReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("No embedded PostgreSQL 13"));
  }

  @Test
  void releaseForAnotherPlatformExplainsWhy() throws Exception {
    BundledRelease elsewhere =
        new BundledRelease(
            "newest", "18.6.0", "solaris-sparc", java.nio.file.Path.of("/x").toUri().toURL());
    assertThat(elsewhere.unavailableReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("built for solaris-sparc"));
  }

  @Test
  void externalServerComesFromTheEnvironment() {
    assertThat(ExternalPostgresServer.fromEnvironment(Map.of())).isEmpty();
    PostgresServer server =
        ExternalPostgresServer.fromEnvironment(
                Map.of("GODWIT_TEST_POSTGRES_URL", "jdbc:postgresql://db:5432/postgres"))
            .orElseThrow();
    assertThat(server.name()).isEqualTo("PostgreSQL at GODWIT_TEST_POSTGRES_URL");
    assertThat(server.user()).isEqualTo("postgres");
    assertThat(server.password()).isEmpty();
    assertThat(server.adminUrl()).isEqualTo("jdbc:postgresql://db:5432/postgres");
    assertThatThrownBy(
            () -> ExternalPostgresServer.fromEnvironment(Map.of("GODWIT_TEST_POSTGRES_URL", "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }
}
