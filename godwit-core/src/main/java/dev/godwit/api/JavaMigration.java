package dev.godwit.api;

/**
 * A migration written in Java. The class's simple name follows the file naming: {@code
 * V2_1__Add_index} is version 2.1 "Add index", {@code R__Refresh_views} a repeatable. Classes are
 * found in {@code classpath:} locations or passed to {@link GodwitConfig.Builder#javaMigrations}.
 */
public interface JavaMigration {

  /**
   * Applies the migration.
   *
   * @param context the connection to use; do not commit or close it
   * @throws Exception any failure; the migration is then rolled back where the database can
   */
  void migrate(MigrationContext context) throws Exception;

  /** Stored in the checksum column; null (the default) skips checksum validation. */
  default Integer checksum() {
    return null;
  }

  /**
   * The deploy phase it belongs to: {@link DeployPhase#PRE} (the default) or {@link
   * DeployPhase#POST}, which {@code migrate --phase pre} leaves pending.
   */
  default DeployPhase phase() {
    return DeployPhase.PRE;
  }

  /** Whether {@link #migrate} may run inside a transaction. */
  default boolean canExecuteInTransaction() {
    return true;
  }
}
