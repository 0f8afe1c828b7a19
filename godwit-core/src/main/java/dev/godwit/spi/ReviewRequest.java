package dev.godwit.spi;

import dev.godwit.api.GodwitConfig;
import dev.godwit.sql.SqlDialect;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PendingMigrationReviewer} gets.
 *
 * @param database the connected server's dialect, told apart by its product name and version
 *     ({@link SqlDialect#fromServer}): {@link SqlDialect#MARIADB} for a MariaDB server even through
 *     a {@code jdbc:mysql:} URL
 * @param serverVersion the server's version string, e.g. {@code 15.4} or {@code 10.11.19-MariaDB}
 * @param connection a live connection for catalog reads (table sizes); do not change anything
 * @param scripts every local SQL migration in apply order: applied ones (context: the schema they
 *     built) and then the pending ones to review
 * @param config the configuration in effect
 */
public record ReviewRequest(
    SqlDialect database,
    String serverVersion,
    Connection connection,
    List<Script> scripts,
    GodwitConfig config) {

  /** Freezes the list. */
  public ReviewRequest {
    Objects.requireNonNull(database, "database");
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
