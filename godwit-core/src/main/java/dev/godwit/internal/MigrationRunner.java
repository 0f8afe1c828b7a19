package dev.godwit.internal;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationContext;
import dev.godwit.api.MigrationFailedException;
import dev.godwit.api.SecretMasking;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import dev.godwit.sql.StatementStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration and records it: in one transaction with its history row where the script
 * allows, otherwise statement by statement with a failed row when it breaks part-way.
 */
final class MigrationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
  // Scripts up to this many characters are split once and kept; larger ones are split twice
  // (once to decide the transaction mode, once to run) so memory stays bounded. Kept statements
  // cost several times their text in objects: at 1 M characters a few MB, which a 32 MB heap
  // takes; a second split of a larger script costs less than its execution.
  private static final long KEEP_LIMIT = 1024L * 1024;
  private static final int LISTED_STATEMENTS = 25;

  /**
   * What a first pass over a script found.
   *
   * @param statements the statements, or null when the script was too large to keep
   * @param transactional whether it runs in one transaction
   * @param reason why it runs without one, or null
   * @param count how many executable statements it has
   * @param lock how it bounds its lock waits: the settings, with the script's own values
   * @param backfills its batched backfills ({@code -- godwit:batch}); with any, its history and
   *     progress rows are written before it starts
   */
  record Prepared(
      List<Statement> statements,
      boolean transactional,
      String reason,
      int count,
      LockTimeoutPolicy lock,
      List<Statement> backfills) {

    boolean backfill() {
      return !backfills.isEmpty();
    }
  }

  private final Session session;
  private final Callbacks callbacks;
  private final ScriptReader reader;
  private final StatementLocks locks;
  private final LockTimeoutPolicy policy;
  private final boolean grouped;
  // Set once the migration's work is done and its history row is being written and committed: a
  // connection lost from here on leaves unknown whether the transaction committed.
  private boolean finishing;

  MigrationRunner(Session session, Callbacks callbacks) {
    this(session, callbacks, false);
  }

  /**
   * A runner.
   *
   * @param grouped whether the caller holds one transaction around all migrations ({@code
   *     group=true}): the runner then neither commits nor retries a migration on its own, since a
   *     rollback undoes the whole group
   */
  MigrationRunner(Session session, Callbacks callbacks, boolean grouped) {
    this.session = session;
    this.callbacks = callbacks;
    this.reader = new ScriptReader(session);
    this.locks = session.dialect.statementLocks();
    this.policy = LockTimeoutPolicy.of(session.config);
    this.grouped = grouped;
  }

  /** How plan shows the lock policy a prepared migration runs with. */
  dev.godwit.api.PlanResult.LockPolicy planned(Prepared p) {
    return p.lock().plan(locks, p.transactional(), session.dialect.name());
  }

  Prepared prepare(ResolvedMigration m) {
    if (m.java() != null) {
      boolean tx =
          m.java().canExecuteInTransaction()
              && session.config.flag(ConfigKey.EXECUTE_IN_TRANSACTION);
      return new Prepared(
          List.of(),
          tx,
          tx ? null : "the Java migration asks for no transaction",
          1,
          policy,
          List.of());
    }
    List<Statement> kept = new ArrayList<>();
    long size = 0;
    int count = 0;
    TransactionDecision decision = new TransactionDecision(session.config, session.dialect);
    LockOverrides header = null;
    Statement batched = null;
    List<Statement> backfills = new ArrayList<>();
    try (StatementStream s = reader.open(m.resource(), m.scriptConfig())) {
      while (s.hasNext()) {
        Statement st = s.next();
        if (st.has(StatementFlag.COMMENT_ONLY)) {
          continue;
        }
        count++;
        header = LockOverrides.scan(header, st, m.displayName());
        decision.see(st);
        if (BatchDirective.of(st, session.config, m.displayName()) != null) {
          batched = batched == null ? st : batched;
          backfills.add(st);
        }
        if (kept != null) {
          size += st.sql().length() + (st.copyData() == null ? 0 : st.copyData().length());
          if (size > KEEP_LIMIT) {
            kept = null;
          } else {
            kept.add(st);
          }
        }
      }
    }
    TransactionDecision.Outcome tx = TransactionDecision.orRefuse(decision.decide(m));
    if (tx.transactional() && batched != null) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID,
          m.displayName()
              + ":"
              + batched.line()
              + ": -- godwit:batch commits each batch on its own, so it cannot run inside the"
              + " migration's transaction. Add executeInTransaction=false to "
              + m.script()
              + ".conf (best with the backfill in a migration of its own), or remove the"
              + " directive to run the statement whole.");
    }
    return new Prepared(
        kept,
        tx.transactional(),
        tx.reason(),
        count,
        policy.with(m.scriptConfig().lock()).with(header),
        List.copyOf(backfills));
  }

  /**
   * Runs the migration and writes its history row.
   *
   * @param each the callbacks around each migration: {@link CallbackEvent.Around#EACH_MIGRATE} or
   *     {@link CallbackEvent.Around#EACH_UNDO}
   * @param row the row to write on success (its execution time and success are filled in)
   */
  AppliedMigration run(ResolvedMigration m, Prepared p, CallbackEvent.Around each, HistoryRow row) {
    return run(m, p, each, row, null);
  }

  /**
   * Runs the migration from where a failed or interrupted run left it: skips the statements that
   * ran and stayed applied, continues a backfill after its last committed batch, and turns the
   * failed row into a successful one.
   *
   * @param from the progress of the failed run, or null for a fresh run
   */
  AppliedMigration run(
      ResolvedMigration m,
      Prepared p,
      CallbackEvent.Around each,
      HistoryRow row,
      ProgressTable.Progress from) {
    int skip = from == null ? 0 : from.applied();
    Connection c = session.connection;
    long start = System.nanoTime();
    try (LockRetry retry = new LockRetry(session, locks, p.lock(), m, row, p.count())) {
      while (true) {
        List<String> ran = new ArrayList<>();
        int[] executed = {0};
        try {
          return attempt(m, p, each, row, from, start, ran, executed, retry);
        } catch (StatementExecutor.StatementFailure f) {
          // In a transaction a lock timeout rolls back the whole migration, which frees every
          // lock it held while it pauses, and runs it again.
          if (p.transactional()
              && !grouped
              && retry.isLockTimeout(f.cause)
              && LockRetry.rolledBack(c, f.cause)
              && retry.again(f.cause, f.statement, true)) {
            continue;
          }
          throw fail(m, p, each, row, start, ran, executed[0], f.statement, f.cause, from, retry);
        } catch (SQLException e) {
          throw fail(m, p, each, row, start, ran, executed[0], null, e, from, retry);
        } catch (OutOfMemoryError e) {
          // The attempt's references are gone with its frame; what is left fits a message.
          GodwitException tooLarge = TooLarge.statement(m.displayName(), 0, 0, -1, false, -1, e);
          throw fail(m, p, each, row, start, ran, executed[0], null, tooLarge, from, retry);
        }
      }
    }
  }

  private AppliedMigration attempt(
      ResolvedMigration m,
      Prepared p,
      CallbackEvent.Around each,
      HistoryRow row,
      ProgressTable.Progress from,
      long start,
      List<String> ran,
      int[] executed,
      LockRetry retry)
      throws StatementExecutor.StatementFailure, SQLException {
    Connection c = session.connection;
    int skip = from == null ? 0 : from.applied();
    finishing = false;
    if (!grouped) {
      c.setAutoCommit(!p.transactional());
    }
    StatementLocks.Restore restore = retry.apply(c, p.transactional());
    try {
      for (Statement st : p.backfills()) {
        // Checked before anything runs: a table without a usable key fails here, not half-way.
        new Backfill(session, retry, m.script(), row)
            .check(st, BatchDirective.of(st, session.config, m.displayName()));
      }
      if (recordedAhead(p) && from == null) {
        // Written first, so that a runner killed at any moment leaves a row saying how far it got:
        // the progress row before the history row, so that no failed row is ever without one (an
        // open progress row without a history row is replaced by the next run at that rank).
        if (p.backfill()) {
          session.progress.startBackfill(c, row, p.count(), session.installedBy);
        } else {
          session.progress.startStatements(c, row, p.count(), session.installedBy);
        }
        session.history.insert(c, row.withOutcome(0, false));
      }
      callbacks.fire(each.before(), c, m);
      if (m.java() != null) {
        if (!p.transactional()) {
          session.progress.statementStarted(c, row.rank(), 1, 0);
        }
        retry.watch(c);
        try {
          runJava(m, c);
        } finally {
          retry.unwatch();
        }
        executed[0] = 1;
        if (!p.transactional()) {
          session.progress.statementsDone(c, row.rank(), 1);
        }
      } else {
        executed[0] = skip;
        runScript(m, p, c, ran, executed, from, row, retry);
      }
      callbacks.fire(each.after(), c, m);
      if (p.transactional()) {
        verifyLockOrRollBack(c, m);
      }
      finishing = true;
      int ms = elapsed(start);
      if (from != null || p.backfill()) {
        session.history.markSuccess(c, row.rank(), ms);
        session.progress.resolve(
            c, row, from != null ? "RESUMED" : "COMPLETED", session.installedBy);
      } else if (recordedAhead(p)) {
        session.history.markSuccess(c, row.rank(), ms);
        session.progress.completeStatements(c, row, session.installedBy);
      } else {
        session.history.insert(c, row.withOutcome(ms, true));
      }
      if (p.transactional() && !grouped) {
        c.commit();
      }
      LockRetry.restore(restore);
      restore = StatementLocks.Restore.NOTHING;
      if (!grouped) {
        c.setAutoCommit(true);
      }
      return new AppliedMigration(
          row.version(),
          row.description(),
          row.type(),
          row.script(),
          executed[0] - skip,
          ms,
          p.transactional());
    } finally {
      LockRetry.restore(restore);
    }
  }

  /**
   * Whether the migration's history and progress rows are written before it starts: one without a
   * transaction, whose statements commit one by one, so that a runner killed at any moment leaves a
   * record of which statement it was in. Transactional migrations, the common case, pay nothing: a
   * kill rolls them back whole.
   */
  private static boolean recordedAhead(Prepared p) {
    return p.backfill() || !p.transactional();
  }

  /**
   * A transactional migration commits only while the lock is held: if its session ended, another
   * runner may be applying the same migration, so this one rolls back and stops. (Without a
   * transaction the statements are done: their history row is written, and the check before the
   * next migration stops the run.)
   */
  private void verifyLockOrRollBack(Connection c, ResolvedMigration m) throws SQLException {
    try {
      session.verifyLock("recording " + m.script() + " in the history (rolled back: not applied)");
    } catch (GodwitException lost) {
      c.rollback();
      c.setAutoCommit(true);
      throw lost;
    }
  }

  private void runJava(ResolvedMigration m, Connection c)
      throws StatementExecutor.StatementFailure {
    try {
      m.java().migrate(new MigrationContext(c, session.config));
    } catch (Exception e) {
      throw new StatementExecutor.StatementFailure(null, e);
    }
  }

  private void runScript(
      ResolvedMigration m,
      Prepared p,
      Connection c,
      List<String> ran,
      int[] executed,
      ProgressTable.Progress from,
      HistoryRow row,
      LockRetry retry)
      throws StatementExecutor.StatementFailure {
    int skip = from == null ? 0 : from.applied();
    int batch = p.transactional() ? session.config.number(ConfigKey.BATCH_SIZE) : 1;
    StatementStream stream =
        p.statements() != null
            ? ScriptReader.of(p.statements())
            : reader.open(m.resource(), m.scriptConfig());
    try (stream;
        StatementExecutor exec = new StatementExecutor(c, batch)) {
      int seen = 0;
      while (stream.hasNext()) {
        Statement st = stream.next();
        if (st.has(StatementFlag.COMMENT_ONLY) || seen++ < skip) {
          continue;
        }
        BatchDirective d = BatchDirective.of(st, session.config, m.displayName());
        int k = skip + exec.executed() + 1;
        if (!p.transactional()) {
          KillPoint.before(m.script(), k);
          try {
            session.progress.statementStarted(c, row.rank(), k, st.line());
          } catch (SQLException e) {
            throw new StatementExecutor.StatementFailure(st, e);
          }
          KillPoint.started(m.script(), k);
        }
        if (d != null) {
          // A resume continues the backfill it stopped in after its last committed batch.
          Backfill.Start at =
              from != null
                      && from.inBackfill()
                      && seen == skip + 1
                      && from.batchLine() != null
                      && from.batchLine() == st.line()
                  ? new Backfill.Start(
                      from.batchKey(), from.batchRows() == null ? 0 : from.batchRows())
                  : Backfill.Start.BEGINNING;
          new Backfill(session, retry, m.script(), row).run(st, d, skip + exec.executed(), at);
          exec.ranElsewhere();
          executed[0] = skip + exec.executed();
        } else {
          try {
            retry.run(exec, st, p.transactional(), c, skip, executed);
          } catch (OutOfMemoryError e) {
            // The driver's copy of a huge statement did not fit: name it, at its boundary.
            throw new StatementExecutor.StatementFailure(
                st,
                TooLarge.statement(
                    m.displayName(), seen, st.line(), st.sql().length(), false, -1, e));
          }
          if (!p.transactional()) {
            KillPoint.after(m.script(), k);
          }
          if (!p.transactional()) {
            try {
              session.progress.statementsDone(c, row.rank(), skip + exec.executed());
            } catch (SQLException e) {
              throw new StatementExecutor.StatementFailure(st, e);
            }
          }
        }
        if (batch == 1 && ran.size() < LISTED_STATEMENTS) {
          ran.add(m.script() + ":" + st.line() + " " + Messages.firstLine(st.sql()));
        }
      }
      retry.watch(c);
      try {
        exec.flush();
      } finally {
        retry.unwatch();
        executed[0] = skip + exec.executed();
      }
    }
  }

  private MigrationFailedException fail(
      ResolvedMigration m,
      Prepared p,
      CallbackEvent.Around each,
      HistoryRow row,
      long start,
      List<String> ran,
      int executed,
      Statement statement,
      Exception cause,
      ProgressTable.Progress from,
      LockRetry retry) {
    Connection c = session.connection;
    int skip = from == null ? 0 : from.applied();
    boolean rowWritten = from != null || recordedAhead(p);
    FailureCause why = FailureCause.of(cause);
    ConnectionLoss loss = ConnectionLoss.of(cause, c);
    boolean rolledBack = false;
    boolean serverRolledBack = false;
    if (p.transactional()) {
      try {
        c.rollback();
        rolledBack = true;
      } catch (SQLException e) {
        // A server rolls back the open transaction of a session whose connection ended.
        rolledBack = loss != null;
        cause.addSuppressed(e);
        // A session that ends takes its open transaction with it: the server rolls it back. Only
        // a connection lost while committing leaves the outcome unknown.
        serverRolledBack = why == FailureCause.CONNECTION && !finishing;
      }
    }
    boolean commitUnknown =
        p.transactional() && !rolledBack && why == FailureCause.CONNECTION && finishing;
    // A rolled-back transaction leaves nothing, except a Java migration that ran DDL on a
    // database whose DDL commits by itself.
    boolean effectsRemain =
        !p.transactional()
            || !(rolledBack || serverRolledBack)
            || (m.java() != null && !session.dialect.supportsTransactionalDdl());
    boolean recorded = false;
    try {
      c.setAutoCommit(true);
      if (effectsRemain) {
        // Part of it may stay applied: a failed row makes migrate stop until someone repairs,
        // and the progress row says how far it got, for migrate --resume.
        HistoryRow failed = row.withOutcome(elapsed(start), false);
        if (!rowWritten) {
          session.history.insert(c, failed);
        }
        session.progress.record(
            c,
            failed,
            p.transactional() ? 0 : executed,
            p.count(),
            statement == null ? 0 : statement.line(),
            SecretMasking.scrub(cause.getMessage(), session.connections.secrets()),
            session.installedBy);
        recorded = true;
      }
      callbacks.fire(each.error(), c, m);
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
    LockRetry timedOut = retry.isLockTimeout(cause) ? retry : null;
    Outcome outcome =
        new Outcome(
            why, effectsRemain, recorded, rowWritten, serverRolledBack, commitUnknown, timedOut);
    String text = message(m, p, statement, cause, ran, executed, outcome, loss);
    if (timedOut != null) {
      return timedOut.exception(text, statement, effectsRemain ? ran : List.of(), cause);
    }
    return new MigrationFailedException(
        text,
        m.displayName(),
        statement == null ? 0 : statement.line(),
        statement == null ? null : statement.sql(),
        effectsRemain ? ran : List.of(),
        cause);
  }

  /**
   * What a failure left behind, for its message.
   *
   * @param why what the error says about its cause, for the hint
   * @param effectsRemain whether statements of it may have stayed applied
   * @param recorded whether a failed row and its progress were written
   * @param recordedAhead whether the history and progress rows were written before the first
   *     statement (a migration without a transaction records each statement's start and end)
   * @param serverRolledBack whether the connection ended inside the transaction, which the server
   *     then rolled back
   * @param commitUnknown whether the connection ended while committing
   * @param timedOut the retries of a statement lock timeout, or null
   */
  private record Outcome(
      FailureCause why,
      boolean effectsRemain,
      boolean recorded,
      boolean recordedAhead,
      boolean serverRolledBack,
      boolean commitUnknown,
      LockRetry timedOut) {}

  private String message(
      ResolvedMigration m,
      Prepared p,
      Statement statement,
      Exception cause,
      List<String> ran,
      int executed,
      Outcome o,
      ConnectionLoss loss) {
    LockRetry timedOut = o.timedOut();
    FailureCause why = o.why();
    java.util.List<String> password = session.connections.secrets();
    StringBuilder sb = new StringBuilder();
    sb.append("Migration ").append(m.displayName());
    if (statement != null) {
      sb.append(" failed at line ")
          .append(statement.line())
          .append(", column ")
          .append(statement.column());
    } else {
      sb.append(" failed");
    }
    sb.append('\n');
    if (statement != null) {
      sb.append("  Statement: ").append(Messages.firstLine(statement.sql())).append('\n');
    }
    String dbMessage = SecretMasking.scrub(cause.getMessage(), password);
    sb.append("  Error:     ").append(dbMessage);
    if (cause instanceof SQLException e && e.getSQLState() != null) {
      sb.append(" (SQLSTATE ").append(e.getSQLState()).append(')');
    }
    sb.append('\n');
    if (loss != null) {
      sb.append("  Connection: the connection to the database ").append(loss.how()).append('\n');
    } else if (timedOut != null) {
      sb.append(timedOut.exhausted(p.transactional()));
    } else {
      sb.append(p.lock().statementTimeoutHint(dbMessage));
    }
    String at = statement == null ? null : Messages.locate(statement, cause.getMessage());
    if (at != null) {
      sb.append("  At:        ")
          .append(m.script())
          .append(':')
          .append(at)
          .append(" (where the database points)\n");
    }
    if (!o.effectsRemain()) {
      sb.append(
          o.serverRolledBack()
              ? "  Rolled back: the connection ended inside the migration's transaction, which the"
                  + " server then rolls back; nothing of this migration was applied and no history"
                  + " row was written.\n"
              : "  Rolled back: nothing of this migration was applied and no history row was"
                  + " written.\n");
      sb.append(
          timedOut != null ? timedOut.advice() + " Then run migrate again." : why.rolledBackHint());
      return sb.toString();
    }
    String name = m.versionText() == null ? m.script() : "version " + m.versionText();
    if (o.commitUnknown()) {
      sb.append(
              "  Unknown whether it committed: the connection ended while its history row was"
                  + " written and committed. Once the database is reachable, run 'info': if ")
          .append(name)
          .append(
              " shows as applied it is done, otherwise nothing of it was applied; then run migrate"
                  + " again.");
      return sb.toString();
    }
    if (p.transactional()) {
      sb.append("  Its transaction could not be rolled back; what ran may have stayed applied.\n");
      sb.append("  Statements that ran before the failure, which may have stayed applied: ");
    } else {
      sb.append("  It ran without a transaction (").append(p.reason()).append(").\n");
      sb.append("  Statements that ran before the failure and stayed applied: ");
    }
    sb.append(executed).append('\n');
    for (String r : ran) {
      sb.append("    ").append(r).append('\n');
    }
    if (executed > ran.size()) {
      sb.append("    ... and ").append(executed - ran.size()).append(" more\n");
    }
    if (why == FailureCause.CONNECTION && statement != null) {
      sb.append(
          "  Whether the failed statement itself took effect is unknown: the connection ended"
              + " while it ran.\n");
    }
    if (o.recorded()) {
      sb.append("  ")
          .append(executed)
          .append(" of ")
          .append(p.count())
          .append(" statements are applied; a failed row now blocks migrate. Choose one:\n");
      if (timedOut != null) {
        sb.append(
            "    - once the blocking session is gone, run 'migrate --resume' to continue from"
                + " the statement that timed out (the file must stay unchanged)\n");
        sb.append("    - undo the partial changes by hand, then run 'repair' and migrate again\n");
      } else {
        sb.append(why.partlyAppliedChoices());
      }
      sb.append(
          "    - if you completed the migration by hand, run 'repair --mark-applied "
              + (m.versionText() == null ? "<version>" : m.versionText())
              + "'");
      if (timedOut != null) {
        sb.append('\n').append(timedOut.advice());
      }
    } else if (loss != null && o.recordedAhead()) {
      sb.append("  The connection was lost")
          .append(
              statement == null
                  ? ", though every statement ran"
                  : "; the statement at line "
                      + statement.line()
                      + " may have run or not (a server finishes a statement whose client is"
                      + " gone)")
          .append(
              ". The history row and the progress written before each"
                  + " statement stand. Once the database is reachable, run migrate again: it continues"
                  + " after the last statement recorded as done, or names the interrupted statement,"
                  + " what the catalog shows of it, and the choices ('migrate --resume', 'repair"
                  + " --mark-applied').");
    } else if (loss != null) {
      sb.append(
              "  The connection was lost before Godwit could record how far it got: no history row"
                  + " was written")
          .append(
              statement == null
                  ? ", though every statement ran.\n"
                  : ", and the statement at line "
                      + statement.line()
                      + " may have run or not (a server finishes a statement whose client is"
                      + " gone).\n")
          .append(
              "  Run migrate again once the database is reachable: it starts this migration from"
                  + " its first statement. If that stops on an object that already exists, undo"
                  + " what the statements above left (and the interrupted one, if it ran) by hand,"
                  + " then run 'repair' and migrate again.");
    } else {
      // The failed row could not be written (most often: the connection is gone), so migrate
      // would run the whole migration again over what stayed applied.
      sb.append(
          "  The failed row could not be written, so the history does not show that these"
              + " statements stayed applied: undo them by hand before migrating again.\n");
      sb.append(timedOut != null ? timedOut.advice() : why.rolledBackHint());
    }
    return sb.toString();
  }

  private static int elapsed(long start) {
    return (int) ((System.nanoTime() - start) / 1_000_000);
  }

  /**
   * A detail for --verbose: the result line of each migration already says "no transaction", and on
   * H2 (whose DDL commits by itself) this would be a line for nearly every migration.
   */
  static void logMode(ResolvedMigration m, Prepared p) {
    if (!p.transactional()) {
      LOG.debug("{} runs without a transaction: {}", m.script(), p.reason());
    }
  }
}
