package dev.godwit.api;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code info}.
 *
 * @param database the database product and version
 * @param schema the schema holding the history table
 * @param table the history table name
 * @param currentVersion the latest applied version, or null
 * @param migrations every migration, applied ones in rank order then pending ones in order
 * @param warnings warnings such as misnamed files
 * @param server server settings a migration may depend on (version; on MySQL and MariaDB also
 *     flavor and sql_mode)
 */
public record InfoResult(
    String database,
    String schema,
    String table,
    String currentVersion,
    List<MigrationInfo> migrations,
    List<String> warnings,
    Map<String, String> server) {

  /** Freezes the lists. */
  public InfoResult {
    migrations = List.copyOf(migrations);
    warnings = List.copyOf(warnings);
    server = Map.copyOf(server);
  }

  /** Migrations in the given state. */
  public List<MigrationInfo> inState(MigrationState state) {
    return migrations.stream().filter(m -> m.state() == state).toList();
  }
}
