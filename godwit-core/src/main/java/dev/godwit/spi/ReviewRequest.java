package dev.godwit.spi;

import dev.godwit.api.GodwitConfig;
import java.sql.Connection;
import java.util.List;

/**
 * What a {@link PendingMigrationReviewer} gets.
 *
 * @param database {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite} or {@code h2}
 * @param serverVersion the server's version string, e.g. {@code 15.4} or {@code 10.11.19-MariaDB}
 * @param connection a live connection for catalog reads (table sizes); do not change anything
 * @param scripts every local SQL migration in apply order: applied ones (context: the schema they
 *     built) and then the pending ones to review
 * @param config the configuration in effect
 */
public record ReviewRequest(
    String database,
    String serverVersion,
    Connection connection,
    List<Script> scripts,
    GodwitConfig config) {

  /** Freezes the list. */
  public ReviewRequest {
    scripts = List.copyOf(scripts);
  }

  /**
   * One SQL migration.
   *
   * @param name the file's path as messages show it
   * @param text the file's text, placeholders not replaced
   * @param pending whether migrate is about to run it (else it is already applied)
   * @param transactional false when its script config sets executeInTransaction=false
   */
  public record Script(String name, String text, boolean pending, boolean transactional) {}
}
