/**
 * Spring Boot starter: migrates the application's database at start-up with Godwit. Add the
 * dependency; migrations in {@code src/main/resources/db/migration} are applied before JPA,
 * JdbcTemplate or jOOQ use the {@code DataSource}. See {@link
 * dev.godwit.spring.boot.GodwitAutoConfiguration} for the settings, {@link
 * dev.godwit.spring.boot.GodwitMigrationStrategy} and {@link
 * dev.godwit.spring.boot.GodwitConfigurationCustomizer} for hooks.
 */
package dev.godwit.spring.boot;
