package dev.godwit.internal;

import dev.godwit.api.CleanResult;
import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code clean}: drops every object in the managed schemas, and the schemas Godwit created. */
final class CleanCommand {
  private CleanCommand() {}

  /** Refuses before connecting: in production, and unless {@code cleanEnabled} is set. */
  static void refuseUnlessAllowed(GodwitConfig config) {
    if (config.flag(ConfigKey.PRODUCTION)) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "clean is always refused in a production environment: it drops every object.");
    }
    if (!config.flag(ConfigKey.CLEAN_ENABLED)) {
      throw new GodwitException(
          ErrorCode.REFUSED,
          "clean is disabled: it drops every object in "
              + "the managed schemas. Set cleanEnabled=true (never in production) to allow it.");
    }
  }

  static CleanResult run(CommandContext ctx) {
    Session s = ctx.session();
    try (MigrationLock lock = s.lock()) {
      // Clean drops the history with everything else: an unreadable row does not stop it.
      List<HistoryRow> rows = s.readHistoryKeepingCorrupt();
      // Schemas listed in the schema marker row were created by migrate: they go whole.
      List<String> created = new ArrayList<>();
      for (HistoryRow r : rows) {
        if (r.type() == MigrationType.SCHEMA) {
          for (String q : r.script().split(",")) {
            created.add(q.replace("\"", "").replace("`", "").trim());
          }
        }
      }
      int dropped = 0;
      List<String> keep = new ArrayList<>();
      for (String schema : s.schemas) {
        if (created.contains(schema)) {
          dropped += s.dialect.clean(s.connection, List.of(schema), true);
        } else {
          keep.add(schema);
        }
      }
      dropped += s.dialect.clean(s.connection, keep, false);
      s.forgetHistoryTable();
      return new CleanResult(s.schemas, dropped);
    } catch (SQLException e) {
      throw s.sqlFailure("clean", e);
    }
  }
}
