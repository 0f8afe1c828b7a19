package dev.godwit.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import dev.godwit.junit.GodwitUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tests every database runs (subclasses say which database): a test that writes rows leaves
 * none behind for the next, every way of injecting reaches the same copy, and each copy is
 * migrated. Runs only inside EngineTestKit (see GodwitExtensionIT), which reads {@link #URLS}
 * afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class IsolationChecks {

  /** The URL of every copy handed out, for the cleanup check. */
  static final List<String> URLS = new CopyOnWriteArrayList<>();

  private final String constructorUrl;
  private String beforeEachUrl;

  IsolationChecks(@GodwitUrl String url) {
    this.constructorUrl = url;
  }

  @BeforeEach
  void recordUrl(@GodwitUrl String url) {
    beforeEachUrl = url;
    URLS.add(url);
  }

  @Test
  @Order(1)
  void writesRowsIntoItsOwnCopy(DataSource dataSource, @GodwitUrl String url) throws SQLException {
    assertThat(url).isEqualTo(constructorUrl).isEqualTo(beforeEachUrl);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM bird")).isEqualTo(1);
      s.executeUpdate("INSERT INTO bird (id, name) VALUES (2, 'curlew')");
      s.executeUpdate("INSERT INTO nest (id, bird_id) VALUES (1, 2)");
      assertThat(count(s, "SELECT COUNT(*) FROM bird")).isEqualTo(2);
    }
  }

  @Test
  @Order(2)
  void seesNoRowsOfTheTestBefore(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM bird")).isEqualTo(1);
      assertThat(count(s, "SELECT COUNT(*) FROM nest")).isZero();
      // Would fail on the primary key if the row of the test before had leaked.
      s.executeUpdate("INSERT INTO bird (id, name) VALUES (2, 'whimbrel')");
    }
  }

  @Test
  @Order(3)
  void getsAMigratedCopyWithItsHistory(Godwit godwit, @GodwitUrl String url) {
    assertThat(url).isEqualTo(constructorUrl);
    assertThat(godwit.config().url()).isEqualTo(url);
    assertThat(godwit.info().migrations())
        .extracting(m -> m.version())
        .containsExactly("1", "2", "3");
    assertThat(godwit.migrate().applied()).isEmpty();
  }

  @Test
  @Order(4)
  void dropsTablesWithoutHarmToOthers(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE nest");
    }
  }

  @Test
  @Order(5)
  void stillHasTheTableDroppedBefore(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM nest")).isZero();
    }
  }

  static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
