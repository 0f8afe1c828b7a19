package db.flyway_java;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A repeatable Flyway Java migration with a checksum of its own. */
public class R__Refresh_count extends BaseJavaMigration {
  @Override
  public Integer getChecksum() {
    return 42;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement st = context.getConnection().createStatement()) {
      st.executeUpdate("DELETE FROM person_count");
      st.executeUpdate("INSERT INTO person_count (n) SELECT COUNT(*) FROM person");
    }
  }
}
