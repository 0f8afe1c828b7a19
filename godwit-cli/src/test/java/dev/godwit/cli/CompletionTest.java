package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ConfigKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

  @TempDir Path dir;

  @Test
  void everyCommandAndSettingIsInBothScripts() {
    for (String script : List.of(Completion.bash(), Completion.zsh())) {
      for (String command : Command.names()) {
        assertThat(script).contains(command);
      }
      for (ConfigKey key : ConfigKey.values()) {
        assertThat(script).contains(key.flag());
      }
      for (String flag : Args.allFlags()) {
        assertThat(script).contains(flag);
      }
    }
  }

  @Test
  void theParserSaysWhichOptionsTakeAValue() {
    Map<String, Boolean> takesValue =
        Completion.options().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Completion.Opt::name, Completion.Opt::takesValue));
    assertThat(takesValue)
        .containsEntry("--url", true)
        .containsEntry("--config", true)
        .containsEntry("--count", true)
        .containsEntry("--json", false)
        .containsEntry("--clean-enabled", false);
  }

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    assertThat(complete("godwit", "mig")).containsExactly("migrate");
    assertThat(complete("godwit", "--cle")).containsExactly("--clean-enabled");
    assertThat(complete("godwit", "--url", "jdbc:h2:mem:x", "in")).containsExactly("info");
    assertThat(complete("godwit", "--clean-enabled", "")).containsExactly("true", "false");
    assertThat(complete("godwit", "--clean-enabled", "true", "cl")).containsExactly("clean");
    assertThat(complete("godwit", "migrate", "--targ")).containsExactly("--target");
    assertThat(complete("godwit", "help", "va")).containsExactly("validate");
    assertThat(complete("godwit", "--url", "=", "jdbc:x", "va")).containsExactly("validate");
  }

  @Test
  void theHiddenCommandPrintsTheScripts() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(print(out), print(err), Map.of());
    assertThat(cli.run("completion", "bash")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Completion.bash());
    out.reset();
    assertThat(cli.run("completion", "zsh")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("#compdef godwit");
    assertThat(cli.run("completion", "fish")).isEqualTo(ExitCode.USAGE.code);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bash or zsh");
  }

  @Test
  void zshAcceptsTheScriptWhenInstalled() throws Exception {
    Path zsh = Path.of("/usr/bin/zsh");
    if (!Files.isExecutable(zsh)) {
      return; // bash is checked above; zsh is not on every machine
    }
    Path script = dir.resolve("_godwit");
    Files.writeString(script, Completion.zsh(), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(zsh.toString(), "-n", script.toString()).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  /** Runs the bash completion function on a command line whose last word is being typed. */
  private List<String> complete(String... words) throws IOException, InterruptedException {
    Path script = dir.resolve("godwit.bash");
    Files.writeString(script, Completion.bash(), StandardCharsets.UTF_8);
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append('\'').append(w).append("' ");
    }
    String program =
        "source '"
            + script
            + "'; COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; _godwit; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("bash", "-c", program).directory(dir.toFile()).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(stderr).isEmpty();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return stdout.lines().filter(l -> !l.isEmpty()).toList();
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
