package bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application measured: a DataSource and a JdbcTemplate that reads a migrated table when the
 * application is ready. Prints the JVM's uptime at that moment, and again after that first query,
 * and exits. With {@code --bench.connect=true} it takes one connection from its pool while it
 * starts (what any migration tool does first), to tell that cost from the tool's own.
 */
@SpringBootApplication
public class StartupApp {
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(StartupApp.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.addListeners(
        (ApplicationReadyEvent e) -> {
          long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
          // The main thread's CPU time: the start-up's critical path, less sensitive than the
          // uptime to other processes on a shared machine (a diagnostic; the uptime is the figure).
          long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
          Integer n =
              e.getApplicationContext()
                  .getBean(JdbcTemplate.class)
                  .queryForObject("SELECT COUNT(*) FROM t200", Integer.class);
          long queried = ManagementFactory.getRuntimeMXBean().getUptime();
          System.out.println(
              "READY " + uptime + " QUERIED " + queried + " MAINCPU " + cpu + " rows=" + n);
        });
    app.run(args).close();
  }

  @Bean
  @ConditionalOnProperty("bench.connect")
  InitializingBean connectAtStartup(DataSource dataSource) {
    return () -> {
      try (Connection c = dataSource.getConnection()) {
        c.isValid(1);
      }
    };
  }
}
