package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementStream;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the callbacks of an event: the Java callbacks of the {@code callbacks} setting, then the
 * callback files in name order. Callbacks never enter the history.
 */
final class Callbacks {
  private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

  private final Session session;
  private final Resolution resolution;
  private final JavaCallbacks java;

  Callbacks(Session session, Resolution resolution) {
    this.session = session;
    this.resolution = resolution;
    this.java = JavaCallbacks.of(session.config);
  }

  /** Whether the event may run a callback (a Java callback decides only when asked). */
  boolean has(CallbackEvent event) {
    return resolution.callbacks().containsKey(event) || !java.isEmpty();
  }

  void fire(CallbackEvent event, Connection c) {
    fire(event, c, null);
  }

  /**
   * Runs the callbacks of an event about one migration (before, after or after a failure of each):
   * Java callbacks get its {@code MigrationInfo}.
   */
  void fire(CallbackEvent event, Connection c, ResolvedMigration migration) {
    java.fire(event, c, migration, session);
    List<Resource> files = resolution.callbacks().get(event);
    if (files == null) {
      return;
    }
    ScriptReader reader = new ScriptReader(session);
    for (Resource r : files) {
      LOG.debug("Running callback {}", r.displayName());
      ScriptConfig sc =
          r.path() != null ? ScriptConfig.forScript(r.path(), r.displayName()) : ScriptConfig.NONE;
      try (StatementStream stream = reader.open(r, sc);
          StatementExecutor exec = new StatementExecutor(c, 1)) {
        while (stream.hasNext()) {
          exec.run(stream.next());
        }
      } catch (StatementExecutor.StatementFailure f) {
        Statement s = f.statement;
        throw new GodwitException(
            ErrorCode.MIGRATION_FAILED,
            "Callback "
                + r.displayName()
                + " ("
                + event.fileName()
                + ") failed at line "
                + s.line()
                + ": "
                + SecretMasking.scrub(f.cause.getMessage(), session.connections.secrets())
                + "\n  Statement: "
                + Messages.firstLine(s.sql()),
            f.cause);
      }
    }
  }
}
