package bench;

import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application measured: a DataSource and a JdbcTemplate that reads a migrated table when the
 * application is ready. Prints the JVM's uptime at that moment and exits.
 */
@SpringBootApplication
public class StartupApp {
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(StartupApp.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.addListeners(
        (ApplicationReadyEvent e) -> {
          long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
          Integer n =
              e.getApplicationContext()
                  .getBean(JdbcTemplate.class)
                  .queryForObject("SELECT COUNT(*) FROM t200", Integer.class);
          System.out.println("READY " + uptime + " rows=" + n);
        });
    app.run(args).close();
  }
}
