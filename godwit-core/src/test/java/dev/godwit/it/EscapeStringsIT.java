package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration SQL reaches the server as written: for scripts full of escape strings, braces and
 * backslashes, the rows Godwit leaves are the rows psql or the mariadb client leave for the same
 * files, with batching on and off. JDBC escape processing would rewrite or reject several of them.
 */
class EscapeStringsIT {
  private static final Path SCRIPTS = resource("escapes");

  static List<PostgresServer> postgres() {
    return PostgresServers.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postgres")
  void postgresRowsMatchWhatPsqlLeaves(PostgresServer pg) throws Exception {
    Path dir = SCRIPTS.resolve("postgres");
    String byPsql = pg.createDatabase();
    String byGodwit = pg.createDatabase();
    String unbatched = pg.createDatabase();
    try {
      List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1"));
      command.addAll(psqlTarget(byPsql, pg.user()));
      for (Path script : scripts(dir)) {
        command.addAll(List.of("-f", script.toString()));
      }
      run(command, pg.password() == null ? Map.of() : Map.of("PGPASSWORD", pg.password()), null);

      Godwit.configure()
          .url(byGodwit, pg.user(), pg.password())
          .locations("filesystem:" + dir)
          .load()
          .migrate();
      Godwit.configure()
          .url(unbatched, pg.user(), pg.password())
          .locations("filesystem:" + dir)
          .set(ConfigKey.BATCH_SIZE, 1)
          .load()
          .migrate();

      Map<Integer, String> expected = rows(byPsql, pg.user(), pg.password());
      assertThat(expected).hasSize(10).containsEntry(1, "a'b'c").containsEntry(4, "C:\\path\\\\");
      assertThat(expected.get(3)).isEqualTo("A\u00e9\tA");
      assertThat(rows(byGodwit, pg.user(), pg.password())).isEqualTo(expected);
      assertThat(rows(unbatched, pg.user(), pg.password())).isEqualTo(expected);
    } finally {
      pg.dropDatabase(byPsql);
      pg.dropDatabase(byGodwit);
      pg.dropDatabase(unbatched);
    }
  }

  @Test
  void mariaDbRowsMatchWhatTheMariadbClientLeaves() throws Exception {
    Optional<MariaDbServer> found = MariaDbServer.find();
    if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI must not skip MariaDB: " + MariaDbServer.unavailableReason());
    }
    Assumptions.assumeTrue(found.isPresent(), MariaDbServer::unavailableReason);
    MariaDbServer m = found.get();
    Path dir = SCRIPTS.resolve("mariadb");
    String byClient = m.createDatabase();
    String byGodwit = m.createDatabase();
    String unbatched = m.createDatabase();
    try {
      URI uri = new URI(byClient.substring("jdbc:".length()));
      List<String> command =
          new ArrayList<>(
              List.of(
                  "mariadb",
                  "--protocol=TCP",
                  "-h",
                  uri.getHost(),
                  "-P",
                  String.valueOf(uri.getPort() < 0 ? 3306 : uri.getPort()),
                  "-u",
                  m.user(),
                  MariaDbServer.databaseOf(byClient)));
      Map<String, String> env =
          m.password() == null || m.password().isEmpty()
              ? Map.of()
              : Map.of("MYSQL_PWD", m.password());
      StringBuilder all = new StringBuilder();
      for (Path script : scripts(dir)) {
        all.append(Files.readString(script)).append('\n');
      }
      run(command, env, all.toString());

      Godwit.configure()
          .url(byGodwit, m.user(), m.password())
          .locations("filesystem:" + dir)
          .load()
          .migrate();
      Godwit.configure()
          .url(unbatched, m.user(), m.password())
          .locations("filesystem:" + dir)
          .set(ConfigKey.BATCH_SIZE, 1)
          .load()
          .migrate();

      Map<Integer, String> expected = rows(byClient, m.user(), m.password());
      assertThat(expected).hasSize(11).containsEntry(1, "a'b'c").containsEntry(5, "escaped");
      assertThat(expected.get(20)).startsWith("C:\\path\\to \\n");
      assertThat(rows(byGodwit, m.user(), m.password())).isEqualTo(expected);
      assertThat(rows(unbatched, m.user(), m.password())).isEqualTo(expected);
    } finally {
      m.dropDatabase(byClient);
      m.dropDatabase(byGodwit);
      m.dropDatabase(unbatched);
    }
  }

  private static List<String> psqlTarget(String jdbcUrl, String user) throws URISyntaxException {
    URI uri = new URI(jdbcUrl.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    return List.of(
        "-h",
        uri.getHost(),
        "-p",
        String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
        "-U",
        user,
        "-d",
        database);
  }

  private static List<Path> scripts(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static void run(List<String> command, Map<String, String> env, String stdin)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    File out = File.createTempFile("escapes", ".log");
    out.deleteOnExit();
    pb.redirectOutput(out);
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.start();
    if (stdin != null) {
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
    assertThat(p.exitValue())
        .as("%s failed:%n%s", command.get(0), Files.readString(out.toPath()))
        .isZero();
  }

  private static Map<Integer, String> rows(String url, String user, String password)
      throws SQLException {
    Map<Integer, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, v FROM t ORDER BY id")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getString(2));
      }
    }
    return out;
  }

  private static Path resource(String name) {
    try {
      return Paths.get(EscapeStringsIT.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
