package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command accepts only its own options, the global ones and the settings; help per command
 * comes from the same table. Nothing here reaches a database: every refusal happens first.
 */
class CommandLineTest {
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1";
  private final Map<String, String> env = new HashMap<>();

  private CliRun godwit(String... args) {
    return CliRun.run(env, args);
  }

  @Test
  void anOptionOfAnotherCommandIsAUsageErrorNamingTheCommandsThatTakeIt() {
    CliRun run =
        godwit("migrate", "--sarif", "--fail-on", "bogus", "--count", "3", "--mark-applied", "9");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("--sarif is an option of: lint")
        .contains("--fail-on is an option of: lint")
        .contains("--count is an option of: undo, plan")
        .contains("--mark-applied is an option of: repair")
        .contains("godwit migrate --help");
    // Before the command too.
    CliRun before = godwit("--resume", "--url", UNREACHABLE, "info");
    assertThat(before.exit()).isEqualTo(2);
    assertThat(before.err()).contains("--resume is an option of: migrate");
    assertThat(godwit("info", "--allow-production").err())
        .contains("--allow-production is an option of: undo");
  }

  @Test
  void settingsAndGlobalOptionsAreAcceptedByEveryCommand() throws Exception {
    Args args =
        Args.parse(
            new String[] {
              "--json",
              "lint",
              "--url",
              UNREACHABLE,
              "--placeholders.owner=app",
              "--quiet",
              "--all",
              "--stacktrace",
              "--target",
              "3",
              "--out-of-order",
              "--env",
              "ci"
            });
    assertThat(args.command).isEqualTo(Command.LINT);
    assertThat(args.has(Option.JSON)).isTrue();
    assertThat(args.has(Option.ALL)).isTrue();
    assertThat(args.value(Option.ENV)).isEqualTo("ci");
    assertThat(args.settings)
        .containsEntry(dev.godwit.api.ConfigKey.URL, UNREACHABLE)
        .containsEntry(dev.godwit.api.ConfigKey.TARGET, "3")
        .containsEntry(dev.godwit.api.ConfigKey.OUT_OF_ORDER, "true");
    assertThat(args.placeholders).containsEntry("owner", "app");
  }

  @Test
  void targetIsTheUndoTargetWithUndoAndTheSettingElsewhere() throws Exception {
    Args undo = Args.parse(new String[] {"--target", "V2", "undo"});
    assertThat(undo.value(Option.UNDO_TARGET)).isEqualTo("V2");
    assertThat(undo.settings).isEmpty();
    Args planUndo = Args.parse(new String[] {"plan", "--undo", "--target", "2", "--count", "1"});
    assertThat(planUndo.value(Option.UNDO_TARGET)).isEqualTo("2");
    assertThat(planUndo.count()).isEqualTo(1);
    Args plan = Args.parse(new String[] {"plan", "--target", "2"});
    assertThat(plan.has(Option.UNDO_TARGET)).isFalse();
    assertThat(plan.settings).containsEntry(dev.godwit.api.ConfigKey.TARGET, "2");
    assertThat(Args.parse(new String[] {"--undo", "--target", "1", "migrate", "--help"}).command)
        .as("help wins over a misplaced option")
        .isEqualTo(Command.MIGRATE);
    assertThatThrownBy(() -> Args.parse(new String[] {"--undo", "--target", "1", "migrate"}))
        .hasMessageStartingWith("--undo is an option of: plan.")
        .hasMessageNotContaining("--target");
  }

