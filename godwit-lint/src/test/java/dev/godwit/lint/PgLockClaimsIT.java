package dev.godwit.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.sql.SqlDialect;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the lock claims of the rule messages against a real PostgreSQL (the newest embedded
 * server), as appendix A of the rule catalog verified them: connection A runs the statement in an
 * open transaction, connection B reads A's relation locks from {@code pg_locks}. Relfilenode
 * changes seen inside A's transaction show rewrites. Each claim also lints the statement and checks
 * that the finding names the same lock.
 */
class PgLockClaimsIT {
  private static final String SCHEMA =
      String.join(
          "\n",
          "CREATE TABLE parent (id bigint PRIMARY KEY, name text NOT NULL);",
          "INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 1000) g;",
          "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint, x integer,"
              + " name varchar(20));",
          "INSERT INTO child SELECT g, 1 + g % 1000, g, 'c' FROM generate_series(1, 5000) g;",
          "CREATE INDEX child_parent_idx ON child (parent_id);",
          "CREATE TABLE fkchild (id bigint PRIMARY KEY, parent_id bigint REFERENCES parent (id));",
          "CREATE TABLE nopk (id bigint NOT NULL, v text);",
          "INSERT INTO nopk SELECT g, 'v' FROM generate_series(1, 100) g;",
          "CREATE MATERIALIZED VIEW child_totals AS SELECT parent_id, count(*) AS n FROM child"
              + " GROUP BY parent_id;",
          "CREATE TABLE measurements (at date NOT NULL, v int) PARTITION BY RANGE (at);",
          "CREATE TABLE measurements_2020 PARTITION OF measurements"
              + " FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
          "CREATE TYPE mood AS ENUM ('sad', 'ok');",
          "CREATE TABLE diary (id bigint PRIMARY KEY, m mood);");

  private static PostgresServer server;
  private static String url;

