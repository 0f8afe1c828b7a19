package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.PlanResult;
import dev.godwit.api.StatementLockTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounded lock waits on real servers: a session holding a lock on a table makes a migration's
 * statement time out and retry, the application's queries wait at most about lockTimeout each, and
 * the migration completes once the session ends; when the retries run out, nothing is applied
 * beyond what the progress table records.
 */
class LockRetryIT {
  @TempDir Path dir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  static List<TestDatabase.Factory> servers() {
    List<TestDatabase.Factory> out = new ArrayList<>(TestDatabase.postgresFactories());
    out.addAll(TestDatabase.mariaDbFactories());
    return out;
  }

  static List<TestDatabase.Factory> postgres() {
    return TestDatabase.postgresFactories();
  }

  static List<TestDatabase.Factory> mariaDb() {
    return TestDatabase.mariaDbFactories();
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(dir.resolve(name), sql);
  }

  /** Table t with some rows, applied as V1. */
  private void tableT(TestDatabase db) throws IOException {
    write(
        "V1__t.sql",
        "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20));\n"
            + "INSERT INTO t VALUES (1, 'a');\nINSERT INTO t VALUES (2, 'b');\n");
    assertThat(db.configure(dir).target("1").load().migrate().applied()).hasSize(1);
  }

  /**
   * A session that read t in a transaction it keeps open, like a long report: it holds ACCESS SHARE
   * on PostgreSQL and a shared metadata lock on MariaDB until it commits.
   */
  static final class Blocker implements AutoCloseable {
    final Connection c;
    final long id;

