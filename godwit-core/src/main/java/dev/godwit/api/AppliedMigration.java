package dev.godwit.api;

/**
 * A migration that {@code migrate} or {@code undo} ran.
 *
 * @param version the version, or null for a repeatable
 * @param description the description
 * @param type the type recorded in the history
 * @param script the script or class
 * @param statements how many statements ran
 * @param executionTimeMs how long it took
 * @param transactional whether it ran in one transaction
 */
public record AppliedMigration(
    String version,
    String description,
    MigrationType type,
    String script,
    int statements,
    int executionTimeMs,
    boolean transactional) {}
