package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the linter reads from a live PostgreSQL (the newest embedded server): table sizes, also for
 * tables that were never analysed ({@code reltuples = -1}) and for partitioned parents, and
 * function volatility from {@code pg_proc}, which then decides volatile defaults.
 */
class LiveCatalogIT {
  private static PostgresServer server;
  private static String url;

  @BeforeAll
  static void createSchema() throws SQLException {
    server = PostgresServers.newest();
    url = server.createDatabase();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE never_analysed (id bigint, name text);"
              + " INSERT INTO never_analysed SELECT g, 'n' || g FROM generate_series(1, 20000) g;"
              + " CREATE TABLE empty_table (id bigint);"
              + " CREATE TABLE analysed (id int);"
              + " INSERT INTO analysed SELECT generate_series(1, 300); ANALYZE analysed;"
              + " CREATE TABLE events (id bigint, k int) PARTITION BY RANGE (k);"
              + " CREATE TABLE events_0 PARTITION OF events FOR VALUES FROM (0) TO (100);"
              + " INSERT INTO events_0 SELECT g, g % 100 FROM generate_series(1, 5000) g;"
              + " CREATE FUNCTION region_of_session() RETURNS text STABLE LANGUAGE sql"
              + " AS $$ SELECT 'eu' $$;"
              + " CREATE FUNCTION next_code() RETURNS text VOLATILE LANGUAGE sql"
              + " AS $$ SELECT md5(random()::text) $$;"
              + " CREATE TABLE orders (id bigint);"
              + " CREATE INDEX never_analysed_name_idx ON never_analysed (name);");
    }
  }

  /** The sizes as the core reads them for the linter ({@code Godwit.scripts()}), by table. */
  private static Map<String, TableSize> liveSizes() {
    try {
      Path empty = Files.createTempDirectory("godwit-live-catalog");
      return Godwit.configure()
          .url(url, server.user(), server.password())
          .locations("filesystem:" + empty)
          .load()
          .scripts()
          .tableSizes()
          .stream()
          .collect(Collectors.toMap(TableSize::table, t -> t, (a, b) -> a));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, server.user(), server.password());
  }

  @Test
  void aNeverAnalysedTableIsSizedFromItsPagesNotTakenForEmpty() throws SQLException {
    Map<String, TableSize> sizes = liveSizes();
    // Estimated from the pages: the right order of magnitude, far above the small-table threshold.
    assertThat(sizes.get("never_analysed").rows()).isBetween(5_000L, 80_000L);
    assertThat(sizes.get("never_analysed").bytes()).isPositive();
    assertThat(sizes.get("empty_table").rows()).isZero();
    assertThat(sizes.get("analysed").rows()).isEqualTo(300);
    assertThat(sizes.get("events").rows()).isBetween(1_000L, 20_000L);
    assertThat(sizes.get("events").bytes()).isPositive();
  }

  @Test
  void aNeverAnalysedLargeTableKeepsTheWarningWithLiveSizes() throws SQLException {
    LintOptions.Builder options = LintOptions.builder(SqlDialect.POSTGRES);
    options.tableSizes(liveSizes());
    LintReport report =
        Linter.lint(
            List.of(LintInput.of("V2__idx.sql", "CREATE INDEX n_idx ON never_analysed (name);\n")),
            options.build());
    assertThat(report.active())
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.WARN);
  }

  @Test
  void theCatalogDecidesTheVolatilityOfUserFunctions() throws SQLException {
    Map<String, FunctionVolatility> volatility;
    try (Connection c = connect()) {
      volatility = FunctionVolatility.read(c, SqlDialect.POSTGRES);
    }
    assertThat(volatility)
        .containsEntry("region_of_session/0", FunctionVolatility.STABLE)
        .containsEntry("public.next_code/0", FunctionVolatility.VOLATILE)
        .containsEntry("pg_catalog.now/0", FunctionVolatility.STABLE)
        .containsEntry("gen_random_uuid/0", FunctionVolatility.VOLATILE);
    LintOptions options =
        LintOptions.builder(SqlDialect.POSTGRES).functionVolatility(volatility).build();
    LintReport stable =
        Linter.lint(
            "V3__a.sql",
            "ALTER TABLE orders ADD COLUMN region text DEFAULT region_of_session();",
            options);
    LintReport volatileDefault =
        Linter.lint(
            "V3__b.sql", "ALTER TABLE orders ADD COLUMN code text DEFAULT next_code();", options);
    assertThat(stable.active()).isEmpty();
    assertThat(volatileDefault.active())
        .extracting(Finding::rule)
        .containsExactly("add-column-volatile-default");
  }

  @Test
  void reindexOfAnIndexNoMigrationCreatedFindsItsTableInTheCatalog() throws SQLException {
    LintOptions.Builder options =
        LintOptions.builder(SqlDialect.POSTGRES).smallTableRows(1_000_000);
    try (Connection c = connect()) {
      Map<String, String> indexTables = IndexTables.read(c, SqlDialect.POSTGRES);
      assertThat(indexTables).containsEntry("never_analysed_name_idx", "never_analysed");
      options.tableSizes(liveSizes()).indexTables(indexTables);
    }
    LintReport report =
        Linter.lint("V4__reindex.sql", "REINDEX INDEX never_analysed_name_idx;\n", options.build());
    // Sized through its table: below the (raised) small-table threshold, so info with the size.
    assertThat(report.active())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).contains("Table never_analysed has ~");
            });
  }
}
