package dev.godwit.internal;

import dev.godwit.api.MigrationInterruptedException;
import dev.godwit.api.MigrationInterruptedException.Outcome;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import dev.godwit.sql.StatementStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * A migration without a transaction whose runner stopped without recording a failure (killed with
 * {@code kill -9}, its machine or connection gone): its failed history row and open progress row
 * say which statement it had started ({@link ProgressTable}). When that statement's completion was
 * not recorded, it may or may not have been applied: the catalog decides where the statement
 * creates or drops a table, column or index ({@link CatalogObject}); otherwise the user does. All
 * the texts a user reads about it are here, in one place.
 *
 * @param migration the migration
 * @param row its failed history row
 * @param progress its progress row
 * @param statement the statement in doubt (number {@code progress.started()}), or null when none is
 *     (the runner stopped between statements) or for a Java migration
 */
record InterruptedStatement(
    ResolvedMigration migration,
    HistoryRow row,
    ProgressTable.Progress progress,
    Statement statement) {

  /**
   * What the catalog says about the statement in doubt.
   *
   * @param object what it creates or drops, or null when the catalog cannot tell
   * @param present whether the catalog holds it, or null when it cannot tell
   * @param outcome what that means
   */
  record Verdict(CatalogObject object, Boolean present, Outcome outcome) {
    String catalog() {
      return present == null ? null : object.describe() + (present ? " is present" : " is absent");
    }
  }

  /**
   * The interrupted migration, or null when the history holds none. Only the one failed migration
   * of a history counts (with several, migrate refuses before this matters).
   */
  static InterruptedStatement find(Session s, StateCalculator.States st) {
    List<StateCalculator.Entry> failed =
        st.entries().stream().filter(e -> e.state().isFailed()).toList();
    if (failed.size() != 1 || failed.get(0).resolved() == null) {
      return null;
    }
    StateCalculator.Entry e = failed.get(0);
    ProgressTable.Progress p;
    try {
      p = s.progress.read(s.connection).get(e.row().rank());
    } catch (SQLException ex) {
      throw s.sqlFailure("read the progress of failed migrations", ex);
    }
    if (p == null || !p.interrupted() || !Objects.equals(p.checksum(), e.resolved().checksum())) {
      // A changed file is refused by resume with its own reason.
      return null;
    }
    ResolvedMigration m = e.resolved();
    Statement doubt = p.inDoubt() && m.java() == null ? statement(s, m, p.started()) : null;
    if (doubt != null && BatchDirective.of(doubt, s.config, m.displayName()) != null) {
      // A batched backfill keeps its own progress, batch by batch, in the batches' transactions.
      doubt = null;
    }
    return new InterruptedStatement(m, e.row(), p, doubt);
  }

  private static Statement statement(Session s, ResolvedMigration m, int k) {
    try (StatementStream stream = new ScriptReader(s).open(m.resource(), m.scriptConfig())) {
      int seen = 0;
      while (stream.hasNext()) {
        Statement st = stream.next();
        if (!st.has(StatementFlag.COMMENT_ONLY) && ++seen == k) {
          return st;
        }
      }
    }
    return null;
  }

  /** Whether a statement's outcome is unknown (else migrate just continues the migration). */
  boolean inDoubt() {
    return progress.inDoubt() && (statement != null || migration.java() != null);
  }

  /** Looks up what the statement in doubt creates or drops. */
  Verdict check(Session s) {
    CatalogObject o =
        statement == null ? null : CatalogObject.of(statement.sql(), s.dialect.sqlDialect());
    if (o == null) {
      return new Verdict(null, null, Outcome.UNKNOWN);
    }
    try {
      String schema = o.schema() != null ? o.schema() : s.dialect.currentSchema(s.connection);
      Boolean present = s.dialect.catalogHas(s.connection, schema, o);
      if (present == null) {
        return new Verdict(o, null, Outcome.UNKNOWN);
      }
      return new Verdict(
          o, present, present == o.creates() ? Outcome.APPLIED : Outcome.NOT_APPLIED);
    } catch (SQLException e) {
      throw s.sqlFailure("look up " + o.describe() + " in the catalog", e);
    }
  }

  /** The progress to resume from, once the verdict is known. */
  ProgressTable.Progress resumeFrom(Verdict v) {
    int k = progress.started();
    return progress.continuingAfter(v.outcome() == Outcome.APPLIED ? k : k - 1);
  }

  // ---- Texts: every message about an interrupted migration is written here.

  /** "V29", or the script of a repeatable. */
  private String label() {
    return migration.versionText() != null ? "V" + migration.versionText() : migration.script();
  }

  private String excerpt() {
    if (statement == null) {
      return migration.script();
    }
    String first = Messages.firstLine(statement.sql());
    if (first.endsWith(";")) {
      first = first.substring(0, first.length() - 1);
    }
    return first.length() <= 60 ? first : first.substring(0, 57) + "...";
  }

  /** The log line of a migration continued without asking: no statement was in doubt. */
  String continuing() {
    return label()
        + " ("
        + migration.script()
        + ") was interrupted between statements: "
        + progress.applied()
        + " of "
        + progress.total()
        + " are applied and recorded; continuing it from statement "
        + (progress.applied() + 1);
  }

  /** The log line of {@code migrate --resume} once the catalog decided. */
  String resuming(Verdict v) {
    int k = progress.started();
    return label()
        + ", statement "
        + k
        + ": "
        + v.catalog()
        + (v.outcome() == Outcome.APPLIED
            ? ", so it was applied; resuming from statement " + (k + 1)
            : ", so it was not applied; running it again");
  }

  /** Why migrate (or migrate --resume, when the catalog cannot tell) stops. */
  MigrationInterruptedException refusal(Verdict v, boolean resume) {
    int k = progress.started();
    int n = progress.total();
    String version = migration.versionText() == null ? "<version>" : migration.versionText();
    StringBuilder sb = new StringBuilder();
    sb.append(label())
        .append(", statement ")
        .append(k)
        .append(" of ")
        .append(n)
        .append(" `")
        .append(excerpt())
        .append("` was interrupted: it may have been applied.\n");
    sb.append("  Script:  ")
        .append(migration.displayName())
        .append(statement == null ? "" : ":" + statement.line())
        .append('\n');
    sb.append("  Its runner stopped (killed, or its connection lost) after starting the statement")
        .append(" and before recording its outcome; ")
        .append(k - 1)
        .append(k - 1 == 1 ? " statement before it is" : " statements before it are")
        .append(" applied and recorded.\n");
    switch (v.outcome()) {
      case APPLIED, NOT_APPLIED -> {
        boolean applied = v.outcome() == Outcome.APPLIED;
        sb.append("  Catalog: ")
            .append(v.catalog())
            .append(applied ? ", so the statement was applied.\n" : ", so it was not applied.\n");
        sb.append("  Run 'migrate --resume': ")
            .append(
                applied
                    ? "it skips statement " + k + " and continues from statement " + (k + 1)
                    : "it runs it again, then the rest")
            .append(" (the file must stay unchanged).\n");
        sb.append("  Or, if you completed the migration by hand, run 'repair --mark-applied ")
            .append(version)
            .append("'.");
      }
      case UNKNOWN -> {
        sb.append("  Catalog: cannot tell")
            .append(
                v.object() == null
                    ? " (Godwit looks up the table, column or index a statement creates or drops;"
                        + " this statement does neither)"
                    : " (" + v.object().describe() + " cannot be looked up on this database)")
            .append(resume ? ", so migrate --resume cannot choose for you.\n" : ".\n");
        sb.append("  Check by hand whether statement ")
            .append(k)
            .append(" took effect, then choose:\n");
        sb.append("    - complete the migration by hand (statement ")
            .append(k)
            .append(" if it did not take effect, and the ")
            .append(n - k)
            .append(" after it), then run 'repair --mark-applied ")
            .append(version)
            .append("'\n");
        sb.append("    - or undo statements 1 to ")
            .append(k)
            .append(" (those that took effect) by hand, run 'repair' to remove the failed row,")
            .append(" and migrate again");
      }
      default -> throw new IllegalStateException(v.outcome().name());
    }
    return new MigrationInterruptedException(
        sb.toString(),
        new MigrationInterruptedException.Statement(
            migration.versionText(),
            migration.script(),
            k,
            n,
            statement == null ? 0 : statement.line(),
            excerpt(),
            v.catalog(),
            v.outcome()));
  }
}
