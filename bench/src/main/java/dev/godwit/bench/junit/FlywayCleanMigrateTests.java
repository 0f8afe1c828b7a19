package dev.godwit.bench.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** The usual Flyway recipe: one database, clean + migrate before every test. */
public class FlywayCleanMigrateTests {
  private static String url;
  private static String user = "";
  private static Flyway flyway;

  @BeforeAll
  static void database() throws Exception {
    if (Settings.postgres()) {
      url = Settings.server().createDatabase();
      user = Settings.server().user();
    } else {
      Path dir = Files.createTempDirectory("bench-flyway-h2-");
      url = "jdbc:h2:file:" + dir.resolve("db");
    }
    flyway =
        Flyway.configure()
            .dataSource(url, user, "")
            .locations(Settings.locations())
            .cleanDisabled(false)
            .load();
  }

  @BeforeEach
  void cleanAndMigrate() {
    flyway.clean();
    flyway.migrate();
  }

  @RepeatedTest(value = 10, failureThreshold = 1)
  void test() throws Exception {
    long[] t = Clock.start();
    try (Connection connection = DriverManager.getConnection(url, user, "")) {
      Clock.work(connection);
    }
    Clock.end(t);
  }
}
