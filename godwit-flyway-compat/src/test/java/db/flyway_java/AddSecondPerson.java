package db.flyway_java;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway Java migration that implements the interface itself: any class name, its own version,
 * description and checksum, and no transaction.
 */
public class AddSecondPerson implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2.1");
  }

  @Override
  public String getDescription() {
    return "Add second person";
  }

  @Override
  public Integer getChecksum() {
    return 21;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws Exception {
    if (!context.getConnection().getAutoCommit()) {
      throw new IllegalStateException("asked for no transaction, but runs in one");
    }
    try (Statement st = context.getConnection().createStatement()) {
      st.executeUpdate("INSERT INTO person (id, name) VALUES (2, 'second')");
    }
  }
}
