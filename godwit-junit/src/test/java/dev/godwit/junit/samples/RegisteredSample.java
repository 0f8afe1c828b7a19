package dev.godwit.junit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.junit.GodwitExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder: other locations and a placeholder that the annotation cannot set. */
public class RegisteredSample {

  @RegisterExtension
  static final GodwitExtension DB =
      GodwitExtension.sqlite()
          .locations("classpath:db/placeholders")
          .configure(c -> c.placeholders(Map.of("table_name", "heron")))
          .build();

  @Test
  void migratedWithThePlaceholder(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("INSERT INTO heron (id) VALUES (1)");
      assertThat(IsolationChecks.count(s, "SELECT COUNT(*) FROM heron")).isEqualTo(1);
    }
  }
}