  @Test
  void badOptionValuesAreRefusedBeforeConnecting() {
    for (List<String> argv :
        List.of(
            List.of("lint", "--fail-on", "bogus"),
            List.of("undo", "--count", "0"),
            List.of("undo", "--count", "many"),
            List.of("undo", "--target", "latest"),
            List.of("repair", "--mark-applied", "V9"),
            List.of("plan", "--count", "2"),
            List.of("info", "--count"))) {
      List<String> withUrl = new java.util.ArrayList<>(argv);
      withUrl.addAll(List.of("--url", UNREACHABLE));
      CliRun run = godwit(withUrl.toArray(String[]::new));
      assertThat(run.exit()).as(argv + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(String.valueOf(argv)).doesNotContain("Cannot connect");
    }
    assertThat(godwit("lint", "--fail-on", "bogus").err())
        .contains("--fail-on takes info, warn or error, not 'bogus'");
    assertThat(godwit("undo", "--target", "latest").err())
        .contains("--target takes a version such as 1 or 2.1, not 'latest'");
  }

  @Test
  void aBadSettingIsAConfigurationErrorBeforeConnecting() {
    CliRun run = godwit("--url", UNREACHABLE, "--target", "bogus", "info");
    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains("Setting 'target'")
        .contains("'bogus'")
        .contains("latest, current, next")
        .doesNotContain("Cannot connect");
    env.put("GODWIT_LOCK_WAIT_TIMEOUT", "-5");
    CliRun negative = godwit("--url", UNREACHABLE, "--json", "migrate");
    assertThat(negative.exit()).isEqualTo(3);
    assertThat(negative.json().get("error").get("code").asText()).isEqualTo("CONFIGURATION");
    assertThat(negative.err()).contains("'lockWaitTimeout'").contains("'-5'").contains("0 or more");
    env.clear();
    CliRun location = godwit("--url", UNREACHABLE, "--locations", "s3:bucket/db", "validate");
    assertThat(location.exit()).isEqualTo(3);
    assertThat(location.err())
        .contains("'s3:bucket/db'")
        .contains("filesystem:")
        .contains("classpath:");
  }

  @Test
  void aBadValueInTheFileNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path cfg = dir.resolve("godwit.toml");
    Files.writeString(
        cfg,
        "url = \""
            + UNREACHABLE
            + "\"\nbatchSize = 0\n[lint]\nseverity = { rename-column = \"loud\" }\n");
    CliRun run = godwit("--config", cfg.toString(), "info");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("godwit.toml:2:1: Setting 'batchSize'").contains("1 or more");
    Files.writeString(
        cfg, "url = \"" + UNREACHABLE + "\"\n[lint]\nseverity = { rename-column = \"loud\" }\n");
    CliRun lint = godwit("--config", cfg.toString(), "info");
    assertThat(lint.exit()).isEqualTo(3);
    assertThat(lint.err())
        .contains("godwit.toml:3:1: Setting 'lintSeverity'")
        .contains("'rename-column=loud'")
        .contains("info, warn or error");
  }

  @Test
  void helpPerCommandIsGeneratedFromTheTable() {
    for (Command c : Command.values()) {
      CliRun viaFlag = godwit(c.typed(), "--help");
      CliRun viaHelp = godwit("help", c.typed());
      assertThat(viaFlag.exit()).isZero();
      assertThat(viaFlag.out())
          .isEqualTo(viaHelp.out())
          .startsWith("Usage: godwit [options] " + c.typed());
      for (Option o : Option.values()) {
        if (o == Option.UNDO_TARGET) {
          continue; // --target is also the target setting, which some commands' help names
        }
        String out = viaFlag.out();
        boolean listed =
            out.contains("\n  " + o.optionName() + " ")
                || out.contains("\n  " + o.optionName() + ",");
        assertThat(listed)
            .as(c.typed() + " help lists " + o.optionName())
            .isEqualTo(o.appliesTo(c));
      }
    }
    String lint = godwit("lint", "--help").out();
    assertThat(lint)
        .contains("[files or folders]")
        .contains("--sarif")
        .contains("--fail-on LEVEL")
        .doesNotContain("--mark-applied");
    assertThat(godwit("repair", "-h").out()).contains("--mark-applied V").doesNotContain("--sarif");
    String overview = godwit("--help").out();
    for (Command c : Command.values()) {
      assertThat(overview).contains("  " + c.typed() + " ");
    }
  }
}
