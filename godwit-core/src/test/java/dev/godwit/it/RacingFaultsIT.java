package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.ValidateResult;
import dev.godwit.testkit.FaultProxy;
import dev.godwit.testkit.FaultProxy.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sixteen runners migrate one database through a {@link FaultProxy} while a chaos thread cuts,
 * resets and stalls a random connection every 50 to 300 ms. Each runner either finishes or stops
 * with a message that says what happened; afterwards a plain run finishes, every migration is
 * applied exactly once and validate is green.
 */
class RacingFaultsIT {
  private static final int RUNNERS = 16;
  private static final int MIGRATIONS = 30;

  @TempDir Path dir;

  static Stream<TestDatabase.Factory> databases() {
    return ConnectionFaultsIT.databases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void sixteenRunnersWhileConnectionsAreCut(TestDatabase.Factory f) throws Exception {
    long seed =
        Long.getLong("godwit.faults.seed", System.nanoTime() ^ Thread.currentThread().getId());
    System.out.println("RacingFaultsIT " + f + ": seed " + seed + " (-Dgodwit.faults.seed=...)");
    Random random = new Random(seed);
    TestDatabase db = f.create().get();
    boolean pg = db.kind() == TestDatabase.Kind.POSTGRES;
    Files.writeString(
        dir.resolve("V1__base.sql"), "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL);\n");
    // Transactional migrations on both databases (on MariaDB DML only, which its transactions
    // cover), each slow enough that a fault lands inside one; PostgreSQL's also create a table.
    for (int i = 2; i <= MIGRATIONS + 1; i++) {
      Files.writeString(
          dir.resolve("V" + i + "__step.sql"),
          (pg ? "CREATE TABLE t" + i + " (id INT);\n" : "")
              + "INSERT INTO t VALUES ("
              + i
              + ", 0);\n"
              + (pg
                  ? "UPDATE t SET v = v + 1 WHERE id = " + i + " AND pg_sleep(0.05)::text = '';\n"
                  : "UPDATE t SET v = v + 1 WHERE id = " + i + " AND SLEEP(0.05) = 0;\n"));
    }
    // V1 is DDL, which MariaDB commits statement by statement: applied before the race, so that
    // every migration the runners race on is all or nothing (a cut inside a non-transactional
    // statement is ConnectionFaultsIT's matter).
    db.configure(dir).target("1").load().migrate();
    Map<String, String> props = pg ? Map.of("socketTimeout", "3") : Map.of("socketTimeout", "3000");

    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<String> unclear = new CopyOnWriteArrayList<>();
    Map<String, String> samples = new ConcurrentHashMap<>();
    try (FaultProxy proxy = FaultProxy.forUrl(db.url())) {
      AtomicBoolean racing = new AtomicBoolean(true);
      Thread chaos = new Thread(() -> chaos(proxy, new Random(random.nextLong()), racing));
      chaos.setDaemon(true);
      chaos.start();
      ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
      List<Future<?>> runs = new ArrayList<>();
      for (int r = 0; r < RUNNERS; r++) {
        runs.add(
            pool.submit(
                () -> {
                  try {
                    Godwits.at(db, proxy.url(db.url()), dir)
                        .jdbcProperties(props)
                        .lockWaitTimeout(120)
                        .load()
                        .migrate();
                    outcomes.computeIfAbsent("SUCCESS", k -> new AtomicInteger()).incrementAndGet();
                  } catch (GodwitException e) {
                    outcomes
                        .computeIfAbsent(e.code().name(), k -> new AtomicInteger())
                        .incrementAndGet();
                    samples.putIfAbsent(
                        e.code().name(), e.getMessage().lines().findFirst().orElse(""));
                    if (!saysWhatHappened(e)) {
                      unclear.add(e.code() + ": " + e.getMessage());
                    }
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      racing.set(false);
      chaos.join();
      proxy.healAll();
      System.out.println(
          "RacingFaultsIT "
              + f
              + ": "
              + RUNNERS
              + " runners, outcomes "
              + outcomes
              + ", faults injected: cut "
              + proxy.injected(Fault.CUT)
              + ", reset "
              + proxy.injected(Fault.RESET)
              + ", stall "
              + proxy.injected(Fault.STALL)
              + ", connections "
              + proxy.links().size()
              + ", migrations applied during the race "
              + db.query(
                  "SELECT COUNT(*) FROM godwit_schema_history WHERE success = " + db.bool(true))
              + " of "
              + (MIGRATIONS + 1)
              + "; a message of each kind: "
              + samples);
      assertThat(proxy.injected(Fault.CUT) + proxy.injected(Fault.RESET)).isPositive();
    }
    assertThat(unclear).as("failures whose message does not say what happened").isEmpty();

    // The user's next step: a plain run finishes what the racing runs left.
    db.configure(dir).lockWaitTimeout(30).load().migrate();
    assertThat(db.query("SELECT COUNT(*) FROM godwit_schema_history"))
        .isEqualTo(String.valueOf(MIGRATIONS + 1));
    assertThat(db.query("SELECT COUNT(DISTINCT version) FROM godwit_schema_history"))
        .isEqualTo(String.valueOf(MIGRATIONS + 1));
    assertThat(
            db.query(
                "SELECT COUNT(*) FROM godwit_schema_history WHERE success = " + db.bool(false)))
        .isEqualTo("0");
    // Each migration's effect exactly once: one row per version, incremented once.
    assertThat(db.query("SELECT COUNT(*) FROM t WHERE v = 1"))
        .isEqualTo(String.valueOf(MIGRATIONS));
    assertThat(db.query("SELECT COUNT(*) FROM t")).isEqualTo(String.valueOf(MIGRATIONS));
    ValidateResult v = db.configure(dir).load().validate();
    assertThat(v.valid()).as("%s", v.issues()).isTrue();
    assertThat(Godwits.lockHeld(db)).as("a lock left behind").isFalse();
  }

  /** Failures the racing may cause, each with a message that names what happened. */
  private static final Set<ErrorCode> EXPECTED =
      Set.of(
          ErrorCode.MIGRATION_FAILED,
          ErrorCode.LOCK_LOST,
          ErrorCode.LOCK_TIMEOUT,
          ErrorCode.CONNECTION,
          ErrorCode.STATEMENT_LOCK_TIMEOUT);

  private static boolean saysWhatHappened(GodwitException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    return EXPECTED.contains(e.code())
        && Stream.of(
                "cannot connect",
                "connection",
                "closed",
                "reset",
                "timed out",
                "i/o error",
                "socket",
                "lock")
            .anyMatch(m::contains);
  }

  /** Cuts, resets or stalls (and later heals) a random open connection every 50 to 300 ms. */
  private static void chaos(FaultProxy proxy, Random random, AtomicBoolean racing) {
    List<FaultProxy.Link> stalled = new ArrayList<>();
    while (racing.get()) {
      try {
        Thread.sleep(50 + random.nextInt(250));
      } catch (InterruptedException e) {
        return;
      }
      List<FaultProxy.Link> open = proxy.links().stream().filter(FaultProxy.Link::isOpen).toList();
      if (!stalled.isEmpty() && random.nextInt(4) == 0) {
        stalled.remove(0).heal();
      }
      if (open.isEmpty()) {
        continue;
      }
      FaultProxy.Link victim = open.get(random.nextInt(open.size()));
      switch (random.nextInt(5)) {
        case 0, 1 -> victim.cut();
        case 2, 3 -> victim.reset();
        default -> {
          victim.stall();
          stalled.add(victim);
        }
      }
    }
    stalled.forEach(FaultProxy.Link::heal);
  }
}
