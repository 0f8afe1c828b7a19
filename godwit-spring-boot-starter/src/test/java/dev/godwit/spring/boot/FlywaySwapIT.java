package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import dev.godwit.spring.boot.apps.plain.PlainApp;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application that used Spring Boot's Flyway support moves to Godwit by swapping the dependency:
 * its {@code spring.flyway.*} properties stay as they are. Runs with Flyway on the class path (its
 * own failsafe execution); excluding one auto-configuration or the other stands in for the
 * dependency that is there before and after the swap.
 */
class FlywaySwapIT {
  private final PostgresServer server = PostgresServers.newest();

  @Test
  void theFlywayPropertiesCarryOver() throws Exception {
    String url = server.createDatabase();
    try {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", url);
      p.put("spring.datasource.username", server.user());
      p.put("spring.datasource.password", server.password());
      p.put("spring.flyway.locations", "classpath:apps/swap");
      p.put("spring.flyway.placeholders.owner", "flyway-era");
      p.put("spring.flyway.clean-disabled", "true");
      p.put("spring.main.lazy-initialization", "true");

      // Before: Flyway applies V1 (the release deployed then had only V1: target 1).
      Map<String, String> before = new LinkedHashMap<>(p);
      before.put("spring.flyway.target", "1");
      before.put("spring.autoconfigure.exclude", GodwitAutoConfiguration.class.getName());
      try (ConfigurableApplicationContext app = Apps.start(PlainApp.class, before)) {
        app.getBean("flywayInitializer");
      }

      // After: Godwit instead of Flyway, the same spring.flyway.* properties.
      Map<String, String> after = new LinkedHashMap<>(p);
      after.put("spring.autoconfigure.exclude", Apps.flywayAutoConfiguration());
      String log;
      PrintStream stdout = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(new Tee(stdout, captured), true, StandardCharsets.UTF_8));
      try (ConfigurableApplicationContext app = Apps.start(PlainApp.class, after)) {
        app.getBean(GodwitMigrationInitializer.class);
        Godwit godwit = app.getBean(Godwit.class);
        assertThat(godwit.config().placeholders()).containsEntry("owner", "flyway-era");
        assertThat(godwit.config().flag(dev.godwit.api.ConfigKey.CLEAN_ENABLED)).isFalse();
      } finally {
        System.setOut(stdout);
        log = captured.toString(StandardCharsets.UTF_8);
      }
      assertThat(log)
          .contains("no spring.godwit.* properties are set; reading spring.flyway.*")
          .doesNotContain("ignored:");

      try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
          Statement s = c.createStatement()) {
        // Godwit appended V2 to Flyway's own history table; no table of its own.
        List<String> rows = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
          while (rs.next()) {
            rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
          }
        }
        assertThat(rows).containsExactly("1 SQL true", "2 SQL true");
        try (ResultSet rs = s.executeQuery("SELECT owner FROM account")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("flyway-era");
        }
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('godwit_schema_history')")) {
          rs.next();
          assertThat(rs.getString(1)).isNull();
        }
      }
    } finally {
      server.dropDatabase(url);
    }
  }

  /** Writes to the console and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
