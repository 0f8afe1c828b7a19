package dev.godwit.maven;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.PlanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The core's results as lines of the build log. */
final class Results {
  private Results() {}

  static String applied(AppliedMigration m) {
    return (m.version() == null ? "R" : m.version())
        + " "
        + m.description()
        + " ("
        + m.statements()
        + " statement(s), "
        + m.executionTimeMs()
        + " ms"
        + (m.transactional() ? "" : ", no transaction")
        + ")";
  }

  static String migrated(MigrateResult r) {
    if (r.applied().isEmpty()) {
      return "Schema is up to date at version "
          + shown(r.initialVersion())
          + ": nothing to migrate";
    }
    return "Applied "
        + r.applied().size()
        + " migration(s): version "
        + shown(r.initialVersion())
        + " -> "
        + shown(r.info().currentVersion());
  }

  /** One line per migration: version, description, type, state, installed on. */
  static List<String> table(InfoResult r) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Schema "
            + shown(r.schema())
            + ", history table "
            + r.table()
            + ", current version "
            + shown(r.currentVersion()));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-10s %-40s %-10s %-12s %s",
            "Version",
            "Description",
            "Type",
            "State",
            "Installed on"));
    for (MigrationInfo m : r.migrations()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-10s %-40s %-10s %-12s %s",
              m.version() == null ? "" : m.version(),
              m.description(),
              m.type(),
              m.state(),
              m.installedOn() == null ? "" : m.installedOn()));
    }
    return lines;
  }

  /** Each planned migration with its statements. */
  static List<String> plan(PlanResult r) {
    List<String> lines = new ArrayList<>();
    if (r.migrations().isEmpty()) {
      lines.add("Nothing to " + r.command());
    }
    for (PlanResult.Planned p : r.migrations()) {
      lines.add(
          (p.version() == null ? "R" : p.version())
              + " "
              + p.description()
              + " ("
              + p.script()
              + (p.transactional() ? ", in a transaction" : ", no transaction")
              + ")");
      for (PlanResult.PlannedStatement s : p.statements()) {
        lines.add("  " + s.line() + ": " + s.sql().strip().replace("\n", "\n     "));
      }
    }
    return lines;
  }

  private static String shown(String version) {
    return version == null ? "none" : version;
  }
}
