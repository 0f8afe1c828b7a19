package dev.godwit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unpacks the distribution that this build made into a temporary folder and runs its {@code
 * bin/godwit} as a user would: with a Java runtime and a PATH that has no Maven on it.
 */
class DistributionIT {

  private static final String VERSION = System.getProperty("godwit.version");
  private static Path root;
  private static Path home;
  private static Path noMaven;

  /** What one run of bin/godwit did. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    // Under /tmp and traversable by all: one test runs the launcher as an unprivileged user.
    root =
        Files.createTempDirectory(
            Path.of("/tmp"),
            "godwit-dist-it-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path archive = Path.of(System.getProperty("godwit.dist.archive"));
    assertThat(command(root, "tar", "xzf", archive.toString()).exit()).isZero();
    home = root.resolve("godwit-" + VERSION);
    noMaven = pathWithoutMaven(root.resolve("path"));
  }

  @AfterAll
  static void delete() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void hasTheLayoutOfADistribution() throws IOException {
    assertThat(Files.isExecutable(home.resolve("bin/godwit"))).isTrue();
    assertThat(Files.readString(home.resolve("bin/godwit.cmd"), StandardCharsets.UTF_8))
        .contains("\r\n")
        .contains("dev.godwit.cli.Main");
    assertThat(home.resolve("lib/godwit-cli-" + VERSION + ".jar")).isRegularFile();
    assertThat(home.resolve("drivers/README.txt")).isRegularFile();
    assertThat(home.resolve("completion/godwit.bash")).isRegularFile();
    assertThat(home.resolve("completion/_godwit")).isRegularFile();
    assertThat(Files.readString(home.resolve("LICENSE"), StandardCharsets.UTF_8))
        .contains("Apache License");
    assertThat(Files.readString(home.resolve("README.txt"), StandardCharsets.UTF_8))
        .startsWith("Godwit " + VERSION + ":");
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("postgresql-"))
          .anyMatch(n -> n.startsWith("h2-"))
          .noneMatch(n -> n.startsWith("junit") || n.startsWith("godwit-testkit"));
    }
    // The zip holds the same files as the tar.gz.
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = new ZipFile(System.getProperty("godwit.dist.zip"))) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipped.add(e.getName()));
    }
    Set<String> unpacked = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(home)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !home.relativize(p).startsWith("cds"))
          .forEach(p -> unpacked.add("godwit-" + VERSION + "/" + home.relativize(p)));
    }
    assertThat(zipped).isEqualTo(unpacked);
  }

  @Test
  void runsWithoutMavenAndMakesItsClassDataSharingArchive() throws Exception {
    assertThat(command(root, "sh", "-c", "command -v mvn || echo none").out().trim())
        .isEqualTo("none");
    Run version = godwit(root, Map.of(), "--version");
    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).isEqualTo("godwit " + VERSION + "\n");
    assertThat(archives(home.resolve("cds"))).hasSize(1);
    // Through a symbolic link, as from /usr/local/bin.
    Path link = Files.createSymbolicLink(root.resolve("godwit-link"), home.resolve("bin/godwit"));
    Run linked = command(root, link.toString(), "--version");
    assertThat(linked.out()).isEqualTo("godwit " + VERSION + "\n");
    Run completion = godwit(root, Map.of(), "completion", "bash");
    assertThat(completion.out())
        .isEqualTo(
            Files.readString(home.resolve("completion/godwit.bash"), StandardCharsets.UTF_8));
  }

  @Test
  void migratesH2AndPrintsCleanJson() throws Exception {
    Path project = project("h2");
    String url = "jdbc:h2:file:" + project.resolve("db");
    Run migrate = godwit(project, Map.of("GODWIT_URL", url), "migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    Run info = godwit(project, Map.of("GODWIT_URL", url), "info", "--json");
    assertThat(info.exit()).as(info.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(info.out()); // stdout is nothing but the JSON
    assertThat(json.path("migrations").size()).isEqualTo(2);
    assertThat(json.path("migrations").get(1).path("state").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void migratesPostgres() throws Exception {
    PostgresServer server = PostgresServers.newest();
    String url = server.createDatabase();
    Path project = project("pg");
    Run migrate =
        godwit(project, Map.of(), "--url", url, "--user", server.user(), "migrate", "--json");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    assertThat(new ObjectMapper().readTree(migrate.out()).path("migrationsApplied").asInt())
        .isEqualTo(2);
    try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM bird")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("godwit");
    }
  }

  @Test
  void loadsJdbcDriversFromTheDriversFolder() throws Exception {
    // A copy of the installation, whose H2 driver moves from lib/ to drivers/.
    Path copy = root.resolve("drivers-copy");
    assertThat(command(root, "cp", "-a", home.toString(), copy.toString()).exit()).isZero();
    Path h2;
    try (Stream<Path> lib = Files.list(copy.resolve("lib"))) {
      h2 = lib.filter(p -> p.getFileName().toString().startsWith("h2-")).findFirst().orElseThrow();
    }
    Files.move(h2, copy.resolve("drivers").resolve(h2.getFileName()));
    Path project = project("drivers");
    String url = "jdbc:h2:file:" + project.resolve("db");
    Run migrate = run(copy, project, Map.of(), "--url", url, "migrate");
    assertThat(migrate.exit()).as(migrate.err()).isZero();
    List<Path> archives = archives(copy.resolve("cds"));
    assertThat(archives).hasSize(1); // made for these jars, the earlier one replaced

    Files.delete(copy.resolve("drivers").resolve(h2.getFileName()));
    Run noDriver = run(copy, project, Map.of(), "--url", url, "info");
    assertThat(noDriver.exit()).isEqualTo(4);
    assertThat(noDriver.err()).contains("No suitable driver");
    assertThat(archives(copy.resolve("cds"))).hasSize(1).doesNotContainAnyElementsOf(archives);
  }

  @Test
  void keepsItsArchiveInTheUsersCacheWhenTheInstallationIsReadOnly() throws Exception {
    Path copy = root.resolve("read-only");
    assertThat(command(root, "cp", "-a", home.toString(), copy.toString()).exit()).isZero();
    assertThat(command(root, "rm", "-rf", copy.resolve("cds").toString()).exit()).isZero();
    Path cache = Files.createDirectories(root.resolve("cache"));
    List<String> prefix = new ArrayList<>();
    boolean asRoot = "0".equals(command(copy, "id", "-u").out().trim());
    if (asRoot) {
      // Root may write anywhere: run as nobody, for whom the installation is read-only.
      assertThat(command(copy, "chown", "65534", cache.toString()).exit()).isZero();
      prefix.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    } else {
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    prefix.add(copy.resolve("bin/godwit").toString());
    prefix.add("--version");
    Run version =
        command(
            asRoot ? Path.of("/tmp") : copy,
            Map.of("XDG_CACHE_HOME", cache.toString()),
            prefix.toArray(String[]::new));
    assertThat(version.out()).as(version.err()).isEqualTo("godwit " + VERSION + "\n");
    assertThat(copy.resolve("cds")).doesNotExist();
    try (Stream<Path> walk = Files.walk(cache)) {
      assertThat(walk.filter(p -> p.toString().endsWith(".jsa")))
          .singleElement()
          .satisfies(p -> assertThat(p.getParent().getFileName().toString()).startsWith("cds-"));
    }
    if (!asRoot) {
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
      return;
    }
    // An archive made in the installation when it was installed (as root: a container image)
    // serves the unprivileged user as well: no second one in the cache.
    assertThat(run(copy, root, Map.of(), "--version").exit()).isZero();
    assertThat(archives(copy.resolve("cds"))).hasSize(1);
    assertThat(command(root, "rm", "-rf", cache.resolve("godwit").toString()).exit()).isZero();
    Run again =
        command(
            Path.of("/tmp"),
            Map.of("XDG_CACHE_HOME", cache.toString()),
            prefix.toArray(String[]::new));
    assertThat(again.out()).as(again.err()).isEqualTo("godwit " + VERSION + "\n");
    assertThat(cache.resolve("godwit")).doesNotExist();
  }

  private static List<Path> archives(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** A folder with db/migration holding two migrations that every database runs. */
  private static Path project(String name) throws IOException {
    Path project = Files.createDirectories(root.resolve("project-" + name));
    Path sql = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(
        sql.resolve("V1__birds.sql"),
        "CREATE TABLE bird (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        sql.resolve("V2__first.sql"),
        "INSERT INTO bird (id, name) VALUES (1, 'godwit');\n",
        StandardCharsets.UTF_8);
    return project;
  }

