package dev.godwit.cli;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.BaselineResult;
import dev.godwit.api.CleanResult;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.PlanResult;
import dev.godwit.api.RepairResult;
import dev.godwit.api.UndoResult;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationIssue;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders results: a readable table by default, or a stable JSON document with --json. Results go
 * to stdout; warnings and errors to stderr.
 */
final class Output {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;

  Output(PrintStream out, PrintStream err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  void warn(String message) {
    err.println("WARNING: " + message);
  }

  private void warnings(List<String> warnings) {
    warnings.forEach(this::warn);
  }

  private void emit(Map<String, Object> doc) {
    out.println(Json.write(doc));
  }

  // ------------------------------------------------------------ migrate

  void migrate(MigrateResult r, InfoResult info) {
    warnings(r.warnings());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("initialVersion", r.initialVersion());
      doc.put("targetVersion", r.targetVersion());
      doc.put("migrationsApplied", r.applied().size());
      doc.put("applied", applied(r.applied()));
      doc.put("warnings", r.warnings());
      emit(doc);
      return;
    }
    if (r.applied().isEmpty()) {
      out.println(
          "Schema is up to date"
              + (r.targetVersion() != null ? " at version " + r.targetVersion() : "")
              + ". Nothing to migrate.");
    } else {
      long ms = r.applied().stream().mapToLong(AppliedMigration::executionTimeMs).sum();
      out.println(
          "Applied "
              + r.applied().size()
              + (r.applied().size() == 1 ? " migration" : " migrations")
              + " in "
              + ms
              + " ms"
              + (r.targetVersion() != null ? " (now at version " + r.targetVersion() + ")" : ""));
      for (AppliedMigration a : r.applied()) {
        out.println(
            "  "
                + (a.version() != null ? "V" + a.version() : "R")
                + "  "
                + a.script()
                + "  "
                + a.statements()
                + (a.statements() == 1 ? " statement, " : " statements, ")
                + a.executionTimeMs()
                + " ms"
                + (a.transactional() ? "" : ", no transaction"));
      }
    }
    if (info != null) {
      out.println();
      infoTable(info);
    }
  }

  private static List<Object> applied(List<AppliedMigration> list) {
    List<Object> out = new ArrayList<>();
    for (AppliedMigration a : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", a.version());
      m.put("description", a.description());
      m.put("type", a.type());
      m.put("script", a.script());
      m.put("statements", a.statements());
      m.put("executionTimeMs", a.executionTimeMs());
      m.put("transactional", a.transactional());
      out.add(m);
    }
    return out;
  }

  // ------------------------------------------------------------ info

