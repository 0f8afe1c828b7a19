package dev.godwit.internal;

import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationType;
import dev.godwit.api.RepairResult;
import dev.godwit.api.RepairResult.Action;
import dev.godwit.api.RepairResult.Change;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Flyway's repair, in one transaction, reporting every change it makes. */
final class Repair {
  private Repair() {}

  static RepairResult run(
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
          s.history.insert(
              c,
              new HistoryRow(
                  rank++,
                  r.version(),
                  r.description(),
                  MigrationType.DELETE,
                  r.script(),
                  r.checksum(),
                  s.installedBy,
                  null,
                  0,
                  true));
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
    } else if (!java.util.Objects.equals(r.checksum(), f.checksum())) {
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
}
