package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The template's migration fails: every test fails with that cause. */
@GodwitTest(database = GodwitDatabase.H2, locations = "classpath:db/broken")
public class BrokenSample {
  @Test
  void first(DataSource dataSource) {}

  @Test
  void second(DataSource dataSource) {}
}
