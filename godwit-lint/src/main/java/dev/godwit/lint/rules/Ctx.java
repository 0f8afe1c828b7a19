package dev.godwit.lint.rules;

import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.ServerVersion;
import dev.godwit.lint.Severity;
import dev.godwit.sql.SqlDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule knows while it looks at a statement: the options, the schema built by earlier
 * statements and files, the state of this file (objects it created, the transaction, timeouts) and
 * the current statement. {@link FileLinter} updates it after each statement.
 */
final class Ctx {
  final LintOptions options;
  final SqlDialect dialect;
  final ServerVersion version;
  final Schema schema;
  final LintInput input;
  final List<Stmt> statements;
  final List<RawFinding> findings = new ArrayList<>();

  // ---- this file's state ----
  final Set<String> createdTables = new HashSet<>();
  final Set<String> addedColumns = new HashSet<>();
  final Set<String> createdIndexes = new HashSet<>();
  final Set<String> createdSchemas = new HashSet<>();

  /** Tables renamed in this file: new key to the key before the first rename. */
  final Map<String, String> renamedFrom = new HashMap<>();

  /** Whether the runner wraps the whole file in one transaction. */
  final boolean runnerTransaction;

  boolean inTransaction;
  boolean explicitTransaction;
  final Map<String, PgLock> transactionLocks = new HashMap<>();
  final Map<String, String> enumLabelsInTransaction = new HashMap<>();
  boolean lockTimeoutSet;
  boolean statementTimeoutSet;
  boolean foreignKeyChecksOff;
  boolean timeZoneUtc;

  private Stmt current;

  Ctx(
      LintOptions options,
      Schema schema,
      LintInput input,
      List<Stmt> statements,
      boolean runnerTransaction) {
    this.options = options;
    this.dialect = options.dialect();
    this.version = options.version();
    this.schema = schema;
    this.input = input;
    this.statements = statements;
    this.runnerTransaction = runnerTransaction;
    this.inTransaction = runnerTransaction;
  }

  void at(Stmt s) {
    this.current = s;
  }

  Stmt stmt() {
    return current;
  }

  Parsed parsed() {
    return current.parsed();
  }

  boolean pg() {
    return dialect == SqlDialect.POSTGRES;
  }

  boolean mysql() {
    return dialect.family() == SqlDialect.MYSQL;
  }

  boolean sqlite() {
    return dialect == SqlDialect.SQLITE;
  }

  /** PostgreSQL at least {@code major}; an unknown version counts as a current one. */
  boolean pgAtLeast(int major) {
    return !version.known() || version.major() >= major;
  }

  /** MySQL/MariaDB at least this version; an unknown version counts as a current one. */
  boolean atLeast(int major, int minor, int patch) {
    return !version.known() || version.atLeast(major, minor, patch);
  }

  boolean isNew(Name table) {
    return table != null && createdTables.contains(table.key());
  }

  boolean isNewColumn(Name table, String column) {
    return isNew(table) || addedColumns.contains(table.key() + "." + column);
  }

  Schema.Table table(Name n) {
    return schema.table(n);
  }

  /**
   * The table an index belongs to, when known: from the schema the migration files built, else from
   * the live catalog.
   */
  Name tableOfIndex(Name index) {
    if (index == null) {
      return null;
    }
    Schema.Index i = schema.indexes.get(index.key());
    if (i != null) {
      return new Name(index.schema(), i.table());
    }
    String table = options.indexTables().get(index.name());
    return table == null ? null : new Name(index.schema(), table);
  }

  private static final java.util.regex.Pattern POST_PHASE =
      java.util.regex.Pattern.compile(
          "--\\s*godwit:phase\\s*[=:]?\\s*post\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * Whether the file is a post-deploy migration: {@code -- godwit:phase post} above its first
   * statement. Then every instance runs the new code when it runs, and contract steps are safe.
   */
  boolean postPhase() {
    return !statements.isEmpty()
        && POST_PHASE.matcher(statements.get(0).statement().leadingComments()).find();
  }

  /**
   * The recipe line of a contract step (drop, rename, NOT NULL on a new column) in a pre-deploy
   * migration: it belongs in the post-deploy migration of the same release.
   */
  static final String MOVE_TO_POST_PHASE =
      "Expand/contract: move this contract step into a post-deploy migration of the same release"
          + " (-- godwit:phase post above its first statement); 'migrate --phase pre' leaves it"
          + " pending and 'migrate --phase post' runs it once every instance runs the new code.";

  /** The recipe with {@link #MOVE_TO_POST_PHASE} first, unless the file is post-deploy already. */
  String[] contract(String... recipe) {
    if (postPhase()) {
      return recipe;
    }
    String[] out = new String[recipe.length + 1];
    out[0] = MOVE_TO_POST_PHASE;
    System.arraycopy(recipe, 0, out, 1, recipe.length);
    return out;
  }

  /** Reports a finding on the current statement. */
  void report(RuleInfo rule, Name sizeTable, String message, String... recipe) {
    report(rule, null, sizeTable, message, recipe);
  }

  /** Reports a finding with a severity the rule chose (before size adjustments). */
  void report(RuleInfo rule, Severity severity, Name sizeTable, String message, String... recipe) {
    findings.add(
        new RawFinding(
            rule,
            current.index(),
            current.statement().line(),
            current.statement().column(),
            current.statement().sql(),
            message,
            List.of(recipe),
            sizeTable,
            severity));
  }

  /** Reports a finding on another statement of this file (for example an unclosed BEGIN). */
  void reportAt(Stmt s, RuleInfo rule, String message, String... recipe) {
    findings.add(
        new RawFinding(
            rule,
            s.index(),
            s.statement().line(),
            s.statement().column(),
            s.statement().sql(),
            message,
            List.of(recipe),
            null,
            null));
  }
}
