package dev.godwit.bench.junit;

import dev.godwit.api.Godwit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Godwit without the extension: a new empty database and a full migrate before every test. */
public class MigrateEachTests {
  private String url;
  private String user = "";
  private Path h2Dir;

  @BeforeEach
  void freshDatabase() throws Exception {
    if (Settings.postgres()) {
      url = Settings.server().createDatabase();
      user = Settings.server().user();
    } else {
      h2Dir = Files.createTempDirectory("bench-h2-");
      url = "jdbc:h2:file:" + h2Dir.resolve("db");
    }
    Godwit.configure().url(url, user, "").locations(Settings.locations()).load().migrate();
  }

  @AfterEach
  void drop() throws Exception {
    if (Settings.postgres()) {
      Settings.server().dropDatabase(url);
    } else {
      try (Connection c = DriverManager.getConnection(url, "", "");
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
      try (var files = Files.list(h2Dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(h2Dir);
    }
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
