package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the README and the quickstart promise about variables, config files and commands. */
class ReadmePromisesIT {
  @TempDir Path dir;

  private String h2() {
    return "jdbc:h2:mem:" + UUID.randomUUID();
  }

  @Test
  void theLaunchersVariablesAndVariablesTheFileReadAreNotUnknownSettings() throws Exception {
    Path cfg = dir.resolve("godwit.toml");
    Files.writeString(cfg, "url = \"${env.GODWIT_PG_URL}\"\n");
    Files.createDirectories(dir.resolve("sql"));
    CliRun r =
        CliRun.run(
            Map.of("GODWIT_CDS", "0", "GODWIT_CDS_DIR", "/tmp/x", "GODWIT_PG_URL", h2()),
            "--config",
            cfg.toString(),
            "--locations",
            "filesystem:" + dir.resolve("sql"),
            "info");
    assertThat(r.exit()).as(r.err()).isZero();
    // Without the file reading it, GODWIT_PG_URL is a misspelt setting as before.
    CliRun stray = CliRun.run(Map.of("GODWIT_PG_URL", h2()), "--url", h2(), "info");
    assertThat(stray.exit()).isEqualTo(3);
    assertThat(stray.err()).contains("Unknown environment variable GODWIT_PG_URL");
  }

  @Test
  void anUnsupportedDatabaseExitsWithTheConfigurationCode() {
    CliRun r = CliRun.run(Map.of(), "--url", "jdbc:sqlserver://db:1433;databaseName=x", "info");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("jdbc:sqlserver:");
  }

  @Test
  void configImportTakesGlobalFlagsAndJson() throws Exception {
    Path conf = dir.resolve("flyway.conf");
    Files.writeString(conf, "flyway.url=jdbc:h2:mem:a\nflyway.table=from_file\n");
    CliRun verbose =
        CliRun.run(
            Map.of(),
            "--verbose",
            "config",
            "import",
            conf.toString(),
            "--output",
            dir.resolve("a.toml").toString());
    assertThat(verbose.exit()).as(verbose.err()).isZero();
    assertThat(Files.readString(dir.resolve("a.toml"))).contains("table = \"from_file\"");

    CliRun json =
        CliRun.run(Map.of(), "config", "import", conf.toString(), "--output", "-", "--json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.json().get("toml").asText()).contains("url = \"jdbc:h2:mem:a\"");
    assertThat(json.json().get("mapped").isArray()).isTrue();

    CliRun missing = CliRun.run(Map.of(), "--json", "config", "import", "nope.conf");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.json().get("error").get("exitCode").asInt()).isEqualTo(3);
  }

  /** The README: --config, else ./godwit.toml if it exists, else GODWIT_CONFIG. */
  @Test
  void aGodwitTomlInTheWorkingDirectoryBeatsGodwitConfig() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Files.createDirectories(work.resolve("sql"));
    Files.writeString(
        work.resolve("godwit.toml"),
        "url = \"" + h2() + "\"\ntable = \"local_history\"\nlocations = [\"filesystem:sql\"]\n");
    Path other = dir.resolve("other.toml");
    Files.writeString(
        other,
        "url = \"" + h2() + "\"\ntable = \"from_variable\"\nlocations = [\"filesystem:sql\"]\n");
    String local = run(work, Map.of("GODWIT_CONFIG", other.toString()), "info");
    assertThat(local).contains("local_history").doesNotContain("from_variable");

    Path bare = Files.createDirectories(dir.resolve("bare"));
    Files.createDirectories(bare.resolve("sql"));
    assertThat(run(bare, Map.of("GODWIT_CONFIG", other.toString()), "info"))
        .contains("from_variable");
    assertThat(
            run(
                work,
                Map.of("GODWIT_CONFIG", other.toString()),
                "--config",
                other.toString(),
                "info"))
        .contains("from_variable");
  }

  private static String run(Path work, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(Paths.get("target", "godwit-cli.jar").toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("GODWIT_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
