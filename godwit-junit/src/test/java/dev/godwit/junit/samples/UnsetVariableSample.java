package dev.godwit.junit.samples;

import dev.godwit.junit.GodwitDatabase;
import dev.godwit.junit.GodwitTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@GodwitTest(database = GodwitDatabase.URL, url = "${GODWIT_JUNIT_SURELY_UNSET_VARIABLE}")
public class UnsetVariableSample {
  @Test
  void skipped(DataSource dataSource) {}
}
