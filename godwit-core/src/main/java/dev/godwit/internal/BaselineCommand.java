package dev.godwit.internal;

import dev.godwit.api.BaselineResult;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.sql.SQLException;
import java.util.List;

/** {@code baseline}: records the existing schema as {@code baselineVersion}. */
final class BaselineCommand {
  private BaselineCommand() {}

  /**
   * Writes the baseline row into a history that holds nothing else (a schema marker at most);
   * running it again with the same version changes nothing.
   */
  static BaselineResult run(CommandContext ctx) {
    Session s = ctx.session();
    try (MigrationLock lock = s.lock()) {
      List<HistoryRow> rows = HistorySetup.prepare(ctx, false);
      HistoryRow wanted = HistorySetup.baselineRow(ctx, HistoryRow.nextRank(rows));
      for (HistoryRow r : rows) {
        if (r.type() == MigrationType.BASELINE) {
          if (r.parsedVersion().equals(MigrationVersion.parse(wanted.version()))) {
            return new BaselineResult(r.version(), r.description(), false);
          }
          throw new GodwitException(
              ErrorCode.VALIDATION,
              "A different baseline exists already: version "
                  + r.version()
                  + " ('"
                  + r.description()
                  + "'). Baseline only once.");
        }
      }
      boolean onlySchemaMarker = rows.stream().allMatch(r -> r.type() == MigrationType.SCHEMA);
      if (!onlySchemaMarker) {
        throw new GodwitException(
            ErrorCode.VALIDATION,
            "Cannot baseline: the history table "
                + s.history.schema()
                + "."
                + s.history.table()
                + " already contains migrations.");
      }
      s.history.insert(s.connection, wanted);
      return new BaselineResult(wanted.version(), wanted.description(), true);
    } catch (SQLException e) {
      throw s.sqlFailure("write the baseline row", e);
    }
  }
}
