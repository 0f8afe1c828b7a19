package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.ValidateResult;
import dev.godwit.testkit.FaultProxy;
import dev.godwit.testkit.FaultProxy.Fault;
import dev.godwit.testkit.FaultProxy.Moment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network fails Godwit: a {@link FaultProxy} between Godwit and the server cuts, resets or
 * stalls the migration connection before a statement, while it runs, or after it (before the
 * history write), or the lock connection alone. Each case checks the failed run's error (what
 * happened, which migration and statement, the exit code's error code) and then takes the user's
 * next step as the message gives it, after which history and objects must agree: every migration
 * recorded once, validate green, no lock left behind.
 */
class ConnectionFaultsIT {
  @TempDir Path dir;

  /** Where the fault lands. */
  enum At {
    /** The migration connection, at the trial history row written before any migration runs. */
    BEFORE_MIGRATING,
    /** The migration connection, as the migration's second statement is about to be sent. */
    BEFORE_STATEMENT,
    /** The migration connection, right after the second statement reached the server. */
    DURING_STATEMENT,
    /** The migration connection, as its history row is about to be written. */
    BEFORE_HISTORY_WRITE,
    /** The lock connection alone, while the migration's second statement runs. */
    LOCK_CONNECTION
  }

  record Case(boolean transactional, At at, Fault fault) {
    @Override
    public String toString() {
      return (transactional ? "transactional" : "non-transactional") + ", " + fault + " " + at;
    }
  }

  private static final Map<Fault, AtomicInteger> INJECTED = new EnumMap<>(Fault.class);
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger UNKNOWN_OUTCOMES = new AtomicInteger();

  static {
    for (Fault f : Fault.values()) {
      INJECTED.put(f, new AtomicInteger());
    }
  }

  static Stream<Arguments> cases() {
    List<TestDatabase.Factory> dbs = new ArrayList<>();
    List<TestDatabase.Factory> pg = TestDatabase.postgresFactories();
    // One PostgreSQL is enough for the network's faults: the local server when there is one.
    dbs.add(pg.stream().filter(f -> !f.name().contains("embedded")).findFirst().orElse(pg.get(0)));
    dbs.addAll(TestDatabase.mariaDbFactories());
    List<Arguments> out = new ArrayList<>();
    for (TestDatabase.Factory db : dbs) {
      for (boolean tx : List.of(true, false)) {
        for (At at : At.values()) {
          if (at == At.BEFORE_MIGRATING && !tx) {
            continue; // nothing of V2 runs: its kind makes no difference
          }
          List<Fault> faults =
              at == At.BEFORE_STATEMENT
                      || at == At.BEFORE_HISTORY_WRITE
                      || at == At.BEFORE_MIGRATING
                  ? List.of(Fault.CUT, Fault.RESET)
                  : List.of(Fault.CUT, Fault.RESET, Fault.STALL);
          for (Fault fault : faults) {
            out.add(Arguments.of(db, new Case(tx, at, fault)));
          }
        }
      }
    }
    return out.stream();
  }

  @AfterAll
  static void counts() {
    System.out.println(
        "ConnectionFaultsIT: "
            + CASES.get()
            + " cases, faults injected: "
            + INJECTED
            + ", non-transactional statements with an unknown outcome (recovered by hand): "
            + UNKNOWN_OUTCOMES.get());
  }

  /** The scripts of one database and the texts the faults wait for. */
  private record Scripts(String v2, String secondStatement, List<String> v2Objects) {}

  private static Scripts scripts(TestDatabase db, boolean transactional) {
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    if (transactional) {
      // DML only, so that MariaDB runs it in a transaction too; the UPDATE takes half a second,
      // so that a fault "during" lands while the server works on it.
      return new Scripts(
          "INSERT INTO t1 VALUES (2, 2);\n"
              + (pg
                  ? "UPDATE t1 SET v = 20 WHERE id = 2 AND pg_sleep(0.5)::text = '';\n"
                  : "UPDATE t1 SET v = 20 WHERE id = 2 AND SLEEP(0.5) = 0;\n"),
          "UPDATE t1 SET v = 20",
          List.of());
    }
    return pg
        ? new Scripts(
            "CREATE INDEX CONCURRENTLY i2a ON t1 (v);\nCREATE INDEX CONCURRENTLY i2b ON t1 (v, id);\n",
            "CREATE INDEX CONCURRENTLY i2b",
            List.of("i2a", "i2b"))
        : new Scripts(
            "CREATE TABLE t2a (id INT);\nCREATE TABLE t2b AS SELECT SLEEP(0.5) AS s;\n",
            "CREATE TABLE t2b",
            List.of("t2a", "t2b"));
  }