    Blocker(TestDatabase db) throws SQLException {
      Properties props = new Properties();
      props.setProperty("user", db.user());
      props.setProperty("password", db.password());
      props.setProperty("ApplicationName", "report-job");
      c = DriverManager.getConnection(db.url(), props);
      String me =
          db.kind() == TestDatabase.Kind.POSTGRES
              ? "SELECT pg_backend_pid()"
              : "SELECT CONNECTION_ID()";
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(me)) {
        rs.next();
        id = rs.getLong(1);
      }
      c.setAutoCommit(false);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
      }
    }

    void release() {
      try {
        c.commit();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  /** Application threads reading t in a loop, each read timed. */
  static final class Readers implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private volatile boolean stop;

    Readers(TestDatabase db, int count) {
      for (int i = 0; i < count; i++) {
        Thread t =
            new Thread(
                () -> {
                  try (Connection c = db.connect();
                      Statement st = c.createStatement()) {
                    while (!stop) {
                      long start = System.nanoTime();
                      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
                        rs.next();
                      }
                      longest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                      reads.incrementAndGet();
                      Thread.sleep(20);
                    }
                  } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                },
                "reader-" + i);
        t.start();
        threads.add(t);
      }
    }

    long longestMillis() {
      return longest.get();
    }

    long reads() {
      return reads.get();
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      for (Thread t : threads) {
        t.join(10_000);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void aBlockedMigrationRetriesUntilTheBlockerEndsAndReadersWaitAtMostTheBound(
      TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    tableT(db);
    write("V2__note.sql", "ALTER TABLE t ADD COLUMN note VARCHAR(20) NULL;\n");
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    // MariaDB counts lock waits in whole seconds.
    long bound = pg ? 300 : 1000;
    Godwit godwit =
        db.configure(dir)
            .set(ConfigKey.LOCK_TIMEOUT, bound + "ms")
            .set(ConfigKey.LOCK_RETRIES, 20)
            .load();
    long held = 3000;
    try (Blocker blocker = new Blocker(db);
        LogCapture log = new LogCapture()) {
      long start = System.nanoTime();
      timer.schedule(blocker::release, held, TimeUnit.MILLISECONDS);
      long readerLongest;
      long readerCount;
      try (Readers readers = new Readers(db, 2)) {
        assertThat(godwit.migrate().applied()).hasSize(1);
        readerLongest = readers.longestMillis();
        readerCount = readers.reads();
      }
      long took = (System.nanoTime() - start) / 1_000_000;
      assertThat(took).as("it waited for the blocker").isGreaterThanOrEqualTo(held - 100);
      // The pause before a retry ends early once the blocker's transaction has ended.
      assertThat(took).as("and finished right after it").isLessThan(held + 2000);
      // Without a lock timeout the readers would queue behind the ALTER for the whole 3 s.
      assertThat(readerLongest).as("longest read, ms").isLessThan(bound + 700);
      assertThat(readerCount).isGreaterThan(10);
      assertThat(log.text())
          .contains("V2__note.sql:1 ALTER TABLE t ADD COLUMN note")
          .contains("lock timeout after")
          .contains("attempt 1 of 21")
          // MariaDB commits DDL at once: the migration runs without a transaction.
          .contains(pg ? "retrying the migration in" : "retrying the statement in")
          .contains("or as soon as the blockers end");
      if (pg) {
        assertThat(log.text())
            .contains("blocked by pid " + blocker.id + " (application 'report-job'");
      } else {
        assertThat(log.text()).contains("blocked by connection " + blocker.id + " (");
      }
    }
    assertThat(db.query("SELECT COUNT(note) FROM t")).isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void exhaustedRetriesStopWithTheLockTimeoutCodeAndNothingApplied(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    tableT(db);
    write("V2__two.sql", "CREATE TABLE a (id INT);\nALTER TABLE t ADD COLUMN c INT;\n");
    Godwit godwit =
        db.configure(dir)
            .set(ConfigKey.LOCK_TIMEOUT, "200ms")
            .set(ConfigKey.LOCK_RETRIES, 2)
            .load();
    try (Blocker blocker = new Blocker(db)) {
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              StatementLockTimeoutException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_LOCK_TIMEOUT);
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.sqlState()).isEqualTo("55P03");
                assertThat(e.alreadyRun()).isEmpty();
                assertThat(e.blockers())
                    .singleElement()
                    .asString()
                    .startsWith("pid " + blocker.id + " (application 'report-job'")
                    .contains("idle in transaction")
                    .contains("query 'SELECT COUNT(*) FROM t'");
                assertThat(e.getMessage())
                    .contains("Migration " + dir.resolve("V2__two.sql"))
                    .contains("Statement: ALTER TABLE t ADD COLUMN c INT")
                    .contains("gave up after 3 attempts")
                    .contains("lock_timeout 200ms, up to 2 retries of the whole migration")
                    .contains("Blocked by: pid " + blocker.id)
                    .contains("Rolled back: nothing of this migration was applied")
                    .contains("SELECT pg_terminate_backend(" + blocker.id + ")")
                    .contains("lockRetries")
                    .contains("--lock-timeout");
              });
    }
    assertThat(db.tableExists("a")).isFalse();
    MigrationInfo v2 = godwit.info().migrations().get(1);
    assertThat(v2.state()).isEqualTo(MigrationState.PENDING);
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history WHERE version = '2'"))
        .isEqualTo("0");
    assertThat(godwit.migrate().applied()).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("mariaDb")
  void exhaustedRetriesOnMariaDbKeepExactlyTheRecordedStatementsAndResumeFinishes(
      TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    tableT(db);
    write(
        "V2__three.sql",
        "CREATE TABLE a (id INT);\nALTER TABLE t ADD COLUMN c INT NULL;\nCREATE TABLE b (id INT);\n");
    Godwit godwit =
        db.configure(dir).set(ConfigKey.LOCK_TIMEOUT, "1s").set(ConfigKey.LOCK_RETRIES, 1).load();
    try (Blocker blocker = new Blocker(db)) {
      assertThatThrownBy(godwit::migrate)
          .isInstanceOfSatisfying(
              StatementLockTimeoutException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.alreadyRun())
                    .containsExactly("V2__three.sql:1 CREATE TABLE a (id INT)");
                assertThat(e.blockers())
                    .anySatisfy(b -> assertThat(b).startsWith("connection " + blocker.id + " ("));
                assertThat(e.getMessage())
                    .contains("1 of 3 statements are applied")
                    .contains("run 'migrate --resume'")
                    .contains("KILL " + blocker.id);
              });
      MigrationInfo v2 = godwit.info().migrations().get(1);
      assertThat(v2.state()).isEqualTo(MigrationState.FAILED);
      assertThat(v2.statementsApplied()).isEqualTo(1);
      assertThat(db.tableExists("a")).isTrue();
      assertThat(db.tableExists("b")).isFalse();
      assertThat(
              db.query(
                  "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'c'"
                      + " AND TABLE_SCHEMA = DATABASE()"))
          .isEqualTo("0");
      blocker.release();
      assertThat(godwit.resume().applied()).extracting(a -> a.statements()).containsExactly(2);
    }
    assertThat(db.tableExists("b")).isTrue();
    assertThat(db.query("SELECT COUNT(c) FROM t")).isEqualTo("0");
  }

  @ParameterizedTest
  @MethodSource("postgres")
  void aLockTimeoutTheScriptSetsItselfIsTheOneThatApplies(TestDatabase.Factory f) throws Exception {
    TestDatabase db = f.create().get();
    tableT(db);
    write("V2__own.sql", "SET lock_timeout = '1500ms';\nALTER TABLE t ADD COLUMN c INT;\n");
    Godwit godwit =
        db.configure(dir)
            .set(ConfigKey.LOCK_TIMEOUT, "200ms")
            .set(ConfigKey.LOCK_RETRIES, 0)
            .load();
    try (Blocker blocker = new Blocker(db)) {
      long start = System.nanoTime();
      assertThatThrownBy(godwit::migrate).isInstanceOf(StatementLockTimeoutException.class);
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(waited).as("the script's 1.5 s, not the setting's 0.2 s").isBetween(1400L, 4000L);
    }
  }

  @ParameterizedTest
  @MethodSource("servers")
  void aStatementTimeoutStopsALongStatementWithoutRetryingIt(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    write("V1__slow.sql", pg ? "SELECT pg_sleep(3);\n" : "SELECT SLEEP(3);\n");
    Godwit godwit = db.configure(dir).set(ConfigKey.STATEMENT_TIMEOUT, "300ms").load();
    long start = System.nanoTime();
    assertThatThrownBy(godwit::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e).isNotInstanceOf(StatementLockTimeoutException.class);
              assertThat(e.getMessage())
                  .contains("statementTimeout (300ms) stopped it")
                  .contains("-- godwit:statement-timeout");
            });
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    assertThat(godwit.info().migrations().get(0).state()).isEqualTo(MigrationState.PENDING);
  }

  @ParameterizedTest
  @MethodSource("servers")
  void eachMigrationRunsWithItsOwnPolicyAndTheScriptsOwnSetWins(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    String read =
        pg ? "current_setting('lock_timeout')" : "CAST(@@SESSION.lock_wait_timeout AS CHAR)";
    String set = pg ? "SET lock_timeout = '4s';\n" : "SET SESSION lock_wait_timeout = 4;\n";
    write("V1__default.sql", "CREATE TABLE seen1 AS SELECT " + read + " AS v;\n");
    write("V2__own_set.sql", set + "CREATE TABLE seen2 AS SELECT " + read + " AS v;\n");
    write(
        "V3__directive.sql",
        "-- Lock settings for this migration only:\n-- godwit:lock-timeout 3s\n"
            + "-- godwit:lock-retries 4\nCREATE TABLE seen3 AS SELECT "
            + read
            + " AS v;\n");
    write("V4__conf.sql", "CREATE TABLE seen4 AS SELECT " + read + " AS v;\n");
    write("V4__conf.sql.conf", "lockTimeout=7s\n");
    write("V5__after.sql", "CREATE TABLE seen5 AS SELECT " + read + " AS v;\n");
    Godwit godwit = db.configure(dir).load();

    List<PlanResult.Planned> plan = godwit.plan().migrations();
    assertThat(plan.get(0).lock().lockTimeoutMs()).isEqualTo(500);
    assertThat(plan.get(0).lock().retries()).isEqualTo(30);
    assertThat(plan.get(0).lock().source()).isEqualTo("settings");
    assertThat(plan.get(2).lock().lockTimeoutMs()).isEqualTo(3000);
    assertThat(plan.get(2).lock().retries()).isEqualTo(4);
    assertThat(plan.get(2).lock().source()).endsWith("V3__directive.sql (-- godwit: lines)");
    assertThat(plan.get(3).lock().source()).endsWith("V4__conf.sql.conf");
    assertThat(plan.get(3).lock().sql())
        .containsExactly(
            pg
                ? "SET LOCAL lock_timeout = '7000ms'"
                : "SET SESSION lock_wait_timeout = 7, innodb_lock_wait_timeout = 7");

    assertThat(godwit.migrate().applied()).hasSize(5);
    List<String> seen = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      seen.add(db.query("SELECT v FROM seen" + i));
    }
    // The script's own SET lasts for its migration only: the next one gets its policy again.
    assertThat(seen)
        .containsExactly(
            pg ? "500ms" : "1",
            pg ? "4s" : "4",
            pg ? "3s" : "3",
            pg ? "7s" : "7",
            pg ? "500ms" : "1");
  }
}
