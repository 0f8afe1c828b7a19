package dev.godwit.api;

import dev.godwit.sql.SqlDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@link Godwit#scripts(ScriptsRequest)} lists.
 *
 * @param files explicit files and folders (a folder stands for the migration files under it), read
 *     as the configured locations are; empty for the locations' migrations
 * @param connect whether to connect when a URL is configured, for the history (pending or applied),
 *     the server version and the table sizes; without a connection every migration counts as
 *     pending
 * @param dialect the dialect when not connected, or null for the one the URL names
 * @param whileConnected called with the live connection, when there is one, after the listing: for
 *     a caller that reads more of the catalog (the linter reads function volatility) over the same
 *     connection, with its retries and secret masking; null for none. It must not change the
 *     session (no transaction left open, no settings changed).
 */
public record ScriptsRequest(
    List<Path> files, boolean connect, SqlDialect dialect, Consumer<Connection> whileConnected) {

  /** Freezes the list. */
  public ScriptsRequest {
    files = List.copyOf(files);
  }

  /** A request without a connection callback. */
  public ScriptsRequest(List<Path> files, boolean connect, SqlDialect dialect) {
    this(files, connect, dialect, null);
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
    return new ScriptsRequest(files, false, dialect, whileConnected);
  }

  /** The same request with the dialect to assume when not connected. */
  public ScriptsRequest withDialect(SqlDialect d) {
    return new ScriptsRequest(files, connect, d, whileConnected);
  }

  /** The same request, calling {@code reader} with the live connection when connected. */
  public ScriptsRequest whileConnected(Consumer<Connection> reader) {
    return new ScriptsRequest(files, connect, dialect, reader);
  }
}
