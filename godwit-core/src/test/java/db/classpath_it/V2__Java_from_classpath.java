package db.classpath_it;

import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationContext;
import java.sql.Statement;

/** Found by scanning the classpath location db/classpath_it. */
public class V2__Java_from_classpath implements JavaMigration {
  @Override
  public void migrate(MigrationContext context) throws Exception {
    try (Statement st = context.connection().createStatement()) {
      st.execute("INSERT INTO from_classpath VALUES (7)");
    }
  }
}
