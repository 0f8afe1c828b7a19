package dev.godwit.api;

import java.sql.Connection;

/**
 * What a {@link JavaMigration} gets to work with.
 *
 * @param connection the connection of the migration's transaction; do not commit or close it
 * @param config the configuration in effect
 */
public record MigrationContext(Connection connection, GodwitConfig config) {}
