package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationScript;
import dev.godwit.api.ScriptsRequest;
import dev.godwit.api.ScriptsResult;
import dev.godwit.api.SecretMasking;
import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code scripts}: the SQL migrations as the runner will run them, for the linter and the build
 * integrations. Read-only: it reads the history when it exists and never creates it, and fires no
 * callbacks.
 */
final class ScriptsCommand {
  private ScriptsCommand() {}

  static ScriptsResult run(GodwitConfig config, ScriptsRequest request) {
    if (request.connect() && config.url() != null) {
      return connected(config, request);
    }
    return offline(config, request);
  }

  /** With the history, the server's version and the table sizes. */
  private static ScriptsResult connected(GodwitConfig config, ScriptsRequest request) {
    try (Session s = Session.open(config)) {
      List<String> warnings = new ArrayList<>();
      ScriptListing listing = new ScriptListing(config, s.dialect, new ScriptReader(s));
      List<MigrationScript> scripts;
      if (request.files().isEmpty()) {
        Resolution res = new MigrationResolver(config, () -> s.placeholders).resolve();
        warnings.addAll(res.warnings());
        StateCalculator.States states =
            StateCalculator.compute(
                res, s.readHistory(), config.target(), config.flag(ConfigKey.OUT_OF_ORDER));
        Set<ResolvedMigration> pending = Set.copyOf(states.pending());
        scripts = listing.list(res, pending::contains);
      } else {
        Resolution res = locationsOrNone(config, () -> s.placeholders, warnings);
        scripts = new ExplicitScripts(config, listing).list(res, request.files());
      }
      if (request.whileConnected() != null) {
        request.whileConnected().accept(s.connection);
      }
      return withServerFacts(s, scripts, warnings);
    }
  }

  /**
   * The listing with what the connected server tells: its dialect, version and table sizes. Without
   * sizes every size-aware lint rule keeps its default severity, so a failed read is a warning.
   */
  static ScriptsResult withServerFacts(
      Session s, List<MigrationScript> scripts, List<String> warnings) {
    List<TableSize> sizes;
    List<String> all = new ArrayList<>(warnings);
    try {
      sizes = s.dialect.tableSizes(s.connection);
    } catch (SQLException e) {
      sizes = List.of();
      all.add(
          "Table sizes not read: " + SecretMasking.scrub(e.getMessage(), s.connections.password()));
    }
    return new ScriptsResult(s.dialect.sqlDialect(), version(s), sizes, scripts, all);
  }

  private static String version(Session s) {
    try {
      return s.connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "";
    }
  }

  /** Without a connection nothing is known to be applied: every script counts as pending. */
  private static ScriptsResult offline(GodwitConfig config, ScriptsRequest request) {
    SqlDialect d = request.dialect();
    if (d == null) {
      d =
          SqlDialect.fromJdbcUrl(config.url())
              .orElseThrow(
                  () ->
                      new GodwitException(
                          ErrorCode.CONFIGURATION,
                          "Listing scripts without a connection needs the dialect: set url to a"
                              + " JDBC URL or name the dialect (pg, mysql, mariadb, sqlite, h2)"));
    }
    ScriptListing listing =
        new ScriptListing(config, Dialect.of(d), new ScriptReader(config, d, 0, null));
    List<String> warnings = new ArrayList<>();
    List<MigrationScript> scripts;
    if (request.files().isEmpty()) {
      Resolution res = new MigrationResolver(config, () -> null).resolve();
      warnings.addAll(res.warnings());
      scripts = listing.list(res, m -> true);
    } else {
      Resolution res = locationsOrNone(config, () -> null, warnings);
      scripts = new ExplicitScripts(config, listing).list(res, request.files());
    }
    return new ScriptsResult(d, null, List.of(), scripts, warnings);
  }

  /**
   * The locations' migrations, which explicit files are read after; when the locations cannot be
   * read (none in this project, a misnamed file), the files are listed alone, with a warning.
   */
  private static Resolution locationsOrNone(
      GodwitConfig config,
      java.util.function.Supplier<Placeholders> placeholders,
      List<String> warnings) {
    try {
      Resolution res = new MigrationResolver(config, placeholders).resolve();
      warnings.addAll(res.warnings());
      return res;
    } catch (GodwitException e) {
      warnings.add(
          "The locations were not read, so the files are read without the migrations before"
              + " them: "
              + e.getMessage());
      return null;
    }
  }
}
