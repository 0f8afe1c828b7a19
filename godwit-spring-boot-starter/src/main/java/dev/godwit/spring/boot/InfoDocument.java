package dev.godwit.spring.boot;

import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code godwit info --json}'s document as maps and lists, for the actuator endpoint (Spring's JSON
 * writer renders it) and the health details. Times are ISO-8601 text, so Jackson 2 (Boot 3) and
 * Jackson 3 (Boot 4) write the same.
 */
final class InfoDocument {
  private InfoDocument() {}

  static Map<String, Object> of(InfoResult r) {
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
      o.put("type", m.type().name());
      o.put("script", m.script());
      o.put("state", m.state().name());
      o.put("checksum", m.checksum());
      o.put("installedOn", m.installedOn() == null ? null : m.installedOn().toString());
      o.put("installedBy", m.installedBy());
      o.put("executionTimeMs", m.executionTimeMs());
      o.put("installedRank", m.installedRank());
      o.put("undoable", m.undoable());
      o.put("statementsApplied", m.statementsApplied());
      o.put("statementsTotal", m.statementsTotal());
      items.add(o);
    }
    doc.put("migrations", items);
    doc.put("warnings", r.warnings());
    doc.put("server", r.server());
    return doc;
  }

  /** The same category words as the CLI's table: Versioned, Repeatable, Undo, or empty. */
  private static String category(MigrationInfo m) {
    if (m.type().isSynthetic() || m.type().isBaseline()) {
      return "";
    }
    if (m.type().isUndo()) {
      return "Undo";
    }
    return m.version() == null ? "Repeatable" : "Versioned";
  }

  /**
   * What the health indicators report.
   *
   * @param healthy false when a migration failed
   * @param details current version, counts of pending, failed and missing migrations, and the
   *     versions of the failed ones
   */
  record Health(boolean healthy, Map<String, Object> details) {}

  static Health health(InfoResult r) {
    List<String> failed = new ArrayList<>();
    int pending = 0;
    int missing = 0;
    for (MigrationInfo m : r.migrations()) {
      if (m.state().isFailed()) {
        failed.add(m.version() == null ? m.description() : m.version());
      }
      if (m.state() == MigrationState.PENDING) {
        pending++;
      }
      if (m.state() == MigrationState.MISSING || m.state() == MigrationState.MISSING_FAILED) {
        missing++;
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("database", r.database());
    details.put("currentVersion", r.currentVersion());
    details.put("pending", pending);
    details.put("failed", failed.size());
    if (!failed.isEmpty()) {
      details.put("failedMigrations", failed);
    }
    details.put("missing", missing);
    return new Health(failed.isEmpty(), details);
  }
}
