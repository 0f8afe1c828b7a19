package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.spring.boot.apps.plain.PlainApp;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of one application start at the same moment against one PostgreSQL database: one
 * migrates, the other waits on Godwit's lock and starts once the migration is done, finding nothing
 * left to do.
 */
class TwoReplicasIT {
  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
  private final PostgresServer server = PostgresServers.newest();

  @Test
  void exactlyOneMigratesTheOtherWaits() throws Exception {
    String url = server.createDatabase();
    // Two applications starting at once in one JVM would both set up the one Logback context;
    // Spring Boot 4 refuses that race. Replicas are separate JVMs; here they keep the JDK's
    // logging.
    String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<ConfigurableApplicationContext> apps = new ArrayList<>();
    try {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", url);
      p.put("spring.datasource.username", server.user());
      p.put("spring.datasource.password", server.password());
      p.put("spring.godwit.locations", "classpath:apps/slow");
      // PlainApp's GreetingCount needs a greeting table, which this migration does not make.
      p.put("spring.main.lazy-initialization", "true");
      CyclicBarrier together = new CyclicBarrier(2);
      List<Future<Long>> started = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        started.add(
            pool.submit(
                () -> {
                  together.await();
                  long t0 = System.nanoTime();
                  ConfigurableApplicationContext app = Apps.start(PlainApp.class, p);
                  // Lazy initialization: asking for the initializer runs it, as an eager start
                  // would.
                  app.getBean(GodwitMigrationInitializer.class);
                  synchronized (apps) {
                    apps.add(app);
                  }
                  return (System.nanoTime() - t0) / 1_000_000;
                }));
      }
      long first = started.get(0).get(60, TimeUnit.SECONDS);
      long second = started.get(1).get(60, TimeUnit.SECONDS);
      // The migration sleeps 2 s: both replicas were ready only after it, the waiting one too.
      assertThat(Math.min(first, second)).isGreaterThanOrEqualTo(2000);
      try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
          Statement s = c.createStatement()) {
        assertThat(count(s, "SELECT COUNT(*) FROM replica_run")).isEqualTo(1);
        assertThat(count(s, "SELECT COUNT(*) FROM godwit_schema_history WHERE success"))
            .isEqualTo(1);
        assertThat(count(s, "SELECT COUNT(*) FROM godwit_schema_history WHERE NOT success"))
            .isZero();
      }
    } finally {
      apps.forEach(ConfigurableApplicationContext::close);
      pool.shutdownNow();
      server.dropDatabase(url);
      if (loggingSystem == null) {
        System.clearProperty(LOGGING_SYSTEM);
      } else {
        System.setProperty(LOGGING_SYSTEM, loggingSystem);
      }
    }
  }

  private static int count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
