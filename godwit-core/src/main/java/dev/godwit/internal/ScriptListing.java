package dev.godwit.internal;

import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationScript;
import dev.godwit.api.MigrationVersion;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import dev.godwit.sql.StatementStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SQL migrations of a resolution as {@link MigrationScript}s: their text and whether the runner
 * runs each in a transaction, decided by the runner's own {@link TransactionDecision} over the
 * statements the runner's own {@link ScriptReader} splits.
 */
final class ScriptListing {
  private final GodwitConfig config;
  private final Dialect dialect;
  private final ScriptReader reader;

  ScriptListing(GodwitConfig config, Dialect dialect, ScriptReader reader) {
    this.config = config;
    this.dialect = dialect;
    this.reader = reader;
  }

  /**
   * The resolution's SQL migrations: versioned in version order, repeatables, baselines, then undo
   * scripts by version. Java migrations have no text and are left out.
   */
  List<MigrationScript> list(Resolution res, Predicate<ResolvedMigration> pending) {
    List<ResolvedMigration> all = new ArrayList<>(res.versioned());
    all.addAll(res.repeatables());
    all.addAll(res.baselines());
    res.undos().values().stream()
        .sorted(Comparator.comparing(ResolvedMigration::version))
        .forEach(all::add);
    List<MigrationScript> out = new ArrayList<>();
    for (ResolvedMigration m : all) {
      if (m.resource() != null) {
        out.add(describe(m, m.displayName(), pending.test(m)));
      }
    }
    return out;
  }

  /** One resolved migration, named {@code name} in messages. */
  MigrationScript describe(ResolvedMigration m, String name, boolean pending) {
    return describe(
        m.resource(),
        m.scriptConfig(),
        name,
        m.script(),
        m.resource().location(),
        m.version(),
        m.description(),
        kindOf(m.kind()),
        pending);
  }

  /** A script file read as the runner reads it. */
  MigrationScript describe(
      Resource r,
      ScriptConfig sc,
      String name,
      String script,
      String location,
      MigrationVersion version,
      String description,
      MigrationScript.Kind kind,
      boolean pending) {
    TransactionDecision decision = new TransactionDecision(config, dialect);
    String text = null;
    // A data load larger than this is not read whole; its transaction mode follows the settings.
    if (r.path() == null || r.size() <= MigrationScript.MAX_READ_BYTES) {
      text = r.readText(MigrationResolver.charsetFor(config, sc, r));
      try (StatementStream s = reader.open(r, sc)) {
        while (s.hasNext()) {
          Statement st = s.next();
          if (!st.has(StatementFlag.COMMENT_ONLY)) {
            decision.see(st);
          }
        }
      } catch (GodwitException e) {
        // The runner fails on this script when it gets to it; the statements before count here,
        // and the linter reports the split problem itself.
      }
    }
    TransactionDecision.Outcome o = decision.decide(sc, name, script);
    return new MigrationScript(
        name,
        script,
        location,
        version,
        description,
        kind,
        text,
        pending,
        o.transactional(),
        o.reason());
  }

  static MigrationScript.Kind kindOf(MigrationNames.Kind k) {
    return switch (k) {
      case VERSIONED -> MigrationScript.Kind.VERSIONED;
      case UNDO -> MigrationScript.Kind.UNDO;
      case REPEATABLE -> MigrationScript.Kind.REPEATABLE;
      case BASELINE -> MigrationScript.Kind.BASELINE;
      case CALLBACK -> MigrationScript.Kind.OTHER;
    };
  }
}
