package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database per test cannot go to a method run once per class. */
@GodwitTest
public class MisusedSample {
  @BeforeAll
  static void once(DataSource dataSource) {}

  @Test
  void neverRuns() {}
}
