package dev.godwit.bench.junit;

import dev.godwit.junit.GodwitExtension;
import java.sql.Connection;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** godwit-junit: migrated once into a template, each test gets a copy. */
public class GodwitCopyTests {
  @RegisterExtension
  static final GodwitExtension DB =
      (Settings.postgres() ? GodwitExtension.embeddedPostgres() : GodwitExtension.h2())
          .locations(Settings.locations())
          .build();

  @RepeatedTest(value = 10, failureThreshold = 1)
  void test(Connection connection) throws Exception {
    long[] t = Clock.start();
    Clock.work(connection);
    // A test that works a while (bench.work ms) gives the copy made ahead time to be ready.
    Thread.sleep(Long.getLong("bench.work", 0));
    Clock.end(t);
  }
}
