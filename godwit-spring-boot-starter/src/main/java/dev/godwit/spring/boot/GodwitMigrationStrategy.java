package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;

/**
 * Replaces what happens at start-up, as Spring Boot's {@code FlywayMigrationStrategy} does for
 * Flyway: define a bean of this type and the starter calls it instead of {@link Godwit#migrate()}
 * (to repair first, validate only, or run nothing in some environments). Whatever it does still
 * happens before the beans that use the database are created.
 */
@FunctionalInterface
public interface GodwitMigrationStrategy {

  /**
   * Runs at start-up in place of {@link Godwit#migrate()}.
   *
   * @param godwit the configured Godwit
   */
  void migrate(Godwit godwit);
}
