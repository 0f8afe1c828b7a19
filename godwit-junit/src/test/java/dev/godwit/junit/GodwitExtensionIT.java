package dev.godwit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.godwit.junit.samples.BrokenSample;
import dev.godwit.junit.samples.EmbeddedPostgresSample;
import dev.godwit.junit.samples.H2Sample;
import dev.godwit.junit.samples.MariaDbSample;
import dev.godwit.junit.samples.MisusedSample;
import dev.godwit.junit.samples.RegisteredSample;
import dev.godwit.junit.samples.Samples;
import dev.godwit.junit.samples.ServerPostgresSample;
import dev.godwit.junit.samples.SqliteSample;
import dev.godwit.junit.samples.UnsetVariableSample;
import dev.godwit.testkit.MariaDbServer;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the sample test classes with the real JUnit engine and checks their outcome: every sample
 * test passes (they prove isolation between tests themselves), and afterwards no copy or template
 * is left.
 */
class GodwitExtensionIT {

  private static final int CHECKS = 5;

  @BeforeEach
  void forget() {
    Samples.reset();
  }

  @Test
  void h2CopiesAreIsolatedAndDeleted() {
    run(H2Sample.class).assertStatistics(s -> s.started(CHECKS).succeeded(CHECKS).failed(0));
    List<String> urls = distinctCopies();
    for (String url : urls) {
      Path file = Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db");
      assertThat(file).doesNotExist();
      assertThat(file.getParent()).doesNotExist(); // the template's folder went at the end
    }
  }

  @Test
  void sqliteCopiesAreIsolatedAndDeleted() {
    run(SqliteSample.class).assertStatistics(s -> s.started(CHECKS).succeeded(CHECKS).failed(0));
    for (String url : distinctCopies()) {
      Path file = Path.of(url.substring("jdbc:sqlite:".length()));
      assertThat(file).doesNotExist();
      assertThat(file.getParent()).doesNotExist();
    }
  }

  @Test
  void embeddedPostgresCopiesAreIsolatedAndDropped() throws SQLException {
    PostgresServer server = PostgresServers.embedded();
    long before = databases(server);
    run(EmbeddedPostgresSample.class)
        .assertStatistics(s -> s.started(CHECKS).succeeded(CHECKS).failed(0));
    assertNoDatabases(server.adminUrl(), server.user(), server.password(), distinctCopies());
    // This JVM's own server: nobody else made databases on it meanwhile, so the template is gone
    // when the count is back where it was.
    assertThat(databases(server)).isEqualTo(before);
  }

  @Test
  void serverPostgresWhenConfigured() throws SQLException {
    Events tests = run(ServerPostgresSample.class);
    String url = System.getenv("GODWIT_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      assertThat(System.getenv("CI"))
          .as("GODWIT_TEST_POSTGRES_URL is not set")
          .isNotEqualTo("true");
      tests.assertStatistics(s -> s.started(0));
      assertThat(skipReasons(ServerPostgresSample.class))
          .containsExactly(
              "@GodwitTest needs GODWIT_TEST_POSTGRES_URL (a system property or"
                  + " environment variable), which is not set");
      return;
    }
    tests.assertStatistics(s -> s.started(CHECKS).succeeded(CHECKS).failed(0));
    String user = System.getenv().getOrDefault("GODWIT_TEST_POSTGRES_USER", "postgres");
    String password = System.getenv().getOrDefault("GODWIT_TEST_POSTGRES_PASSWORD", "");
    assertNoDatabases(url, user, password, distinctCopies());
  }

  @Test
  void mariaDbCopiesAreIsolatedAndDropped() throws SQLException {
    if (MariaDbServer.find().isEmpty()) {
      assertThat(System.getenv("CI")).as(MariaDbServer.unavailableReason()).isNotEqualTo("true");
      return;
    }
    run(MariaDbSample.class).assertStatistics(s -> s.started(CHECKS).succeeded(CHECKS).failed(0));
    MariaDbServer server = MariaDbServer.find().orElseThrow();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:3306/", server.user(), server.password());
        PreparedStatement p =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
      for (String url : distinctCopies()) {
        p.setString(1, MariaDbServer.databaseOf(url));
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).as(url).isZero();
        }
      }
    }
  }

  @Test
  void builderSettingsReachTheMigration() {
    run(RegisteredSample.class).assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void aMethodRunOnceForTheClassCannotHaveADatabase() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(MisusedSample.class))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("gives each test its own database")
                                && m.contains("once")))));
  }

  @Test
  void aFailingMigrationFailsEveryTestWithItsCause() {
    run(BrokenSample.class)
        .assertStatistics(s -> s.started(2).failed(2))
        .assertThatEvents()
        .haveExactly(
            2,
            event(
                test(),
                finishedWithFailure(
                    message(
                        m ->
                            m.contains("Could not migrate the template database")
                                && m.contains("V2__syntax_error.sql")))));
  }

  @Test
  void anUnsetVariableSkipsTheClassSayingWhich() {
    run(UnsetVariableSample.class).assertStatistics(s -> s.started(0));
    assertThat(skipReasons(UnsetVariableSample.class))
        .singleElement()
        .asString()
        .contains("GODWIT_JUNIT_SURELY_UNSET_VARIABLE");
  }

  private static List<String> skipReasons(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .containerEvents()
        .skipped()
        .stream()
        .map(e -> e.getPayload(String.class).orElse(""))
        .toList();
  }

  private static Events run(Class<?> sample) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(sample))
        .execute()
        .testEvents();
  }

  private static long databases(PostgresServer server) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
        PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM pg_database");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** One URL per test: five tests, five copies. */
  private static List<String> distinctCopies() {
    List<String> urls = Samples.urls();
    assertThat(urls).hasSize(CHECKS).doesNotHaveDuplicates();
    return urls;
  }

  private static void assertNoDatabases(
      String adminUrl, String user, String password, List<String> copies) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        PreparedStatement p =
            c.prepareStatement("SELECT COUNT(*) FROM pg_database WHERE datname = ?")) {
      for (String url : copies) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        p.setString(1, path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).as(url).isZero();
        }
      }
    }
  }
}
