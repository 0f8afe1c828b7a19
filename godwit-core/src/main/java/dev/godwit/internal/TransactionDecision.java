package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;

/**
 * Whether a SQL migration runs in one transaction: the one place that decides it, so that the
 * runner and {@code scripts} (what the linter reads) cannot disagree. Feed it the script's
 * statements with {@link #see}, then ask {@link #decide}.
 *
 * <p>The script's {@code .sql.conf} wins; then the {@code executeInTransaction} setting; then the
 * statements: one that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code
 * VACUUM}), one that controls the transaction itself ({@code BEGIN}, {@code COMMIT}), or DDL that
 * commits at once on a database without transactional DDL (MySQL, H2) makes it run statement by
 * statement.
 */
final class TransactionDecision {

  /**
   * What was decided.
   *
   * @param transactional whether it runs in one transaction
   * @param reason why it runs without one, or null
   * @param refusal why the runner refuses to run it at all (a mix of transactional and
   *     non-transactional statements while {@code mixed} is false), or null
   */
  record Outcome(boolean transactional, String reason, String refusal) {}

  private final GodwitConfig config;
  private final Dialect dialect;
  private String reason;
  private Statement nonTransactional;
  private boolean transactionalToo;

  TransactionDecision(GodwitConfig config, Dialect dialect) {
    this.config = config;
    this.dialect = dialect;
  }

  /** Takes one executable (not comment-only) statement of the script into account. */
  void see(Statement st) {
    if (st.has(StatementFlag.NON_TRANSACTIONAL)) {
      nonTransactional = nonTransactional == null ? st : nonTransactional;
    } else {
      transactionalToo = true;
    }
    if (reason == null && st.has(StatementFlag.NON_TRANSACTIONAL)) {
      reason =
          "line " + st.line() + " cannot run in a transaction: " + Messages.firstLine(st.sql());
    }
    if (reason == null && st.has(StatementFlag.TRANSACTION_CONTROL)) {
      reason = "line " + st.line() + " controls the transaction itself: " + st.sql();
    }
    if (reason == null && !dialect.supportsTransactionalDdl() && dialect.commitsImplicitly(st)) {
      reason =
          dialect.name()
              + " commits DDL at once (line "
              + st.line()
              + "), so it runs statement by statement and records how far it got";
    }
  }

  /**
   * The decision for the statements seen.
   *
   * @param m the migration, for its script config and its name in messages
   */
  Outcome decide(ResolvedMigration m) {
    return decide(m.scriptConfig(), m.displayName(), m.script());
  }

  /**
   * @param displayName how messages name the script
   * @param script the script's path, which its {@code .conf} is named after
   */
  Outcome decide(ScriptConfig sc, String displayName, String script) {
    Boolean explicit = sc.executeInTransaction();
    if (explicit != null) {
      return new Outcome(
          explicit, explicit ? null : script + ".conf sets executeInTransaction=false", null);
    }
    if (!config.flag(ConfigKey.EXECUTE_IN_TRANSACTION)) {
      return new Outcome(false, "executeInTransaction is false", null);
    }
    if (nonTransactional != null && transactionalToo && !config.flag(ConfigKey.MIXED)) {
      String refusal =
          displayName
              + " mixes transactional and non-transactional statements (mixed is false)."
              + " Offending statement at line "
              + nonTransactional.line()
              + ": "
              + Messages.firstLine(nonTransactional.sql())
              + ". Move it to a migration of its own, set mixed=true to run the whole migration"
              + " without a transaction, or set executeInTransaction=false in "
              + script
              + ".conf.";
      return new Outcome(true, refusal, refusal);
    }
    return new Outcome(reason == null, reason, null);
  }

  /** Throws the runner's refusal, if any. */
  static Outcome orRefuse(Outcome o) {
    if (o.refusal() != null) {
      throw new GodwitException(ErrorCode.SCRIPT_INVALID, o.refusal());
    }
    return o;
  }
}
