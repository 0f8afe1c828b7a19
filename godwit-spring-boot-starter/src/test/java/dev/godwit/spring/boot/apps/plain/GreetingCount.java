package dev.godwit.spring.boot.apps.plain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a migrated table while it is constructed, as a cache that warms up at start-up would: it
 * only works when the migration ran before the JdbcTemplate was handed out.
 */
@Component
public class GreetingCount {
  private final int atStartup;

  public GreetingCount(JdbcTemplate jdbc) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM greeting", Integer.class);
    this.atStartup = n == null ? -1 : n;
  }

  public int atStartup() {
    return atStartup;
  }
}
