package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the history table when it is missing, for migrate and baseline. */
final class HistorySetup {
  private static final Logger LOG = LoggerFactory.getLogger(HistorySetup.class);

  private HistorySetup() {}

  /**
   * Makes sure the history table exists (creating it, or baselining a non-empty schema when
   * allowed) and reads it. Call under the lock.
   *
   * @param forMigrate whether migrate asks: a non-empty schema without a history table is then an
   *     error unless {@code baselineOnMigrate} is set, and gets a baseline row when it is
   */
  static List<HistoryRow> prepare(CommandContext ctx, boolean forMigrate) {
    Session s = ctx.session();
    try {
      boolean exists = s.historyExists();
      if (exists) {
        return s.readHistory(); // refuses unreadable rows rather than migrating past them
      }
      boolean empty = true;
      List<String> nonEmpty = new ArrayList<>();
      for (String schema : s.schemas) {
        if (s.dialect.schemaExists(s.connection, schema)
            && !s.dialect.schemaIsEmpty(s.connection, schema)) {
          empty = false;
          nonEmpty.add(schema);
        }
      }
      if (!empty && forMigrate && !ctx.config().flag(ConfigKey.BASELINE_ON_MIGRATE)) {
        throw new GodwitException(
            ErrorCode.VALIDATION,
            "Found non-empty schema(s) "
                + String.join(", ", nonEmpty)
                + " but no history table "
                + s.history.schema()
                + "."
                + s.history.table()
                + ". If this database already has its schema, run baseline first (or set"
                + " baselineOnMigrate=true); if it is the wrong database, check 'url' and"
                + " 'schemas'.");
      }
      List<String> created = s.createSchemasAndHistoryTable();
      List<HistoryRow> rows = new ArrayList<>();
      int rank = 1;
      if (!created.isEmpty()) {
        HistoryRow marker = HistoryRow.schemaMarker(quotedList(s, created), s.installedBy);
        s.history.insert(s.connection, marker);
        rows.add(marker);
      }
      if (!empty && forMigrate) {
        HistoryRow b = baselineRow(ctx, rank);
        s.history.insert(s.connection, b);
        rows.add(b);
        LOG.info("Baselined non-empty schema at version {}", b.version());
      }
      return rows;
    } catch (SQLException e) {
      throw s.sqlFailure("prepare the history table", e);
    }
  }

  /** The baseline row the configuration asks for ({@code baselineVersion}, its description). */
  static HistoryRow baselineRow(CommandContext ctx, int rank) {
    return HistoryRow.baseline(
        rank,
        ctx.baselineVersion(),
        ctx.config().string(ConfigKey.BASELINE_DESCRIPTION),
        ctx.session().installedBy);
  }

  private static String quotedList(Session s, List<String> names) {
    List<String> q = new ArrayList<>();
    names.forEach(n -> q.add(s.dialect.quote(n)));
    return String.join(",", q);
  }
}
