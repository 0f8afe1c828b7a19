package dev.godwit.api;

import dev.godwit.sql.SqlDialect;
import java.util.List;

/**
 * The SQL migrations as the runner will run them, with what the database tells about them.
 *
 * @param dialect the connected server's dialect ({@link SqlDialect#MARIADB} for a MariaDB server
 *     even through a {@code jdbc:mysql:} URL), or the requested or configured one when not
 *     connected
 * @param serverVersion the server's version string ({@code 15.4}, {@code 10.11.19-MariaDB}), or
 *     null when not connected
 * @param tableSizes the catalog's estimates for the tables of the current schema, when connected
 *     (none for SQLite and H2, which keep no estimates)
 * @param scripts the migrations in apply order (versioned, repeatables), then undo scripts by
 *     version; for explicit files, the location's earlier versioned migrations and then the files
 * @param warnings misnamed files, empty locations
 */
public record ScriptsResult(
    SqlDialect dialect,
    String serverVersion,
    List<TableSize> tableSizes,
    List<MigrationScript> scripts,
    List<String> warnings) {

  /** Freezes the lists. */
  public ScriptsResult {
    tableSizes = List.copyOf(tableSizes);
    scripts = List.copyOf(scripts);
    warnings = List.copyOf(warnings);
  }

  /** Whether the facts come from a live connection. */
  public boolean connected() {
    return serverVersion != null;
  }

  /** The pending scripts, in order. */
  public List<MigrationScript> pending() {
    return scripts.stream().filter(MigrationScript::pending).toList();
  }
}
