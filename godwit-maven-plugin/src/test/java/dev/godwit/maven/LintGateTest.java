package dev.godwit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintGateTest {
  @TempDir Path dir;

  @Test
  void anErrorFindingFailsAtErrorAndTheSarifNamesIt() throws IOException {
    GodwitConfig config = migrations();
    Path sarif = dir.resolve("out/godwit-lint.sarif");

    LintGate.Outcome outcome = new LintGate(config, "pg", "error").lint(sarif, "test");

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.summary()).startsWith("1 error");
    assertThat(outcome.text()).contains("V2__narrow.sql:1:1: error [change-column-type]");
    assertThat(Files.readString(sarif))
        .containsPattern("\"ruleId\"\\s*:\\s*\"change-column-type\"");
  }

  @Test
  void aSeverityLoweredInTheSettingsPassesAtError() throws IOException {
    GodwitConfig config =
        migrations().toBuilder()
            .set(ConfigKey.LINT_SEVERITY, Map.of("change-column-type", "warn"))
            .build();
    Path sarif = dir.resolve("godwit-lint.sarif");

    assertThat(new LintGate(config, "pg", "error").lint(sarif, "test").failed()).isFalse();
    assertThat(new LintGate(config, "pg", "warn").lint(sarif, "test").failed()).isTrue();
  }

  @Test
  void optionsAreCheckedBeforeAnythingIsRead() {
    GodwitConfig h2 = GodwitConfig.builder().url("jdbc:h2:mem:x").build();
    assertThatThrownBy(() -> new LintGate(h2, "pg", "fatal"))
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("failOn");
    assertThatThrownBy(() -> new LintGate(h2, null, "error"))
        .hasMessageContaining("no rules for H2");
    assertThatThrownBy(() -> new LintGate(h2, "oracle", "error")).hasMessageContaining("dialect");
  }

  private GodwitConfig migrations() throws IOException {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(
        sql.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    Files.writeString(
        sql.resolve("V2__narrow.sql"), "ALTER TABLE users ALTER COLUMN id TYPE int;\n");
    return GodwitConfig.builder().locations("filesystem:" + sql).build();
  }
}
