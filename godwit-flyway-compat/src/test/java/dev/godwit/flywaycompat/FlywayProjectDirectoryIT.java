package dev.godwit.flywaycompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.cli.CliBridge;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Done when" of issue 5: {@code godwit info} run in a Flyway project directory, with its
 * flyway.conf or flyway.toml and no godwit.toml, shows the table Flyway shows.
 */
class FlywayProjectDirectoryIT {
  @TempDir Path dir;

  private Db db;
  private Path sql;

  private void project() throws Exception {
    db = Db.create("postgresql", dir);
    sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__create_t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(sql.resolve("V2__fill_t.sql"), "INSERT INTO t VALUES (1);\n");
    Files.writeString(
        sql.resolve("R__t_view.sql"),
        "CREATE OR REPLACE VIEW t_view AS SELECT id, '${who}' AS w FROM t;\n");
    Tools tools = new Tools(db, sql, Map.of("who", "me"));
    tools.flywayConfig().target("1").load().migrate();
  }

  @Test
  void infoInADirectoryWithFlywayConfShowsFlywaysTable() throws Exception {
    project();
    Files.writeString(
        dir.resolve("flyway.conf"),
        "# Flyway's own file\n"
            + "flyway.url="
            + db.url()
            + "\nflyway.user=${PGUSER_FOR_TEST}\n"
            + "flyway.locations=filesystem:sql\n"
            + "flyway.placeholders.who=\\\n  me\n"
            + "flyway.group=true\n");
    Run run = godwitIn(dir, Map.of("PGUSER_FOR_TEST", db.user()), "info", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .containsOnlyOnce("Reading Flyway's configuration from flyway.conf")
        .doesNotContain("does not support");
    List<InfoRow> godwit = InfoRow.ofGodwit(Tools.json(run.out()));
    List<InfoRow> flyway = new Tools(db, sql, Map.of("who", "me")).flywayInfo();
    assertThat(godwit).isEqualTo(flyway);
    assertThat(InfoRow.states(godwit)).containsExactly("1=SUCCESS", "t view=SUCCESS", "2=PENDING");
    assertThat(Tools.json(run.out()).get("table").asText()).isEqualTo("flyway_schema_history");
  }

  @Test
  void infoInADirectoryWithFlywayTomlUsesTheEnvironmentAndItsOverrides() throws Exception {
    project();
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(
        dir.resolve("flyway.toml"),
        "id = \"a-project\"\n"
            + "[environments.dev]\n"
            + "url = \""
            + db.url()
            + "\"\nuser = \"${env.PGUSER_FOR_TEST}\"\n"
            + "[environments.dev.flyway]\n"
            + "locations = [\"filesystem:sql\"]\n"
            + "[flyway]\n"
            + "environment = \"dev\"\n"
            + "locations = [\"filesystem:elsewhere\"]\n"
            + "[flyway.placeholders]\n"
            + "who = \"me\"\n");
    // The environment's own locations win even over FLYWAY_LOCATIONS, as in Flyway.
    Run run =
        godwitIn(
            dir,
            Map.of("PGUSER_FOR_TEST", db.user(), "FLYWAY_LOCATIONS", "filesystem:elsewhere"),
            "info",
            "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    List<InfoRow> godwit = InfoRow.ofGodwit(Tools.json(run.out()));
    assertThat(godwit).isEqualTo(new Tools(db, sql, Map.of("who", "me")).flywayInfo());
  }

  @Test
  void flywayVariablesAloneGiveFlywaysInfo() throws Exception {
    project();
    Map<String, String> env =
        Map.of(
            "FLYWAY_URL",
            db.url(),
            "FLYWAY_USER",
            db.user(),
            "FLYWAY_LOCATIONS",
            "filesystem:sql",
            "FLYWAY_PLACEHOLDERS_WHO",
            "me");
    Run run = godwitIn(dir, env, "info", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    // The source is named once, by variable names only (never a value: the URL may hold a
    // password).
    assertThat(run.err())
        .containsOnlyOnce("Reading Flyway's configuration from the environment (FLYWAY_LOCATIONS,")
        .doesNotContain(db.url());
    List<InfoRow> godwit = InfoRow.ofGodwit(Tools.json(run.out()));
    assertThat(godwit).isEqualTo(new Tools(db, sql, Map.of("who", "me")).flywayInfo());
    assertThat(Tools.json(run.out()).get("table").asText()).isEqualTo("flyway_schema_history");
  }

  @Test
  void flywaysCommandLineGivesFlywaysInfo() throws Exception {
    project();
    Run run =
        godwitIn(
            dir,
            Map.of(),
            "-url=" + db.url(),
            "-user=" + db.user(),
            "-locations=filesystem:sql",
            "-placeholders.who=me",
            "-outputType=json",
            "info");
    assertThat(run.exit()).as(run.err()).isZero();
    List<InfoRow> godwit = InfoRow.ofGodwit(Tools.json(run.out()));
    assertThat(godwit).isEqualTo(new Tools(db, sql, Map.of("who", "me")).flywayInfo());
    assertThat(InfoRow.states(godwit)).containsExactly("1=SUCCESS", "t view=SUCCESS", "2=PENDING");
  }

  @Test
  void configImportWritesAGodwitTomlThatUsesTheSameHistory() throws Exception {
    project();
    Path conf = dir.resolve("flyway.conf");
    Files.writeString(
        conf,
        "flyway.url="
            + db.url()
            + "\nflyway.user="
            + db.user()
            + "\nflyway.password=not-really-used\n"
            + "flyway.locations=filesystem:"
            + sql
            + "\nflyway.placeholders.who=me\nflyway.cleanDisabled=false\nflyway.initSql=SELECT 1\n");
    Path out = dir.resolve("godwit.toml");
    CliBridge.Run imported =
        CliBridge.run(Map.of(), "config", "import", conf.toString(), "--output", out.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("cleanDisabled = false -> cleanEnabled = true")
        .contains("initSql")
        .doesNotContain("not-really-used");
    String toml = Files.readString(out);
    assertThat(toml)
        .contains("table = \"flyway_schema_history\"")
        .contains("cleanEnabled = true")
        .doesNotContain("not-really-used");
    CliBridge.Run info = CliBridge.run(Map.of(), "--config", out.toString(), "info", "--json");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(InfoRow.ofGodwit(Tools.json(info.out())))
        .isEqualTo(new Tools(db, sql, Map.of("who", "me")).flywayInfo());
  }

  private record Run(int exit, String out, String err) {}

  /** Runs the CLI as a process in a directory, as a user would. */
  private static Run godwitIn(Path workingDirectory, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.godwit.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("FLYWAY_") || k.startsWith("GODWIT_"));
    pb.environment().putAll(env);
    File err = workingDirectory.resolve("stderr.txt").toFile();
    pb.redirectError(err);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, Files.readString(err.toPath()));
  }
}