  private static Run godwit(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return run(home, dir, env, args);
  }

  private static Run run(Path install, Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(install.resolve("bin/godwit").toString());
    command.addAll(List.of(args));
    return command(dir, env, command.toArray(String[]::new));
  }

  private static Run command(Path dir, String... command) throws IOException, InterruptedException {
    return command(dir, Map.of(), command);
  }

  /** Runs a command with a Java runtime, a PATH without Maven, and nothing of the build's. */
  private static Run command(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(k -> k.startsWith("MAVEN") || k.startsWith("M2") || k.startsWith("GODWIT_"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    if (noMaven != null) {
      environment.put("PATH", noMaven.toString());
    }
    environment.put("HOME", root.toString());
    environment.putAll(env);
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A folder of links to every program on this PATH but Maven's. */
  private static Path pathWithoutMaven(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Path> programs = new HashMap<>();
    for (String entry :
        System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path folder = Path.of(entry);
      if (!Files.isDirectory(folder) || entry.contains("maven")) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (!name.startsWith("mvn") && Files.isExecutable(f) && !Files.isDirectory(f)) {
            programs.putIfAbsent(name, f);
          }
        }
      }
    }
    for (Map.Entry<String, Path> e : programs.entrySet()) {
      Files.createSymbolicLink(dir.resolve(e.getKey()), e.getValue());
    }
    return dir;
  }
}
