package db.flyway_java;

import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration as Flyway's documentation writes one: version and description from the
 * class name, the greeting from the configuration's placeholders, the connection from the context.
 */
public class V2__Seed extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    String greeting = context.getConfiguration().getPlaceholders().get("greeting");
    try (PreparedStatement st =
        context.getConnection().prepareStatement("INSERT INTO person (id, name) VALUES (?, ?)")) {
      st.setInt(1, 1);
      st.setString(2, greeting);
      st.executeUpdate();
    }
  }
}
