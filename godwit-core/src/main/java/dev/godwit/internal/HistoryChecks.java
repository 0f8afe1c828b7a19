package dev.godwit.internal;

import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import dev.godwit.api.ValidationIssue;
import dev.godwit.api.ValidationIssue.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks of the history rows themselves, before they are matched with files: rows that state
 * something a run of Godwit or Flyway never writes, which the state calculation would otherwise
 * pass over in silence.
 */
final class HistoryChecks {
  private HistoryChecks() {}

  /** The unreadable rows as validation issues. */
  static List<ValidationIssue> corruptIssues(List<HistoryTable.CorruptRow> corrupt) {
    List<ValidationIssue> issues = new ArrayList<>();
    for (HistoryTable.CorruptRow r : corrupt) {
      issues.add(
          new ValidationIssue(
              Kind.CORRUPT_ROW,
              r.column().equals("version") ? r.value() : null,
              null,
              null,
              null,
              null,
              "History row " + r.describe()));
    }
    return issues;
  }

  /**
   * A versioned SQL row without a checksum, and a version with two successful rows that no undo or
   * delete row separates.
   */
  static List<ValidationIssue> check(List<HistoryRow> rows) {
    List<ValidationIssue> issues = new ArrayList<>();
    Map<MigrationVersion, HistoryRow> live = new HashMap<>();
    for (HistoryRow r : rows) {
      if (r.version() == null) {
        continue;
      }
      MigrationVersion v = r.parsedVersion();
      if (r.type() == MigrationType.SQL && r.success() && r.checksum() == null) {
        issues.add(
            issue(
                r,
                "History row installed_rank "
                    + r.rank()
                    + " ("
                    + r.script()
                    + ") has no checksum, so a change to the file would go unnoticed. Run repair"
                    + " to record the file's checksum."));
      }
      if (r.type().isUndo() || r.type() == MigrationType.DELETE) {
        live.remove(v);
      } else if (r.success() && !r.type().isSynthetic() && !r.type().isBaseline()) {
        HistoryRow earlier = live.put(v, r);
        if (earlier != null) {
          issues.add(
              issue(
                  r,
                  "Version "
                      + r.version()
                      + " is recorded as applied twice (installed_rank "
                      + earlier.rank()
                      + " and "
                      + r.rank()
                      + "), with no undo between them: one run of Godwit or Flyway never writes"
                      + " this. Delete the row that does not belong."));
        }
      }
    }
    return issues;
  }

  private static ValidationIssue issue(HistoryRow r, String message) {
    return new ValidationIssue(
        Kind.CORRUPT_ROW, r.version(), r.description(), r.script(), r.checksum(), null, message);
  }
}
