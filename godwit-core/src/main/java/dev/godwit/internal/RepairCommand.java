package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import dev.godwit.api.RepairResult;
import dev.godwit.api.RepairResult.Action;
import dev.godwit.api.RepairResult.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code repair}: Flyway's repair, in one transaction, reporting every change it makes; and {@code
 * repair --mark-applied}, which records a failed migration as completed by hand.
 */
final class RepairCommand {
  private RepairCommand() {}

  /** Removes failed rows, marks removed migrations deleted, realigns checksums and names. */
  static RepairResult repair(CommandContext ctx) {
    try (MigrationLock lock = ctx.session().lock()) {
      Session s = ctx.session();
      List<HistoryRow> rows = s.readHistoryKeepingCorrupt();
      List<Change> removed = removeCorrupt(s);
      if (rows.isEmpty()) {
        return new RepairResult(removed);
      }
      RepairResult result =
          run(s, ctx.states(rows), ctx.ignorePatterns(), HistoryRow.nextRank(rows));
      List<Change> all = new ArrayList<>(removed);
      all.addAll(result.changes());
      return new RepairResult(all);
    }
  }

  // Rows that cannot be read say nothing trustworthy about what ran: they go, each reported.
  private static List<Change> removeCorrupt(Session s) {
    List<Change> changes = new ArrayList<>();
    for (HistoryTable.CorruptRow r : s.history.corrupt()) {
      try {
        s.connection.setAutoCommit(true);
        s.history.deleteRank(s.connection, r.rank());
      } catch (SQLException e) {
        throw s.sqlFailure("remove the unreadable history row " + r.rank(), e);
      }
      changes.add(
          new Change(
              Action.REMOVED_CORRUPT_ROW,
              r.column().equals("version") ? r.value() : null,
              null,
              "removed the unreadable row (installed_rank "
                  + r.rank()
                  + ": "
                  + r.column()
                  + " '"
                  + r.value()
                  + "' "
                  + r.problem()
                  + ")"));
    }
    return changes;
  }

  private static RepairResult run(
      Session s, StateCalculator.States states, IgnorePatterns ignore, int nextRank) {
    Connection c = s.connection;
    List<Change> changes = new ArrayList<>();
    int rank = nextRank;
    try {
      c.setAutoCommit(false);
      for (StateCalculator.Entry e : states.entries()) {
        HistoryRow r = e.row();
        if (r == null) {
          continue;
        }
        MigrationState state = e.state();
        if (!r.success() && r.type() != MigrationType.DELETE) {
          s.history.deleteRank(c, r.rank());
          s.progress.resolve(c, r, "REPAIRED", s.installedBy);
          changes.add(
              new Change(
                  Action.REMOVED_FAILED_ROW,
                  r.version(),
                  r.description(),
                  "removed the failed row (installed_rank " + r.rank() + ", " + r.script() + ")"));
          continue;
        }
        boolean rep = e.repeatable();
        if ((state == MigrationState.MISSING && !ignore.ignores(rep, "missing"))
            || (state == MigrationState.FUTURE && !ignore.ignores(rep, "future"))) {
          s.history.insert(c, HistoryRow.deleted(r, rank++, s.installedBy));
          changes.add(
              new Change(
                  Action.MARKED_DELETED,
                  r.version(),
                  r.description(),
                  "marked deleted: its file " + r.script() + " is gone"));
          continue;
        }
        ResolvedMigration f = e.resolved();
        if (f == null
            || !(state == MigrationState.SUCCESS
                || state == MigrationState.OUT_OF_ORDER
                || state == MigrationState.OUTDATED)) {
          continue;
        }
        realign(s, c, r, f, changes);
      }
      c.commit();
      return new RepairResult(changes);
    } catch (SQLException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw s.sqlFailure("repair the history table (nothing was changed)", e);
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // The session is closed after the command.
      }
    }
  }

  private static void realign(
      Session s, Connection c, HistoryRow r, ResolvedMigration f, List<Change> changes)
      throws SQLException {
    Integer checksum = r.checksum();
    String description = r.description();
    MigrationType type = r.type();
    boolean changed = false;
    if (f.isRepeatable()) {
      // A repeatable whose row holds only the raw-text checksum gets the replaced one.
      if (r.checksum() != null
          && f.checksum() != null
          && !r.checksum().equals(f.checksum())
          && r.checksum().equals(f.equivalentChecksum())) {
        changes.add(
            new Change(
                Action.ALIGNED_CHECKSUM,
                null,
                r.description(),
                "checksum " + r.checksum() + " -> " + f.checksum()));
        checksum = f.checksum();
        changed = true;
      }
    } else if (!Objects.equals(r.checksum(), f.checksum())) {
      changes.add(
          new Change(
              Action.ALIGNED_CHECKSUM,
              r.version(),
              r.description(),
              "checksum " + r.checksum() + " -> " + f.checksum() + " (" + f.script() + ")"));
      checksum = f.checksum();
      changed = true;
    }
    String expected = HistoryTable.truncateDescription(f.description());
    if (!f.isRepeatable() && !expected.equals(r.description())) {
      changes.add(
          new Change(
              Action.ALIGNED_DESCRIPTION,
              r.version(),
              r.description(),
              "description '" + r.description() + "' -> '" + expected + "'"));
      description = expected;
      changed = true;
    }
    if (r.type() != f.type() && !r.type().isBaseline()) {
      changes.add(
          new Change(
              Action.ALIGNED_TYPE,
              r.version(),
              r.description(),
              "type " + r.type() + " -> " + f.type()));
      type = f.type();
      changed = true;
    }
    if (changed) {
      s.history.update(c, r.rank(), description, type, checksum);
    }
  }

  /** Records a failed migration as applied, with an audit entry in the progress table. */
  static RepairResult markApplied(CommandContext ctx, String version) {
    Session s = ctx.session();
    try (MigrationLock lock = s.lock()) {
      MigrationVersion v;
      try {
        v = MigrationVersion.parse(version);
      } catch (IllegalArgumentException e) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION, "--mark-applied takes a version: " + e.getMessage(), e);
      }
      HistoryRow failed = null;
      for (HistoryRow r : s.readHistory()) {
        if (!r.success() && r.version() != null && r.parsedVersion().equals(v)) {
          failed = r;
        }
      }
      if (failed == null) {
        throw new GodwitException(
            ErrorCode.VALIDATION,
            "Version " + version + " is not recorded as failed; there is nothing to mark.");
      }
      s.history.markSuccess(s.connection, failed.rank(), failed.executionTime());
      s.progress.resolve(s.connection, failed, "MARKED_APPLIED", s.installedBy);
      return new RepairResult(
          List.of(
              new Change(
                  Action.MARKED_APPLIED,
                  failed.version(),
                  failed.description(),
                  "recorded as applied by '" + s.installedBy + "' (" + failed.script() + ")")));
    } catch (SQLException e) {
      throw s.sqlFailure("mark version " + version + " as applied", e);
    }
  }
}