  private GodwitConfig.Builder through(TestDatabase db, FaultProxy proxy) {
    // A stalled connection is bounded by the driver's socket timeout (seconds in pgjdbc,
    // milliseconds in MariaDB's driver), as the README advises for unreliable networks.
    Map<String, String> props =
        db.kind() == TestDatabase.Kind.POSTGRES
            ? Map.of("socketTimeout", "3")
            : Map.of("socketTimeout", "3000");
    return Godwits.at(db, proxy.url(db.url()), dir).jdbcProperties(props).lockWaitTimeout(5);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void aFaultEndsInACorrectStateAndSaysWhatHappened(TestDatabase.Factory f, Case c)
      throws Exception {
    TestDatabase db = f.create().get();
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    Files.writeString(
        dir.resolve("V1__base.sql"),
        "CREATE TABLE t1 (id INT PRIMARY KEY, v INT);\nINSERT INTO t1 VALUES (1, 1);\n");
    db.configure(dir).load().migrate();
    Scripts s = scripts(db, c.transactional());
    Files.writeString(dir.resolve("V2__change.sql"), s.v2());
    Files.writeString(dir.resolve("V3__next.sql"), "CREATE TABLE t3 (id INT);\n");

    GodwitException failure;
    try (FaultProxy proxy = FaultProxy.forUrl(db.url())) {
      FaultProxy.Trigger lock = proxy.watch(pg ? "pg_try_advisory_lock" : "GET_LOCK");
      FaultProxy.Trigger trigger =
          switch (c.at()) {
            case BEFORE_MIGRATING ->
                proxy.arm(db.q("success") + ") VALUES", Moment.BEFORE, c.fault(), -1);
            case BEFORE_STATEMENT -> proxy.arm(s.secondStatement(), Moment.BEFORE, c.fault(), -1);
            case DURING_STATEMENT -> proxy.arm(s.secondStatement(), Moment.AFTER, c.fault(), -1);
            case BEFORE_HISTORY_WRITE ->
                // The first such INSERT is the trial row Godwit rolls back before migrating.
                proxy.arm(db.q("success") + ") VALUES", Moment.BEFORE, c.fault(), -1).skipping(1);
            case LOCK_CONNECTION -> proxy.arm(s.secondStatement(), Moment.AFTER, c.fault(), lock);
          };
      failure = migrateFails(through(db, proxy).load()::migrate);
      assertThat(trigger.fired()).as("%s", trigger).isTrue();
      for (Fault k : Fault.values()) {
        INJECTED.get(k).addAndGet(proxy.injected(k));
      }
      if (c.at() == At.LOCK_CONNECTION && c.fault() == Fault.STALL) {
        // Still partitioned: the server keeps the lock's session, so the next runner waits for
        // it and gives up naming the holder (exit 7), rather than migrating beside it.
        GodwitException waited =
            migrateFails(through(db, proxy).lockWaitTimeout(1).load()::migrate);
        assertThat(waited.code()).as(waited.getMessage()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
      }
      // The network comes back: what was held is delivered, closes included.
      proxy.healAll();
    }
    CASES.incrementAndGet();

    assertSaysWhatHappened(c, s, failure);
    recover(db, c, s, failure);
    assertConsistent(db, c, s);
  }

  static List<TestDatabase.Factory> databases() {
    return cases().map(a -> (TestDatabase.Factory) a.get()[0]).distinct().toList();
  }

  /**
   * Without a socket timeout from the user, a stalled lock connection must still be noticed: Godwit
   * bounds its lock session's queries itself, so the run stops with LOCK_LOST instead of waiting
   * forever for an answer that a partition holds back.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aStalledLockConnectionIsNoticedWithoutASocketTimeout(TestDatabase.Factory f)
      throws Exception {
    TestDatabase db = f.create().get();
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    Files.writeString(
        dir.resolve("V1__base.sql"),
        "CREATE TABLE t1 (id INT PRIMARY KEY, v INT);\nINSERT INTO t1 VALUES (1, 1);\n");
    db.configure(dir).load().migrate();
    Scripts s = scripts(db, true);
    Files.writeString(dir.resolve("V2__change.sql"), s.v2());
    Files.writeString(dir.resolve("V3__next.sql"), "CREATE TABLE t3 (id INT);\n");
    try (FaultProxy proxy = FaultProxy.forUrl(db.url())) {
      FaultProxy.Trigger lock = proxy.watch(pg ? "pg_try_advisory_lock" : "GET_LOCK");
      proxy.arm(s.secondStatement(), Moment.AFTER, Fault.STALL, lock);
      CompletableFuture<MigrateResult> run =
          CompletableFuture.supplyAsync(
              () -> Godwits.at(db, proxy.url(db.url()), dir).lockWaitTimeout(5).load().migrate());
      // A bound for the test only, far above Godwit's own: a hang fails instead of blocking CI.
      assertThatThrownBy(() -> run.get(120, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(GodwitException.class)
          .hasMessageContaining("Lost the migration lock")
          .hasMessageContaining("timed out")
          .satisfies(e -> assertThat(((GodwitException) e).code()).isEqualTo(ErrorCode.LOCK_LOST));
      INJECTED.get(Fault.STALL).addAndGet(proxy.injected(Fault.STALL));
      proxy.healAll();
    }
    CASES.incrementAndGet();
    recover(db, new Case(true, At.LOCK_CONNECTION, Fault.STALL), s, null);
    assertConsistent(db, new Case(true, At.LOCK_CONNECTION, Fault.STALL), s);
  }

  private static GodwitException migrateFails(Runnable migrate) {
    try {
      migrate.run();
    } catch (GodwitException e) {
      return e;
    }
    return fail("migrate succeeded through the fault");
  }

  private static void assertSaysWhatHappened(Case c, Scripts s, GodwitException e) {
    String m = e.getMessage();
    if (c.at() == At.LOCK_CONNECTION) {
      assertThat(e.code()).as(m).isEqualTo(ErrorCode.LOCK_LOST);
      assertThat(m).contains("Lost the migration lock", c.transactional() ? "V2__" : "V3__");
      return;
    }
    if (c.at() == At.BEFORE_MIGRATING) {
      assertThat(e.code()).as(m).isEqualTo(ErrorCode.CONNECTION);
      assertThat(m)
          .contains("Could not check the history table before migrating")
          .contains("The connection to the database was")
          .contains("Run the command again once the database is reachable");
      return;
    }
    assertThat(e.code()).as(m).isEqualTo(ErrorCode.MIGRATION_FAILED);
    assertThat(m)
        .contains("V2__change.sql failed")
        .contains(
            "Connection: the connection to the database "
                + (c.fault() == Fault.STALL ? "timed out" : ""));
    if (c.fault() != Fault.STALL) {
      assertThat(m).containsAnyOf("was reset", "was closed");
    }
    if (c.at() != At.BEFORE_HISTORY_WRITE) {
      // In a transaction PostgreSQL's driver sends the two statements as one batch, reported at
      // its first statement.
      assertThat(m).contains("Statement: ");
    }
    if (c.transactional()) {
      assertThat(m).contains("nothing of this migration was applied", "Run migrate again");
    } else {
      assertThat(m)
          .contains("Statements that ran before the failure and stayed applied")
          .contains(
              c.at() == At.BEFORE_HISTORY_WRITE
                  ? "though every statement ran"
                  : "the statement at line 2 may have run or not");
    }
  }

  /** The user's next step: run migrate again; as the message says when that stops. */
  private void recover(TestDatabase db, Case c, Scripts s, GodwitException failure)
      throws Exception {
    try {
      db.configure(dir).lockWaitTimeout(5).load().migrate();
      return;
    } catch (GodwitException again) {
      // A non-transactional migration cut inside a statement: the intent records name it
      // (exit 12) and --resume continues. Where no row could be written at all, migrate stops at
      // the first statement that ran, and the message's way forward is: undo by hand, repair,
      // migrate again.
      assertThat(c.transactional()).as(again.getMessage()).isFalse();
      if (again.code() == ErrorCode.MIGRATION_INTERRUPTED) {
        // The statement's start was recorded but not its end: the message names it and what the
        // catalog shows; --resume continues when the catalog decides.
        assertThat(again.getMessage()).contains("was interrupted", "migrate --resume");
        db.configure(dir).lockWaitTimeout(5).load().resume();
        db.configure(dir).lockWaitTimeout(5).load().migrate();
        UNKNOWN_OUTCOMES.incrementAndGet();
        return;
      }
      assertThat(again.code()).as(again.getMessage()).isEqualTo(ErrorCode.MIGRATION_FAILED);
      assertThat(again.getMessage())
          .contains("undo the partial changes by hand, then run 'repair'");
      UNKNOWN_OUTCOMES.incrementAndGet();
    }
    for (String object : s.v2Objects()) {
      db.execute(
          db.kind() == TestDatabase.Kind.POSTGRES
              ? "DROP INDEX IF EXISTS " + object
              : "DROP TABLE IF EXISTS " + object);
    }
    db.configure(dir).load().repair();
    db.configure(dir).lockWaitTimeout(5).load().migrate();
  }

  private void assertConsistent(TestDatabase db, Case c, Scripts s) throws Exception {
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history")).isEqualTo("3");
    assertThat(
            db.query(
                "SELECT COUNT(DISTINCT version) FROM godwit_schema_history WHERE success = "
                    + db.bool(true)))
        .isEqualTo("3");
    ValidateResult v = db.configure(dir).load().validate();
    assertThat(v.valid()).as("%s", v.issues()).isTrue();
    if (c.transactional()) {
      assertThat(db.query("SELECT COUNT(*) FROM t1 WHERE id = 2 AND v = 20")).isEqualTo("1");
      assertThat(db.query("SELECT COUNT(*) FROM t1")).isEqualTo("2");
    } else if (db.kind() == TestDatabase.Kind.POSTGRES) {
      assertThat(
              db.query(
                  "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                      + " WHERE c.relname IN ('i2a', 'i2b') AND i.indisvalid"))
          .isEqualTo("2");
    } else {
      for (String t : s.v2Objects()) {
        assertThat(db.tableExists(t)).as(t).isTrue();
      }
    }
    assertThat(db.tableExists("t3")).isTrue();
    assertThat(Godwits.lockHeld(db)).as("a lock left behind").isFalse();
  }
}
