package dev.godwit.lint;

import dev.godwit.api.TableSize;
import dev.godwit.sql.SqlDialect;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to lint: the database, what is known about it, and which rules run how.
 *
 * @param dialect the database the migrations are written for: one of {@link Rules#dialects()}
 * @param version the server version, or {@link ServerVersion#UNKNOWN} (rules then assume a current
 *     release: PostgreSQL 11+ fast defaults, 12+ NOT NULL proofs, MySQL 8.0.29+)
 * @param enabled rule ids to turn on in addition to the default set (the opt-in rules {@code
 *     missing-lock-timeout} and {@code missing-statement-timeout})
 * @param disabled rule ids to turn off; wins over {@code enabled}
 * @param severities severity per rule id, replacing the rule's default
 * @param smallTableRows size-aware rules relax to {@link Severity#INFO} on tables known to have
 *     fewer rows than this (default 1,000)
 * @param largeTableRows some size-aware rules become errors on tables known to have at least this
 *     many rows (default 1,000,000)
 * @param timeoutsSetByTool the runner sets {@code lock_timeout}/{@code statement_timeout} itself:
 *     the two timeout rules stay off even when enabled
 * @param tableSizes sizes by table name ({@code users} or {@code public.users}), from the live
 *     database; empty when offline
 * @param functionVolatility PostgreSQL function volatility by {@code name/arity} and {@code
 *     schema.name/arity} ({@link FunctionVolatility#read}), from the live database; empty when
 *     offline (a list of built-ins decides then)
 * @param indexTables the table of each index by index name ({@link IndexTables#read}), from the
 *     live database, for indexes no migration file created; empty when offline
 */
public record LintOptions(
    SqlDialect dialect,
    ServerVersion version,
    Set<String> enabled,
    Set<String> disabled,
    Map<String, Severity> severities,
    long smallTableRows,
    long largeTableRows,
    boolean timeoutsSetByTool,
    Map<String, TableSize> tableSizes,
    Map<String, FunctionVolatility> functionVolatility,
    Map<String, String> indexTables) {

  /** Default for {@link #smallTableRows()}: GitLab's threshold for index work. */
  public static final long DEFAULT_SMALL_TABLE_ROWS = 1_000;

  /** Default for {@link #largeTableRows()}. */
  public static final long DEFAULT_LARGE_TABLE_ROWS = 1_000_000;

  /**
   * Validates and freezes the options.
   *
   * @throws IllegalArgumentException for a dialect the linter has no rules for (H2), an unknown
   *     rule id (the message lists the known ones) or thresholds that are negative or out of order
   */
  public LintOptions {
    Objects.requireNonNull(dialect, "dialect");
    if (!Rules.dialects().contains(dialect)) {
      throw new IllegalArgumentException(
          "the linter has no rules for "
              + dialect.displayName()
              + ": use pg, mysql, mariadb or sqlite");
    }
    Objects.requireNonNull(version, "version");
    enabled = Set.copyOf(enabled);
    disabled = Set.copyOf(disabled);
    severities = Map.copyOf(severities);
    Map<String, TableSize> sizes = new HashMap<>();
    tableSizes.forEach((k, v) -> sizes.put(k, Objects.requireNonNull(v, k)));
    tableSizes = Map.copyOf(sizes);
    functionVolatility = Map.copyOf(functionVolatility);
    indexTables = Map.copyOf(indexTables);
    for (String id : enabled) {
      Rules.require(id);
    }
    for (String id : disabled) {
      Rules.require(id);
    }
    for (String id : severities.keySet()) {
      Rules.require(id);
    }
    if (smallTableRows < 0 || largeTableRows < smallTableRows) {
      throw new IllegalArgumentException(
          "need 0 <= smallTableRows <= largeTableRows, got "
              + smallTableRows
              + " and "
              + largeTableRows);
    }
  }

  /** Default options for {@code dialect}: unknown version, default rules, no sizes. */
  public static LintOptions defaults(SqlDialect dialect) {
    return builder(dialect).build();
  }

  /** A builder starting from the defaults for {@code dialect}. */
  public static Builder builder(SqlDialect dialect) {
    return new Builder(dialect);
  }

  /** Whether the rule runs under these options (dialect, default set, enable/disable, timeouts). */
  public boolean isActive(RuleInfo rule) {
    if (!rule.appliesTo(dialect) || disabled.contains(rule.id())) {
      return false;
    }
    if (timeoutsSetByTool
        && (rule.id().equals("missing-lock-timeout")
            || rule.id().equals("missing-statement-timeout"))) {
      return false;
    }
    return rule.enabledByDefault() || enabled.contains(rule.id());
  }

  /** The severity {@code rule} reports with before table-size adjustments. */
  public Severity severityOf(RuleInfo rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /**
   * The known size of a table: looked up as written ({@code app.users}), then by its unqualified
   * name, each also in lower case.
   */
  public TableSize sizeOf(String schema, String table) {
    if (tableSizes.isEmpty()) {
      return null;
    }
    String[] keys =
        schema == null ? new String[] {table} : new String[] {schema + "." + table, table};
    for (String k : keys) {
      TableSize s = tableSizes.get(k);
      if (s == null) {
        s = tableSizes.get(k.toLowerCase(Locale.ROOT));
      }
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** A copy with another version. */
  public LintOptions withVersion(ServerVersion v) {
    return new LintOptions(
        dialect,
        v,
        enabled,
        disabled,
        severities,
        smallTableRows,
        largeTableRows,
        timeoutsSetByTool,
        tableSizes,
        functionVolatility,
        indexTables);
  }

  /** Builds {@link LintOptions}. Not thread-safe. */
  public static final class Builder {
    private final SqlDialect dialect;
    private ServerVersion version = ServerVersion.UNKNOWN;
    private final Set<String> enabled = new LinkedHashSet<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final Map<String, Severity> severities = new HashMap<>();
    private long smallTableRows = DEFAULT_SMALL_TABLE_ROWS;
    private long largeTableRows = DEFAULT_LARGE_TABLE_ROWS;
    private boolean timeoutsSetByTool;
    private final Map<String, TableSize> tableSizes = new HashMap<>();
    private final Map<String, FunctionVolatility> functionVolatility = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();

    private Builder(SqlDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The server version. */
    public Builder version(ServerVersion v) {
      this.version = Objects.requireNonNull(v, "version");
      return this;
    }

    /** The server version as text: {@code 16}, {@code 8.0.29}, {@code 3.45}. */
    public Builder version(String v) {
      return version(ServerVersion.parse(v));
    }

    /** Turns rules on (for the opt-in ones). */
    public Builder enable(String... ids) {
      enabled.addAll(java.util.List.of(ids));
      return this;
    }

    /** Turns rules off. */
    public Builder disable(String... ids) {
      disabled.addAll(java.util.List.of(ids));
      return this;
    }

    /** Sets a rule's severity. */
    public Builder severity(String id, Severity s) {
      severities.put(id, Objects.requireNonNull(s, "severity"));
      return this;
    }

    /** Size-aware rules relax on tables with fewer rows than this. */
    public Builder smallTableRows(long rows) {
      this.smallTableRows = rows;
      return this;
    }

    /** Some size-aware rules become errors on tables with at least this many rows. */
    public Builder largeTableRows(long rows) {
      this.largeTableRows = rows;
      return this;
    }

    /** The runner sets lock and statement timeouts itself. */
    public Builder timeoutsSetByTool(boolean b) {
      this.timeoutsSetByTool = b;
      return this;
    }

    /** The size of one table, by name as the database knows it. */
    public Builder tableSize(String table, TableSize size) {
      tableSizes.put(table, size);
      return this;
    }

    /** The sizes of many tables, by name. */
    public Builder tableSizes(Map<String, TableSize> sizes) {
      tableSizes.putAll(sizes);
      return this;
    }

    /**
     * PostgreSQL function volatility by {@code name/arity} or {@code schema.name/arity}, as {@link
     * FunctionVolatility#read} reads it from the live catalog.
     */
    public Builder functionVolatility(Map<String, FunctionVolatility> volatility) {
      functionVolatility.putAll(volatility);
      return this;
    }

    /** The table of each index, by index name, as {@link IndexTables#read} reads them. */
    public Builder indexTables(Map<String, String> tables) {
      indexTables.putAll(tables);
      return this;
    }

    /**
     * The sizes the database reported ({@link dev.godwit.api.ScriptsResult#tableSizes()}), each by
     * its unqualified and its schema-qualified name, in lower case.
     */
    public Builder tableSizes(List<TableSize> sizes) {
      for (TableSize s : sizes) {
        String table = s.table().toLowerCase(Locale.ROOT);
        tableSizes.put(table, s);
        if (s.schema() != null) {
          tableSizes.put(s.schema().toLowerCase(Locale.ROOT) + "." + table, s);
        }
      }
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException for unknown rule ids or bad thresholds
     */
    public LintOptions build() {
      return new LintOptions(
          dialect,
          version,
          enabled,
          disabled,
          severities,
          smallTableRows,
          largeTableRows,
          timeoutsSetByTool,
          tableSizes,
          functionVolatility,
          indexTables);
    }
  }
}
