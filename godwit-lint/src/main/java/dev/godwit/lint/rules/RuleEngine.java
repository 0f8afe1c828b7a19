package dev.godwit.lint.rules;

import dev.godwit.api.TableSize;
import dev.godwit.lint.Finding;
import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.LintReport;
import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Rules;
import dev.godwit.lint.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the rules over migration files. Not API: {@link dev.godwit.lint.Linter} and {@link
 * dev.godwit.lint.Rules} are the public entry points, and reach {@link #run} and {@link #catalog}
 * through {@code dev.godwit.lint.RuleEngineAccess}.
 */
final class RuleEngine {
  private RuleEngine() {}

  /** Every rule, in the catalog's order. */
  private static final List<Supplier<Rule>> RULES =
      List.of(
          CreateIndexNonConcurrentlyRule::new,
          DropIndexNonConcurrentlyRule::new,
          ReindexNonConcurrentlyRule::new,
          DetachPartitionNonConcurrentlyRule::new,
          RefreshMatviewNonConcurrentlyRule::new,
          AddColumnVolatileDefaultRule::new,
          AddColumnAutoIncrementRule::new,
          AddColumnStoredGeneratedRule::new,
          AddColumnNotNullNoDefaultRule::new,
          SetNotNullRule::new,
          AddCheckConstraintRule::new,
          AddForeignKeyRule::new,
          ValidateConstraintSameTransactionRule::new,
          AddUniqueConstraintRule::new,
          AddPrimaryKeyRule::new,
          AddExclusionConstraintRule::new,
          ChangeColumnTypeRule::new,
          TableRewriteRule::new,
          ExplicitLockTableRule::new,
          StatementNotAllowedInTransactionRule::new,
          EnumValueAddInTransactionRule::new,
          BackfillInDdlTransactionRule::new,
          UnbalancedTransactionRule::new,
          MySqlDdlInTransactionRule::new,
          SqliteForeignKeysPragmaInTransactionRule::new,
          MissingLockTimeoutRule::new,
          MissingStatementTimeoutRule::new,
          RenameColumnRule::new,
          RenameTableRule::new,
          DropColumnRule::new,
          DropTableRule::new,
          DropSchemaOrDatabaseRule::new,
          DropNotNullRule::new,
          TruncateTableRule::new,
          DownMigrationDataLossRule::new,
          UnbatchedDataChangeRule::new,
          MySqlAlgorithmCopyRule::new,
          MySqlLockNotNoneRule::new,
          NonIdempotentStatementRule::new,
          IdentifierTooLongRule::new,
          PreferBigintOverIntRule::new,
          PreferIdentityOverSerialRule::new,
          PreferTextOverVarcharRule::new,
          PreferTimestamptzRule::new,
          BanCharFieldRule::new);

  private static final List<RuleInfo> CATALOG = RULES.stream().map(f -> f.get().info()).toList();

  /** The rule catalog. */
  static List<RuleInfo> catalog() {
    return CATALOG;
  }

  /**
   * Lints the files in order.
   *
   * @param inputs the files, applied ones first
   * @param options how to lint
   * @return the report
   */
  static LintReport run(List<LintInput> inputs, LintOptions options) {
    List<Supplier<Rule>> active = new ArrayList<>();
    for (int i = 0; i < RULES.size(); i++) {
      if (options.isActive(CATALOG.get(i))) {
        active.add(RULES.get(i));
      }
    }
    Schema schema = new Schema();
    List<Finding> findings = new ArrayList<>();
    int files = 0;
    int statements = 0;
    for (LintInput input : inputs) {
      FileLinter.Result r = FileLinter.lint(input, options, schema, active);
      if (input.applied()) {
        continue;
      }
      files++;
      statements += r.statements().size();
      findings.addAll(finish(input, r, options));
    }
    return new LintReport(findings, files, statements);
  }

  private static List<Finding> finish(LintInput input, FileLinter.Result r, LintOptions options) {
    int[] lineStarts = Suppressions.lineStarts(r.text());
    List<Suppressions.Allow> fileAllows = new ArrayList<>();
    Map<Integer, List<Suppressions.Allow>> stmtAllows = new HashMap<>();
    List<Suppressions.Allow> all = new ArrayList<>();
    for (Stmt s : r.statements()) {
      List<Suppressions.Allow> allows = Suppressions.of(s, r.text(), lineStarts);
      all.addAll(allows);
      if (s.index() == 0) {
        // Above the first statement: the whole file.
        fileAllows.addAll(allows);
      } else {
        stmtAllows.put(s.index(), allows);
      }
    }
    List<Finding> out = new ArrayList<>();
    for (RawFinding raw : r.findings()) {
      RuleInfo rule = raw.rule();
      if (!rule.enabledByDefault() && !options.isActive(rule)) {
        continue;
      }
      if (options.disabled().contains(rule.id())) {
        continue;
      }
      Finding f = finding(input.name(), raw, options);
      List<Suppressions.Allow> candidates = new ArrayList<>(fileAllows);
      candidates.addAll(stmtAllows.getOrDefault(raw.stmtIndex(), List.of()));
      for (Suppressions.Allow a : candidates) {
        if (a.covers(rule.id())) {
          f = f.suppress(a.reason());
          break;
        }
      }
      out.add(f);
    }
    RuleInfo invalid = Rules.find(Rules.INVALID_SUPPRESSION).orElseThrow();
    if (!options.disabled().contains(invalid.id())) {
      for (Suppressions.Allow a : all) {
        if (a.problem() != null) {
          out.add(
              new Finding(
                  invalid.id(),
                  options.severityOf(invalid),
                  input.name(),
                  a.line(),
                  1,
                  "",
                  "This godwit:allow comment "
                      + a.problem()
                      + ", so it suppresses nothing. Write -- godwit:allow <rule-id> <reason>:"
                      + " the reason is required and shown in every report.",
                  List.of(),
                  false,
                  null));
        }
      }
    }
    out.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
    return out;
  }

  private static Finding finding(String file, RawFinding raw, LintOptions options) {
    RuleInfo rule = raw.rule();
    Severity severity = raw.severity() != null ? raw.severity() : options.severityOf(rule);
    if (options.severities().containsKey(rule.id())) {
      severity = options.severities().get(rule.id());
    }
    String message = raw.message();
    if (rule.sizeAware() && raw.sizeTable() != null) {
      Name t = raw.sizeTable();
      TableSize size = options.sizeOf(t.schema(), t.name());
      if (size != null && size.rows() >= 0) {
        if (size.rows() < options.smallTableRows()) {
          severity = Severity.INFO;
          message +=
              " Table "
                  + t
                  + " has "
                  + size.describe()
                  + ", below the small-table threshold of "
                  + options.smallTableRows()
                  + " rows, so this is reported as info only.";
        } else if (size.rows() >= options.largeTableRows() && severity == Severity.WARN) {
          severity = Severity.ERROR;
          message +=
              " Table "
                  + t
                  + " has "
                  + size.describe()
                  + " (large-table threshold "
                  + options.largeTableRows()
                  + " rows), so this is an error.";
        } else {
          message += " Table " + t + " has " + size.describe() + ".";
        }
      }
    }
    return new Finding(
        rule.id(),
        severity,
        file,
        raw.line(),
        raw.column(),
        raw.statement(),
        message,
        raw.recipe(),
        false,
        null);
  }
}
