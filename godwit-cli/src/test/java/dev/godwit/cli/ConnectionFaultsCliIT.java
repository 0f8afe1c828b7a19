package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.godwit.testkit.FaultProxy;
import dev.godwit.testkit.FaultProxy.Fault;
import dev.godwit.testkit.FaultProxy.Moment;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's exit codes and JSON errors when the network fails it (a {@link FaultProxy}
 * between the CLI and PostgreSQL): 6 for a migration whose connection was lost, 11 for a lost lock
 * connection, 4 for a connection lost before anything migrated; the next run finishes.
 */
class ConnectionFaultsCliIT {
  @TempDir Path dir;

  private final PostgresServer pg = PostgresServers.newest();

  private Path migrations() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(
        sql.resolve("V2__fill.sql"),
        "INSERT INTO t VALUES (1);\nCREATE TABLE u AS SELECT 1 AS id FROM pg_sleep(0.3);\n");
    return sql;
  }

  private static CliRun migrate(String url, PostgresServer pg, Path sql) {
    return run(url, pg, sql, "--json", "migrate");
  }

  private static CliRun run(String url, PostgresServer pg, Path sql, String... command) {
    List<String> args = new ArrayList<>();
    args.addAll(List.of("--url", url, "--user", pg.user()));
    if (pg.password() != null) {
      args.addAll(List.of("--password", pg.password()));
    }
    args.addAll(List.of("--locations", sql.toString()));
    args.addAll(List.of(command));
    return CliRun.run(Map.of(), args.toArray(String[]::new));
  }

  private void assertFinishesAfterwards(String url, Path sql, int pending) {
    CliRun again = migrate(url, pg, sql);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(CliRunJson.intField(again.out(), "migrationsApplied")).isEqualTo(pending);
    CliRun validate = run(url, pg, sql, "validate");
    assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
  }

  @Test
  void aResetMigrationConnectionExitsSixSayingSo() throws Exception {
    String url = pg.createDatabase();
    Path sql = migrations();
    CliRun run;
    try (FaultProxy proxy = FaultProxy.forUrl(url)) {
      proxy.arm("CREATE TABLE u", Moment.AFTER, Fault.RESET, -1);
      run = migrate(proxy.url(url), pg, sql);
    }
    assertThat(run.exit()).as(run.err()).isEqualTo(6);
    JsonNode error = run.json().get("error");
    assertThat(error.get("code").asText()).isEqualTo("MIGRATION_FAILED");
    assertThat(error.get("message").asText())
        .contains("V2__fill.sql failed at line 2")
        .contains("Connection: the connection to the database was")
        .contains("nothing of this migration was applied");
    assertThat(run.err()).contains("Connection: the connection to the database was");
    assertFinishesAfterwards(url, sql, 1);
  }

  @Test
  void aCutLockConnectionExitsEleven() throws Exception {
    String url = pg.createDatabase();
    Path sql = migrations();
    CliRun run;
    try (FaultProxy proxy = FaultProxy.forUrl(url)) {
      FaultProxy.Trigger lock = proxy.watch("pg_try_advisory_lock");
      proxy.arm("CREATE TABLE u", Moment.AFTER, Fault.CUT, lock);
      run = migrate(proxy.url(url), pg, sql);
    }
    assertThat(run.exit()).as(run.err()).isEqualTo(11);
    assertThat(run.json().get("error").get("code").asText()).isEqualTo("LOCK_LOST");
    assertThat(run.json().get("error").get("message").asText())
        .contains("Lost the migration lock")
        .contains("before recording V2__fill.sql in the history (rolled back: not applied)");
    assertFinishesAfterwards(url, sql, 1);
  }

  @Test
  void aConnectionLostBeforeMigratingExitsFour() throws Exception {
    String url = pg.createDatabase();
    Path sql = migrations();
    CliRun run;
    try (FaultProxy proxy = FaultProxy.forUrl(url)) {
      // The trial history row Godwit writes and rolls back before the first migration.
      proxy.arm("\"success\") VALUES", Moment.BEFORE, Fault.CUT, -1);
      run = migrate(proxy.url(url), pg, sql);
    }
    assertThat(run.exit()).as(run.err()).isEqualTo(4);
    assertThat(run.json().get("error").get("message").asText())
        .contains("Could not check the history table before migrating")
        .contains("Run the command again once the database is reachable");
    assertFinishesAfterwards(url, sql, 2);
  }
}
