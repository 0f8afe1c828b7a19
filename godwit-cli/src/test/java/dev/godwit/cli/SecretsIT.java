package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and error path of the packaged CLI, with a distinctive password in every place a
 * password can be given: the password must not appear in stdout, stderr (logs included), JSON,
 * SARIF or any file the run writes.
 */
class SecretsIT {
  private static final String SECRET = "Quokka7Zebra";
  private static final Path JAR = Paths.get("target", "godwit-cli.jar").toAbsolutePath();

  private static PostgresServer pg;
  private static String url;
  private static String role;

  @TempDir Path dir;
  private int runs;

  /** A role whose password is the secret, owning the test database's objects. */
  @BeforeAll
  static void database() throws Exception {
    pg = PostgresServers.newest();
    url = pg.createDatabase();
    role = "secrets_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + SECRET + "'");
    }
  }

  @AfterAll
  static void dropRole() throws Exception {
    try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password());
        Statement st = c.createStatement()) {
      st.execute("DROP OWNED BY " + role);
      st.execute("DROP ROLE " + role);
    }
  }

  private record Run(int exit, String out, String err) {}

  /** Runs the CLI in {@code work}; inputs holding the secret live outside it. */
  private Run godwit(Path work, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GODWIT_"));
    pb.environment().putAll(env);
    Path out = dir.resolve("out-" + runs);
    Path err = dir.resolve("err-" + runs++);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    String what = String.join(" ", args);
    assertThat(run.out()).as("stdout of %s", what).doesNotContain(SECRET);
    assertThat(run.err()).as("stderr of %s", what).doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
            .as("file %s written by %s", f, what)
            .doesNotContain(SECRET);
      }
    }
    return run;
  }

  private Path project() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work-" + UUID.randomUUID()));
    Path sql = Files.createDirectories(work.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE secret_t (id INT);\n");
    return work;
  }

  private Path input(String name, String text) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in-" + UUID.randomUUID()));
    return Files.writeString(in.resolve(name), text);
  }

  @Test
  void passwordFlagThroughEveryCommandAndAFailingMigration() throws Exception {
    Path work = project();
    String[] common = {
      "--url", url, "--user", role, "--password", SECRET, "--locations", "filesystem:sql"
    };
    for (String[] command :
        List.of(
            new String[] {"plan", "--json"},
            new String[] {"migrate", "--verbose"},
            new String[] {"info", "--json"},
            new String[] {"validate", "--json"},
            new String[] {"lint", "--sarif"},
            new String[] {"lint", "--json"},
            new String[] {"repair", "--verbose"})) {
      Run r = godwit(work, Map.of(), concat(common, command));
      assertThat(r.exit()).as(r.err()).isZero();
    }
    Files.writeString(work.resolve("sql/V2__bad.sql"), "INSERT INTO no_such_table VALUES (1);\n");
    Run failed = godwit(work, Map.of(), concat(common, "migrate", "--json", "--stacktrace"));
    assertThat(failed.exit()).isEqualTo(6);
    Files.delete(work.resolve("sql/V2__bad.sql"));
    Run clean = godwit(work, Map.of(), concat(common, "clean", "--clean-enabled", "true"));
    assertThat(clean.exit()).as(clean.err()).isZero();
  }

  @Test
  void passwordFromTheEnvironmentAndFromAVariableInTheFile() throws Exception {
    Path work = project();
    Map<String, String> env = new HashMap<>();
    env.put("GODWIT_PASSWORD", SECRET);
    Run r =
        godwit(
            work,
            env,
            "--url",
            url,
            "--user",
            role,
            "--locations",
            "filesystem:sql",
            "--verbose",
            "info",
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    Path cfg =
        input(
            "godwit.toml",
            "url = \""
                + url
                + "\"\nuser = \""
                + role
                + "\"\npassword = \"${env.DB_PW}\"\n"
                + "locations = [\"filesystem:sql\"]\n");
    Run fromFile =
        godwit(work, Map.of("DB_PW", SECRET), "--config", cfg.toString(), "info", "--stacktrace");
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
  }

  @Test
  void anUnquotedPasswordInGodwitTomlIsNotEchoedByTheTomlError() throws Exception {
    Path work = project();
    Path cfg = input("godwit.toml", "url = \"" + url + "\"\npassword = " + SECRET + "\n");
    for (String[] extra :
        List.of(new String[] {}, new String[] {"--json"}, new String[] {"--stacktrace"})) {
      Run r =
          godwit(work, Map.of(), concat(new String[] {"--config", cfg.toString(), "info"}, extra));
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.err()).contains("godwit.toml:2:12").contains("secret");
    }
  }

  @Test
  void passwordsInUrlsAreMaskedWhereverTheDriverQuotesThem() throws Exception {
    Path work = project();
    List<String> urls =
        List.of(
            "jdbc:postgresql://127.0.0.1:1/app?user=u&password=" + SECRET,
            "jdbc:postgresql://" + role + ":" + SECRET + "@127.0.0.1/app",
            "jdbc:postgresql://" + role + ":" + SECRET + "@127.0.0.1:1/app",
            "jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3306/app",
            "jdbc:mysql://root:" + SECRET + "@127.0.0.1/app",
            "jdbc:oracle:thin:scott/" + SECRET + "@db:1521/x",
            "jdbc:h2:mem:x;USER=sa;PASSWORD=" + SECRET + ";BAD_SETTING=1");
    for (String u : urls) {
      for (String[] extra :
          List.of(new String[] {"info"}, new String[] {"--json", "--stacktrace", "migrate"})) {
        Run r = godwit(work, Map.of(), concat(new String[] {"--url", u}, extra));
        assertThat(r.exit()).as(u + ": " + r.err()).isIn(3, 4);
      }
      Run viaEnv = godwit(work, Map.of("GODWIT_URL", u), "validate", "--json");
      assertThat(viaEnv.exit()).as(u + ": " + viaEnv.err()).isIn(3, 4);
    }
  }

  @Test
  void anUnsupportedDatabaseIsRefusedAsConfigurationNamingOnlyItsPrefix() throws Exception {
    Run r =
        godwit(
            project(),
            Map.of(),
            "--url",
            "jdbc:oracle:thin:scott/" + SECRET + "@db:1521/x",
            "info");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("jdbc:oracle:").doesNotContain("scott");
  }

  @Test
  void shortPasswordsDoNotMaskPartsOfWords() throws Exception {
    Run r =
        godwit(
            project(),
            Map.of(),
            "--url",
            "jdbc:postgresql://127.0.0.1:1/app",
            "--password",
            "postgres",
            "info");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("jdbc:postgresql://127.0.0.1:1/app");
  }

  @Test
  void configImportCopiesNoPasswordFromAFlywayFile() throws Exception {
    Path conf =
        input(
            "flyway.conf",
            "flyway.url=jdbc:postgresql://db:5432/app?user=app&password="
                + SECRET
                + "&ssl=true\nflyway.password="
                + SECRET
                + "\nflyway.locations=filesystem:sql\n");
    Path work = project();
    Run toStdout = godwit(work, Map.of(), "config", "import", conf.toString(), "--output", "-");
    assertThat(toStdout.exit()).as(toStdout.err()).isZero();
    assertThat(toStdout.out())
        .contains("url = \"jdbc:postgresql://db:5432/app?user=app&ssl=true\"");
    assertThat(toStdout.err()).contains("password in the Flyway URL is not copied");
    Run toFile = godwit(work, Map.of(), "config", "import", conf.toString());
    assertThat(toFile.exit()).as(toFile.err()).isZero();
    assertThat(Files.readString(work.resolve("godwit.toml"))).contains("ssl=true");

    Path toml =
        input(
            "flyway.toml",
            "[environments.default]\nurl = \"jdbc:mariadb://app:"
                + SECRET
                + "@db/app\"\npassword = \""
                + SECRET
                + "\"\n[flyway]\nlocations = [\"filesystem:sql\"]\n");
    Run fromToml = godwit(work, Map.of(), "config", "import", toml.toString(), "--output", "-");
    assertThat(fromToml.exit()).as(fromToml.err()).isZero();
    assertThat(fromToml.out()).contains("jdbc:mariadb://app@db/app");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
