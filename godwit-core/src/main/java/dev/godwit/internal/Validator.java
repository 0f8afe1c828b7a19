package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.MigrationState;
import dev.godwit.api.ValidationIssue;
import dev.godwit.api.ValidationIssue.Kind;
import java.util.ArrayList;
import java.util.List;

/** Compares applied and local migrations, in Flyway's order of checks; linear in their number. */
final class Validator {
  private Validator() {}

  static List<ValidationIssue> validate(
      List<StateCalculator.Entry> entries, IgnorePatterns ignore) {
    List<ValidationIssue> issues = new ArrayList<>();
    for (StateCalculator.Entry e : entries) {
      ValidationIssue issue = check(e, ignore);
      if (issue != null) {
        issues.add(issue);
      }
    }
    return issues;
  }

  private static ValidationIssue check(StateCalculator.Entry e, IgnorePatterns ignore) {
    boolean rep = e.repeatable();
    HistoryRow row = e.row();
    ResolvedMigration file = e.resolved();
    String version = row != null ? row.version() : file.versionText();
    String description = row != null ? row.description() : file.description();
    String script = file != null ? file.displayName() : row.script();
    String name = describe(rep, version, description, script);
    switch (e.state()) {
      case FAILED:
      case MISSING_FAILED:
        return issue(
            Kind.FAILED,
            e,
            name
                + " failed"
                + (row.installedOn() != null ? " on " + row.installedOn() : "")
                + " and is recorded as failed. Undo its partial changes by hand and run repair"
                + " to remove the failed row, then migrate again.");
      case FUTURE_FAILED:
        if (ignore.ignores(rep, "future")) {
          return null;
        }
        return issue(
            Kind.FAILED,
            e,
            name + " failed, and no local file has its version. Run repair after cleaning up.");
      case MISSING:
        if (ignore.ignores(rep, "missing")) {
          return null;
        }
        return issue(
            Kind.MISSING,
            e,
            "Detected applied migration not resolved locally: "
                + name
                + ". Restore the file, or if you removed it on purpose run repair to mark it"
                + " deleted (or set ignoreMigrationPatterns to *:missing).");
      case FUTURE:
        if (ignore.ignores(rep, "future")) {
          return null;
        }
        return issue(
            Kind.FUTURE,
            e,
            name
                + " is applied but newer than every local migration: is this checkout behind the"
                + " database? (ignoreMigrationPatterns *:future lets it pass)");
      case IGNORED:
        if (ignore.ignores(rep, "ignored")) {
          return null;
        }
        return issue(
            Kind.IGNORED,
            e,
            name
                + " is not applied and older than the latest applied version, so it will not run."
                + " Give it a higher version, or set outOfOrder=true to run it anyway (or"
                + " ignoreMigrationPatterns *:ignored to skip it).");
      case PENDING:
        // A post-phase migration waits for the post-deploy run, with later versions applied
        // ahead of it by pre-phase runs: that is the deploy going to plan.
        if (ignore.ignores(rep, "pending") || file.phase() == DeployPhase.POST) {
          return null;
        }
        return issue(
            Kind.PENDING, e, name + " is pending: run migrate (or ignore with *:pending).");
      case OUTDATED:
        if (ignore.ignores(rep, "pending")) {
          return null;
        }
        return issue(
            Kind.OUTDATED, e, name + " changed since it last ran; migrate will run it again.");
      case SUCCESS:
      case OUT_OF_ORDER:
        return compare(e, name);
      default:
        return null;
    }
  }

  private static ValidationIssue compare(StateCalculator.Entry e, String name) {
    HistoryRow row = e.row();
    ResolvedMigration file = e.resolved();
    if (row == null || file == null) {
      return null;
    }
    if (file.type() != row.type()) {
      return new ValidationIssue(
          Kind.TYPE_MISMATCH,
          row.version(),
          row.description(),
          file.displayName(),
          row.checksum(),
          file.checksum(),
          "Migration type mismatch for "
              + name
              + ": applied as "
              + row.type()
              + ", the migration is now "
              + file.type()
              + ". Restore the original kind of migration, or run repair to record the new one.");
    }
    if (!file.isRepeatable() && !file.checksumMatches(row.checksum())) {
      return new ValidationIssue(
          Kind.CHECKSUM_MISMATCH,
          row.version(),
          row.description(),
          file.displayName(),
          row.checksum(),
          file.checksum(),
          "Migration checksum mismatch for "
              + name
              + ": applied to database "
              + row.checksum()
              + ", resolved locally "
              + file.checksum()
              + ". The file changed after it was applied: revert the edit and put the change in a"
              + " new migration, or run repair if the edit is harmless.");
    }
    String expected = HistoryTable.truncateDescription(file.description());
    if (!expected.equals(row.description())) {
      return new ValidationIssue(
          Kind.DESCRIPTION_MISMATCH,
          row.version(),
          row.description(),
          file.displayName(),
          row.checksum(),
          file.checksum(),
          "Migration description mismatch for "
              + name
              + ": applied as '"
              + row.description()
              + "', the file now says '"
              + expected
              + "'. Rename the file back, or run repair to record the new name.");
    }
    return null;
  }

  private static ValidationIssue issue(Kind kind, StateCalculator.Entry e, String message) {
    HistoryRow row = e.row();
    ResolvedMigration file = e.resolved();
    return new ValidationIssue(
        kind,
        row != null ? row.version() : file.versionText(),
        row != null ? row.description() : file.description(),
        file != null ? file.displayName() : row.script(),
        row != null ? row.checksum() : null,
        file != null ? file.checksum() : null,
        message);
  }

  static String describe(boolean repeatable, String version, String description, String script) {
    return (repeatable ? "repeatable '" + description + "'" : "version " + version)
        + " ("
        + script
        + ")";
  }

  static boolean isProblemState(MigrationState s) {
    return s.isFailed();
  }
}
