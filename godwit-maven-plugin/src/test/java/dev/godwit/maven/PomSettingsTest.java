package dev.godwit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomSettingsTest {
  @TempDir Path dir;

  @Test
  void everySettingHasAParameterOfItsKind() throws NoSuchFieldException {
    for (ConfigKey k : ConfigKey.values()) {
      Field f = GodwitMojo.class.getDeclaredField(k.key());
      Class<?> expected =
          switch (k.kind()) {
            case LIST -> List.class;
            case MAP -> Map.class;
            default -> String.class;
          };
      assertThat(f.getType()).as("parameter %s", k.key()).isEqualTo(expected);
    }
  }

  @Test
  void laterLayersWin() throws IOException {
    Files.writeString(
        dir.resolve("godwit.toml"),
        """
        url = "jdbc:h2:mem:file"
        table = "from_file"
        baselineVersion = "2"
        installedBy = "file"
        [placeholders]
        who = "file"
        where = "file"
        """);
    MigrateMojo mojo = mojo();
    mojo.table = "from_pom";
    mojo.installedBy = "pom";
    mojo.placeholders = Map.of("where", "pom");
    Properties project = new Properties();
    project.setProperty("godwit.installedBy", "project");
    project.setProperty("godwit.version", "1.0"); // the pom's own, no setting: ignored
    Properties user = new Properties();
    user.setProperty("godwit.table", "from_command_line");
    user.setProperty("godwit.placeholders.who", "command line");

    GodwitConfig config =
        new PomSettings(mojo, new SystemStreamLog())
            .builder(
                Map.of(ConfigKey.USER, "server", ConfigKey.PASSWORD, "s3cret"),
                project,
                user,
                dir.toFile())
            .build();

    assertThat(config.url()).isEqualTo("jdbc:h2:mem:file");
    assertThat(config.baselineVersion().toString()).isEqualTo("2");
    assertThat(config.string(ConfigKey.USER)).isEqualTo("server");
    assertThat(config.string(ConfigKey.TABLE)).isEqualTo("from_command_line");
    assertThat(config.string(ConfigKey.INSTALLED_BY)).isEqualTo("project");
    assertThat(config.placeholders())
        .containsEntry("who", "command line")
        .containsEntry("where", "pom");
    assertThat(config.describe().toString()).doesNotContain("s3cret");
  }

  @Test
  void theDefaultLocationAndRelativeOnesAreTheProjectsDirectory() {
    MigrateMojo mojo = mojo();
    GodwitConfig defaults = build(mojo, new Properties());
    assertThat(defaults.list(ConfigKey.LOCATIONS))
        .containsExactly("filesystem:" + dir.resolve("src/main/resources/db/migration"));

    mojo.locations = List.of("sql", "filesystem:more/sql", "classpath:db/migration", "/abs/sql");
    assertThat(build(mojo, new Properties()).list(ConfigKey.LOCATIONS))
        .containsExactly(
            "filesystem:" + dir.resolve("sql"),
            "filesystem:" + dir.resolve("more/sql"),
            "classpath:db/migration",
            "filesystem:/abs/sql");
  }

  @Test
  void anUnknownLocationKindIsLeftForTheCoreToRefuseByName() {
    MigrateMojo mojo = mojo();
    mojo.locations = List.of("s3:bucket/sql");
    assertThatThrownBy(() -> build(mojo, new Properties()))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("locations")
        .hasMessageContaining("s3:bucket/sql");
  }

  @Test
  void aBadValueFailsWithTheCoresMessage() {
    Properties user = new Properties();
    user.setProperty("godwit.lockTimeout", "500");
    assertThatThrownBy(() -> build(mojo(), user))
        .isInstanceOf(GodwitException.class)
        .satisfies(e -> assertThat(((GodwitException) e).code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessageContaining("lockTimeout");
  }

  @Test
  void theFilesEnvironmentOverridesItsTopLevelAndAnUnknownOneIsNamed() throws IOException {
    Files.writeString(
        dir.resolve("godwit.toml"),
        """
        url = "jdbc:h2:mem:top"
        [environments.ci]
        url = "jdbc:h2:mem:ci"
        """);
    MigrateMojo mojo = mojo();
    mojo.environment = "ci";
    GodwitConfig config = build(mojo, new Properties());
    assertThat(config.url()).isEqualTo("jdbc:h2:mem:ci");
    assertThat(config.environment()).isEqualTo("ci");

    mojo.environment = "cj";
    assertThatThrownBy(() -> build(mojo, new Properties()))
        .hasMessageContaining("[environments.cj]")
        .hasMessageContaining("ci");
  }

  @Test
  void aFileErrorNamesTheFileAndLine() throws IOException {
    Files.writeString(
        dir.resolve("godwit.toml"), "url = \"jdbc:h2:mem:x\"\nbaselineVersoin = \"1\"\n");
    assertThatThrownBy(() -> build(mojo(), new Properties()))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("godwit.toml:2:")
        .hasMessageContaining("baselineVersoin")
        .hasMessageContaining("baselineVersion");
  }

  @Test
  void theFileReadsEnvironmentVariablesAndNamesAMissingOne() throws IOException {
    Files.writeString(dir.resolve("godwit.toml"), "installedBy = \"${env.PATH}\"\n");
    assertThat(build(mojo(), new Properties()).string(ConfigKey.INSTALLED_BY))
        .isEqualTo(System.getenv("PATH"));

    Files.writeString(
        dir.resolve("godwit.toml"), "installedBy = \"${env.GODWIT_MAVEN_TEST_UNSET_VARIABLE}\"\n");
    assertThatThrownBy(() -> build(mojo(), new Properties()))
        .hasMessageContaining("godwit.toml:1:")
        .hasMessageContaining("GODWIT_MAVEN_TEST_UNSET_VARIABLE, which is not set");
  }

  private MigrateMojo mojo() {
    MigrateMojo mojo = new MigrateMojo();
    mojo.configFile = new File(dir.toFile(), "godwit.toml");
    return mojo;
  }

  private GodwitConfig build(GodwitMojo mojo, Properties user) {
    return new PomSettings(mojo, new SystemStreamLog())
        .builder(Map.of(), new Properties(), user, dir.toFile())
        .build();
  }
}
