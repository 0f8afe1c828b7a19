package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationContext;

/**
 * A Flyway Java migration (a class implementing {@code
 * org.flywaydb.core.api.migration.JavaMigration}, usually through {@code BaseJavaMigration}), run
 * as Godwit runs its own: {@link #migrate} hands it Flyway's {@code Context} with the migration's
 * connection and a configuration view.
 *
 * @param flyway Flyway's API in the class's loader
 * @param target the migration instance
 * @param version its {@code getVersion()} as text, or null (a repeatable)
 * @param description its {@code getDescription()}
 * @param checksum its {@code getChecksum()}, or null
 * @param transactional its {@code canExecuteInTransaction()}
 * @param type its {@code getType()} name: JDBC, or JDBC_BASELINE for a baseline migration
 */
record FlywayJavaMigration(
    FlywayApi flyway,
    Object target,
    String version,
    String description,
    Integer checksum,
    boolean transactional,
    String type)
    implements JavaMigration {

  /** Reads what Flyway reads from the migration: its getters, once. */
  static FlywayJavaMigration of(FlywayApi flyway, Object target) {
    String name = target.getClass().getName();
    try {
      Object v = FlywayApi.call(target, "getVersion", new Class<?>[0]);
      String version = v == null ? null : v.toString();
      String description = (String) FlywayApi.call(target, "getDescription", new Class<?>[0]);
      Integer checksum = (Integer) FlywayApi.call(target, "getChecksum", new Class<?>[0]);
      boolean tx = (Boolean) FlywayApi.call(target, "canExecuteInTransaction", new Class<?>[0]);
      String type = "JDBC";
      try {
        Object t = FlywayApi.call(target, "getType", new Class<?>[0]);
        if (t != null) {
          type = (String) FlywayApi.call(t, "name", new Class<?>[0]);
        }
      } catch (NoSuchMethodException olderFlyway) {
        // Before getType() there were only plain JDBC migrations.
      }
      if (description == null) {
        throw new GodwitException(
            ErrorCode.NAMING, "Java migration " + name + " returns no description");
      }
      return new FlywayJavaMigration(flyway, target, version, description, checksum, tx, type);
    } catch (GodwitException e) {
      throw e;
    } catch (Exception e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Cannot read version and description of Flyway Java migration " + name + ": " + e,
          e);
    }
  }

  @Override
  public void migrate(MigrationContext context) throws Exception {
    Object ctx = flyway.migrationContext(context.connection(), context.config());
    FlywayApi.call(target, "migrate", new Class<?>[] {flyway.migrationContextType()}, ctx);
  }

  @Override
  public boolean canExecuteInTransaction() {
    return transactional;
  }

  /** The class name, as the history's {@code script} column holds it. */
  String className() {
    return target.getClass().getName();
  }
}