  @BeforeAll
  static void createSchema() throws SQLException {
    server = PostgresServers.newest();
    url = server.createDatabase();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(SCHEMA);
    }
  }

  @AfterAll
  static void done() {
    server = null;
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, server.user(), server.password());
  }

  /**
   * One claim.
   *
   * @param rule the rule whose message makes it
   * @param sql the statement(s), run in one transaction
   * @param locks relation name to the lock mode A must hold on it (pg_locks.mode)
   * @param rewrite whether the table {@code rewriteOf} gets a new relfilenode; null to not check
   * @param mentions text the rule's message must contain, or null when the rule must not fire
   */
  record Claim(
      String rule,
      String sql,
      Map<String, String> locks,
      String rewriteOf,
      Boolean rewrite,
      String mentions) {
    @Override
    public String toString() {
      return rule + ": " + sql;
    }
  }

  static Stream<Claim> claims() {
    String ae = "AccessExclusiveLock";
    return Stream.of(
        new Claim(
            "create-index-non-concurrently",
            "CREATE INDEX child_x_idx ON child (x)",
            Map.of("child", "ShareLock"),
            null,
            null,
            "SHARE lock"),
        new Claim(
            "drop-index-non-concurrently",
            "DROP INDEX child_parent_idx",
            Map.of("child", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock on child"),
        new Claim(
            "reindex-non-concurrently",
            "REINDEX INDEX child_parent_idx",
            Map.of("child", "ShareLock", "child_parent_idx", ae),
            null,
            null,
            "SHARE lock on the table"),
        new Claim(
            "detach-partition-non-concurrently",
            "ALTER TABLE measurements DETACH PARTITION measurements_2020",
            Map.of("measurements", ae, "measurements_2020", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock on measurements"),
        new Claim(
            "refresh-matview-non-concurrently",
            "REFRESH MATERIALIZED VIEW child_totals",
            Map.of("child_totals", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock on the view"),
        new Claim(
            "add-column-volatile-default",
            "ALTER TABLE child ADD COLUMN token uuid DEFAULT gen_random_uuid()",
            Map.of("child", ae),
            "child",
            true,
            "rewrites the whole table"),
        new Claim(
            "add-column-volatile-default",
            "ALTER TABLE child ADD COLUMN created timestamptz NOT NULL DEFAULT now()",
            Map.of("child", ae),
            "child",
            false,
            null),
        new Claim(
            "add-column-auto-increment",
            "ALTER TABLE child ADD COLUMN seq bigserial",
            Map.of("child", ae),
            "child",
            true,
            "rewrites child"),
        new Claim(
            "add-column-auto-increment",
            "ALTER TABLE child ADD COLUMN ident bigint GENERATED ALWAYS AS IDENTITY",
            Map.of("child", ae),
            "child",
            true,
            "ACCESS EXCLUSIVE"),
        new Claim(
            "add-column-stored-generated",
            "ALTER TABLE child ADD COLUMN x2 integer GENERATED ALWAYS AS (x * 2) STORED",
            Map.of("child", ae),
            "child",
            true,
            "rewrites the table under an ACCESS EXCLUSIVE"),
        new Claim(
            "set-not-null",
            "ALTER TABLE child ALTER COLUMN x SET NOT NULL",
            Map.of("child", ae),
            "child",
            false,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "add-check-constraint",
            "ALTER TABLE child ADD CONSTRAINT child_x_pos CHECK (x >= 0)",
            Map.of("child", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "add-foreign-key",
            "ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id)"
                + " REFERENCES parent (id)",
            Map.of("child", "ShareRowExclusiveLock", "parent", "ShareRowExclusiveLock"),
            null,
            null,
            "SHARE ROW EXCLUSIVE locks on both tables"),
        new Claim(
            "validate-constraint-same-transaction",
            "ALTER TABLE child ADD CONSTRAINT child_x_pos CHECK (x >= 0) NOT VALID;"
                + "ALTER TABLE child VALIDATE CONSTRAINT child_x_pos",
            Map.of("child", ae),
            null,
            null,
            "locked child in ACCESS EXCLUSIVE mode"),
        new Claim(
            "add-unique-constraint",
            "ALTER TABLE child ADD CONSTRAINT child_id_key UNIQUE (id)",
            Map.of("child", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "add-primary-key",
            "ALTER TABLE nopk ADD PRIMARY KEY (id)",
            Map.of("nopk", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "add-exclusion-constraint",
            "ALTER TABLE child ADD CONSTRAINT child_ex EXCLUDE USING btree (id WITH =)",
            Map.of("child", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "change-column-type",
            "ALTER TABLE child ALTER COLUMN x TYPE bigint",
            Map.of("child", ae),
            "child",
            true,
            "rewrites the table"),
        new Claim(
            "change-column-type",
            "ALTER TABLE child ALTER COLUMN name TYPE varchar(50)",
            Map.of("child", ae),
            "child",
            false,
            null),
        new Claim(
            "table-rewrite",
            "ALTER TABLE child SET UNLOGGED",
            Map.of("child", ae),
            "child",
            true,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "table-rewrite",
            "CLUSTER child USING child_pkey",
            Map.of("child", ae),
            "child",
            true,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "explicit-lock-table",
            "LOCK TABLE child",
            Map.of("child", ae),
            null,
            null,
            "blocks every read and write"),
        new Claim(
            "truncate-table",
            "TRUNCATE child",
            Map.of("child", ae),
            "child",
            true,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "drop-table",
            "DROP TABLE fkchild",
            Map.of("fkchild", ae, "parent", ae),
            null,
            null,
            "ACCESS EXCLUSIVE, and also parent"),
        new Claim(
            "drop-column",
            "ALTER TABLE child DROP COLUMN name",
            Map.of("child", ae),
            "child",
            false,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "drop-not-null",
            "ALTER TABLE parent ALTER COLUMN name DROP NOT NULL",
            Map.of("parent", ae),
            null,
            null,
            "ACCESS EXCLUSIVE lock"),
        new Claim(
            "rename-column",
            "ALTER TABLE child RENAME COLUMN name TO title",
            Map.of("child", ae),
            null,
            null,
            "breaks the application version"),
        new Claim(
            "backfill-in-ddl-transaction",
            "ALTER TABLE child ADD COLUMN flag boolean;"
                + "UPDATE child SET flag = true WHERE id < 100",
            Map.of("child", ae),
            null,
            null,
            "ACCESS EXCLUSIVE mode"));
  }

  @ParameterizedTest
  @MethodSource("claims")
  void lockClaimHoldsOnRealPostgres(Claim claim) throws SQLException {
    try (Connection a = connect();
        Connection b = connect()) {
      a.setAutoCommit(false);
      int pid = pid(a);
      long before = claim.rewriteOf() == null ? 0 : relfilenode(a, claim.rewriteOf());
      try (Statement s = a.createStatement()) {
        for (String sql : claim.sql().split(";")) {
          s.execute(sql);
        }
      }
      Map<String, Set<String>> held = locks(b, pid);
      for (Map.Entry<String, String> e : claim.locks().entrySet()) {
        assertThat(held.getOrDefault(e.getKey(), Set.of()))
            .as("locks on %s held by %s", e.getKey(), claim.sql())
            .contains(e.getValue());
      }
      if (claim.rewrite() != null) {
        assertThat(relfilenode(a, claim.rewriteOf()) != before)
            .as("%s rewrites %s", claim.sql(), claim.rewriteOf())
            .isEqualTo(claim.rewrite());
      }
      a.rollback();
    }
    List<Finding> findings = lint(claim.sql().replace(";", ";\n"));
    List<Finding> mine = findings.stream().filter(f -> f.rule().equals(claim.rule())).toList();
    if (claim.mentions() == null) {
      assertThat(mine).as("%s must not fire", claim.rule()).isEmpty();
    } else {
      assertThat(mine).as("%s fires", claim.rule()).isNotEmpty();
      assertThat(mine.get(0).message()).contains(claim.mentions());
    }
  }

  @Test
  void concurrentStatementsFailInsideATransactionBlock() throws SQLException {
    try (Connection a = connect()) {
      a.setAutoCommit(false);
      try (Statement s = a.createStatement()) {
        assertThatThrownBy(() -> s.execute("CREATE INDEX CONCURRENTLY child_x2 ON child (x)"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25001"));
      }
      a.rollback();
    }
    String sql = "BEGIN;\nCREATE INDEX CONCURRENTLY child_x2 ON child (x);\nCOMMIT;\n";
    assertThat(lint(sql))
        .extracting(Finding::rule)
        .contains("statement-not-allowed-in-transaction");
  }

  @Test
  void newEnumLabelCannotBeUsedBeforeCommit() throws SQLException {
    String sql = "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE diary SET m = 'meh' WHERE id = 1;\n";
    try (Connection a = connect()) {
      a.setAutoCommit(false);
      try (Statement s = a.createStatement()) {
        s.execute("ALTER TYPE mood ADD VALUE 'meh'");
        assertThatThrownBy(() -> s.execute("UPDATE diary SET m = 'meh' WHERE id = 1"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P04"));
      }
      a.rollback();
    }
    assertThat(lint(sql)).extracting(Finding::rule).contains("enum-value-add-in-transaction");
  }

  @Test
  void createIndexConcurrentlyTakesShareUpdateExclusive() throws Exception {
    // An open transaction makes the concurrent build wait, so its lock can be observed.
    try (Connection old = connect();
        Connection a = connect();
        Connection b = connect()) {
      old.setAutoCommit(false);
      try (Statement s = old.createStatement()) {
        s.execute("SELECT count(*) FROM parent");
      }
      int pid = pid(a);
      CompletableFuture<Void> build =
          CompletableFuture.runAsync(
              () -> {
                try (Statement s = a.createStatement()) {
                  s.execute("CREATE INDEX CONCURRENTLY child_name_idx ON child (name)");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Set<String> modes = Set.of();
      for (int i = 0; i < 200 && !modes.contains("ShareUpdateExclusiveLock"); i++) {
        modes = locks(b, pid).getOrDefault("child", Set.of());
        if (!modes.contains("ShareUpdateExclusiveLock")) {
          Thread.onSpinWait();
          try (Statement s = b.createStatement()) {
            s.execute("SELECT pg_sleep(0.05)");
          }
        }
      }
      assertThat(modes).contains("ShareUpdateExclusiveLock").doesNotContain("ShareLock");
      old.rollback();
      build.get();
      try (Statement s = b.createStatement()) {
        s.execute("DROP INDEX CONCURRENTLY child_name_idx");
      }
    }
  }

  @Test
  void lockTimeoutMakesAWaitingAlterFailInsteadOfQueueing() throws Exception {
    try (Connection holder = connect();
        Connection migration = connect()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("SELECT count(*) FROM child");
      }
      try (Statement s = migration.createStatement()) {
        s.execute("SET lock_timeout = '200ms'");
        assertThatThrownBy(() -> s.execute("ALTER TABLE child ADD COLUMN waits int"))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
      }
      holder.rollback();
    }
    LintOptions opts =
        LintOptions.builder(SqlDialect.POSTGRES).enable("missing-lock-timeout").build();
    assertThat(
            Linter.lint(
                    List.of(
                        LintInput.of("V1__schema.sql", SCHEMA).asApplied(),
                        LintInput.of("V2__alter.sql", "ALTER TABLE child ADD COLUMN waits int;")),
                    opts)
                .findings())
        .extracting(Finding::rule)
        .contains("missing-lock-timeout");
  }

  private static List<Finding> lint(String sql) {
    return Linter.lint(
            List.of(
                LintInput.of("V1__schema.sql", SCHEMA).asApplied(),
                LintInput.of("V2__claim.sql", sql + "\n")),
            LintOptions.builder(SqlDialect.POSTGRES).version("18").build())
        .findings();
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    }
  }

  private static long relfilenode(Connection c, String table) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT relfilenode FROM pg_class WHERE relname = ?")) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Relation name to the lock modes {@code pid} holds on it. */
  private static Map<String, Set<String>> locks(Connection observer, int pid) throws SQLException {
    Map<String, Set<String>> out = new HashMap<>();
    try (PreparedStatement p =
        observer.prepareStatement(
            "SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE l.pid = ? AND l.granted")) {
      p.setInt(1, pid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
        }
      }
    }
    return out;
  }
}