  void info(InfoResult r) {
    warnings(r.warnings());
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("database", r.database());
      doc.put("schema", r.schema());
      doc.put("table", r.table());
      doc.put("currentVersion", r.currentVersion());
      List<Object> items = new ArrayList<>();
      for (MigrationInfo m : r.migrations()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("category", category(m));
        o.put("version", m.version());
        o.put("description", m.description());
        o.put("type", m.type());
        o.put("script", m.script());
        o.put("state", m.state());
        o.put("checksum", m.checksum());
        o.put("installedOn", m.installedOn());
        o.put("installedBy", m.installedBy());
        o.put("executionTimeMs", m.executionTimeMs());
        o.put("installedRank", m.installedRank());
        o.put("undoable", m.undoable());
        o.put("statementsApplied", m.statementsApplied());
        o.put("statementsTotal", m.statementsTotal());
        o.put("phase", m.phase() == null ? null : m.phase().label());
        o.put("waitsForPostDeploy", m.waitsForPostDeploy());
        o.put("backfill", backfill(m.backfill()));
        o.put("statementInterrupted", m.statementInterrupted());
        items.add(o);
      }
      doc.put("migrations", items);
      doc.put("warnings", r.warnings());
      doc.put("server", r.server());
      emit(doc);
      return;
    }
    infoTable(r);
  }

  private void infoTable(InfoResult r) {
    out.println(
        r.database()
            + ", history table "
            + r.schema()
            + "."
            + r.table()
            + ", current version: "
            + (r.currentVersion() == null ? "none" : r.currentVersion()));
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "Category", "Version", "Description", "Type", "Phase", "Installed On", "State", "Undoable"
        });
    for (MigrationInfo m : r.migrations()) {
      rows.add(
          new String[] {
            category(m),
            m.version() == null ? "" : m.version(),
            m.description(),
            m.type().name(),
            m.phase() == null ? "" : m.phase().label(),
            m.installedOn() == null ? "" : TIME.format(m.installedOn()),
            stateName(m),
            m.undoable() ? "Yes" : "No"
          });
    }
    table(rows);
  }

  private static String category(MigrationInfo m) {
    if (m.type().isSynthetic() || m.type().isBaseline()) {
      return "";
    }
    if (m.type().isUndo()) {
      return "Undo";
    }
    return m.version() == null ? "Repeatable" : "Versioned";
  }

  private static Map<String, Object> backfill(MigrationInfo.Backfill b) {
    if (b == null) {
      return null;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("line", b.line());
    o.put("lastKey", b.lastKey());
    o.put("rowsDone", b.rowsDone());
    return o;
  }

  private static String stateName(MigrationInfo m) {
    String name = baseStateName(m);
    if (m.waitsForPostDeploy()) {
      name += " (waiting for the post-deploy phase)";
    }
    if (m.backfill() != null) {
      name +=
          " (backfill at line "
              + m.backfill().line()
              + ": "
              + m.backfill().rowsDone()
              + " rows done"
              + (m.backfill().lastKey() == null ? "" : ", last key " + m.backfill().lastKey())
              + ")";
    }
    if (m.statementInterrupted() != null) {
      return name
          + " (statement "
          + m.statementInterrupted()
          + " of "
          + m.statementsTotal()
          + " interrupted: it may have been applied; "
          + m.statementsApplied()
          + " before it applied)";
    }
    if (m.statementsApplied() != null) {
      return name
          + " ("
          + m.statementsApplied()
          + " of "
          + m.statementsTotal()
          + " statements applied)";
    }
    return name;
  }

  private static String baseStateName(MigrationInfo m) {
    return switch (m.state()) {
      case MISSING_FAILED -> "Failed (Missing)";
      case FUTURE_FAILED -> "Failed (Future)";
      case OUT_OF_ORDER -> "Out of Order";
      case ABOVE_TARGET -> "Above Target";
      case BELOW_BASELINE -> "Below Baseline";
      case BASELINE_IGNORED -> "Ignored (Baseline)";
      default -> {
        String n = m.state().name().toLowerCase(Locale.ROOT);
        yield Character.toUpperCase(n.charAt(0)) + n.substring(1);
      }
    };
  }

  private void table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder line = new StringBuilder("+");
    for (int w : width) {
      line.append("-".repeat(w + 2)).append('+');
    }
    out.println(line);
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < cols; i++) {
        String cell = rows.get(r)[i];
        sb.append(' ').append(cell).append(" ".repeat(width[i] - cell.length())).append(" |");
      }
      out.println(sb);
      if (r == 0) {
        out.println(line);
      }
    }
    if (rows.size() == 1) {
      out.println("| No migrations found" + " ".repeat(Math.max(0, line.length() - 22)) + "|");
    }
    out.println(line);
  }

  // ------------------------------------------------------------ validate

  void validate(ValidateResult r) {
    warnings(r.warnings());
    // Pending migrations are no defect of the history: counted and named apart from problems,
    // though validate still fails on them, as Flyway's does.
    long pending =
        r.issues().stream()
            .filter(
                i ->
                    i.kind() == ValidationIssue.Kind.PENDING
                        || i.kind() == ValidationIssue.Kind.OUTDATED)
            .count();
    long problems = r.issues().size() - pending;
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("valid", r.valid());
      doc.put("migrationsChecked", r.migrationsChecked());
      doc.put("problems", problems);
      doc.put("pending", pending);
      doc.put("issues", issues(r.issues()));
      doc.put("warnings", r.warnings());
      emit(doc);
      return;
    }
    if (r.valid()) {
      out.println("Validated " + r.migrationsChecked() + " migrations: no problems found.");
      return;
    }
    String pendingText =
        pending + (pending == 1 ? " migration" : " migrations") + " pending (not applied yet)";
    if (problems == 0) {
      out.println(
          "Validation failed: "
              + pendingText
              + ". The applied history is sound; validate fails on pending migrations as Flyway's"
              + " does: run migrate, or accept them with ignoreMigrationPatterns \"*:pending\".");
    } else {
      out.println(
          "Validation failed: "
              + problems
              + (problems == 1 ? " problem" : " problems")
              + " in "
              + r.migrationsChecked()
              + " migrations"
              + (pending > 0 ? ", and " + pendingText : ""));
    }
    for (ValidationIssue i : r.issues()) {
      out.println("  - [" + i.kind() + "] " + i.message());
    }
  }

  static List<Object> issues(List<ValidationIssue> issues) {
    List<Object> out = new ArrayList<>();
    for (ValidationIssue i : issues) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", i.kind());
      m.put("version", i.version());
      m.put("description", i.description());
      m.put("script", i.script());
      m.put("appliedChecksum", i.appliedChecksum());
      m.put("resolvedChecksum", i.resolvedChecksum());
      m.put("message", i.message());
      out.add(m);
    }
    return out;
  }

  // ------------------------------------------------------------ baseline, repair, undo, clean

  void baseline(BaselineResult r) {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("version", r.version());
      doc.put("description", r.description());
      doc.put("created", r.created());
      emit(doc);
      return;
    }
    out.println(
        r.created()
            ? "Baselined at version " + r.version() + " (" + r.description() + ")."
            : "The baseline at version " + r.version() + " exists already; nothing changed.");
  }

  void repair(RepairResult r) {
    if (json) {
      List<Object> changes = new ArrayList<>();
      for (RepairResult.Change c : r.changes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", c.action());
        m.put("version", c.version());
        m.put("description", c.description());
        m.put("detail", c.detail());
        changes.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("changes", changes);
      emit(doc);
      return;
    }
    if (r.changes().isEmpty()) {
      out.println("Repair: the history needed no change.");
      return;
    }
    out.println(
        "Repair made " + r.changes().size() + (r.changes().size() == 1 ? " change:" : " changes:"));
    for (RepairResult.Change c : r.changes()) {
      out.println(
          "  - "
              + (c.version() != null ? "version " + c.version() : "'" + c.description() + "'")
              + ": "
              + c.detail());
    }
  }

  void undo(UndoResult r) {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("undone", applied(r.undone()));
      doc.put("currentVersion", r.currentVersion());
      emit(doc);
      return;
    }
    if (r.undone().isEmpty()) {
      out.println("Nothing to undo.");
      return;
    }
    out.println(
        "Undid "
            + r.undone().size()
            + (r.undone().size() == 1 ? " version" : " versions")
            + "; now at version "
            + (r.currentVersion() == null ? "none" : r.currentVersion()));
    for (AppliedMigration a : r.undone()) {
      out.println("  V" + a.version() + "  " + a.script() + "  " + a.executionTimeMs() + " ms");
    }
  }

  void clean(CleanResult r) {
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("schemas", r.schemas());
      doc.put("droppedObjects", r.droppedObjects());
      emit(doc);
      return;
    }
    out.println(
        "Cleaned "
            + String.join(", ", r.schemas())
            + ": "
            + r.droppedObjects()
            + " objects dropped.");
  }

  // ------------------------------------------------------------ plan

  void plan(PlanResult r) {
    warnings(r.warnings());
    if (json) {
      List<Object> items = new ArrayList<>();
      for (PlanResult.Planned p : r.migrations()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", p.version());
        m.put("description", p.description());
        m.put("type", p.type());
        m.put("script", p.script());
        m.put("transactional", p.transactional());
        m.put("phase", p.phase() == null ? null : p.phase().label());
        List<Object> statements = new ArrayList<>();
        for (PlanResult.PlannedStatement s : p.statements()) {
          Map<String, Object> st = new LinkedHashMap<>();
          st.put("line", s.line());
          st.put("sql", s.sql());
          statements.add(st);
        }
        m.put("statements", statements);
        m.put("historyRow", p.historyRow());
        m.put("lockPolicy", LockPolicyText.json(p.lock()));
        items.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("command", r.command());
      doc.put("migrations", items);
      doc.put("warnings", r.warnings());
      emit(doc);
      return;
    }
    if (r.migrations().isEmpty()) {
      out.println("Nothing to " + r.command() + ".");
      return;
    }
    out.println(
        "Plan for "
            + r.command()
            + ": "
            + r.migrations().size()
            + " migration(s), nothing changed yet.");
    for (PlanResult.Planned p : r.migrations()) {
      out.println();
      out.println(
          (p.version() != null ? "V" + p.version() : "R")
              + " "
              + p.description()
              + " ("
              + p.script()
              + "), "
              + (p.transactional() ? "in one transaction" : "WITHOUT a transaction")
              + (p.phase() == dev.godwit.api.DeployPhase.POST ? ", post-deploy phase" : ""));
      for (PlanResult.PlannedStatement s : p.statements()) {
        String[] lines = s.sql().split("\n", -1);
        out.printf(Locale.ROOT, "  %5d | %s%n", s.line(), lines[0]);
        for (int i = 1; i < lines.length; i++) {
          out.printf(Locale.ROOT, "  %5s | %s%n", "", lines[i]);
        }
      }
      if (p.lock() != null) {
        out.println("  lock policy: " + LockPolicyText.line(p.lock()));
        p.lock().sql().forEach(sql -> out.println("    runs first: " + sql));
      }
      out.println("  writes history row: " + p.historyRow());
    }
  }
}
