package db.migration;

import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationContext;
import java.sql.PreparedStatement;

/** A Java migration, found on the compile class path. */
public class V2__Second_greeting implements JavaMigration {
  @Override
  public void migrate(MigrationContext context) throws Exception {
    try (PreparedStatement ps =
        context.connection().prepareStatement("INSERT INTO greeting (id, text) VALUES (2, ?)")) {
      ps.setString(1, "hello from Java");
      ps.executeUpdate();
    }
  }
}
