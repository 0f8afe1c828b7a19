package dev.godwit.api;

import dev.godwit.sql.SqlDialect;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Godwit#scripts(ScriptsRequest)} lists.
 *
 * @param files explicit files and folders (a folder stands for the migration files under it), read
 *     as the configured locations are; empty for the locations' migrations
 * @param connect whether to connect when a URL is configured, for the history (pending or applied),
 *     the server version and the table sizes; without a connection every migration counts as
 *     pending
 * @param dialect the dialect when not connected, or null for the one the URL names
 */
public record ScriptsRequest(List<Path> files, boolean connect, SqlDialect dialect) {

  /** Freezes the list. */
  public ScriptsRequest {
    files = List.copyOf(files);
  }

  /** The locations' migrations, with the history when a URL is configured. */
  public static ScriptsRequest locations() {
    return new ScriptsRequest(List.of(), true, null);
  }

  /** The given files and folders, with the live server's facts when a URL is configured. */
  public static ScriptsRequest files(List<Path> files) {
    return new ScriptsRequest(files, true, null);
  }

  /** The same request without connecting. */
  public ScriptsRequest offline() {
    return new ScriptsRequest(files, false, dialect);
  }

  /** The same request with the dialect to assume when not connected. */
  public ScriptsRequest withDialect(SqlDialect d) {
    return new ScriptsRequest(files, connect, d);
  }
}
