package dev.godwit.api;

import java.util.List;

/**
 * What {@code migrate} or {@code undo} would do, computed without changing anything.
 *
 * @param command "migrate", "migrate --phase pre", "migrate --phase post" or "undo"
 * @param migrations the migrations that would run, in order
 * @param warnings warnings such as misnamed files
 */
public record PlanResult(String command, List<Planned> migrations, List<String> warnings) {

  /** Freezes the lists. */
  public PlanResult {
    migrations = List.copyOf(migrations);
    warnings = List.copyOf(warnings);
  }

  /**
   * One migration of the plan.
   *
   * @param version the version, or null for a repeatable
   * @param description the description
   * @param type the type the history row would get
   * @param script the script or class that would run
   * @param transactional whether it would run in one transaction
   * @param statements the statements, in order
   * @param historyRow the history row it would write, described
   * @param lock the lock-wait bounds and retries it would run with, or null when not computed
   * @param phase the deploy phase it belongs to
   */
  public record Planned(
      String version,
      String description,
      MigrationType type,
      String script,
      boolean transactional,
      List<PlannedStatement> statements,
      String historyRow,
      LockPolicy lock,
      DeployPhase phase) {

    /** Freezes the list. */
    public Planned {
      statements = List.copyOf(statements);
    }

    /** A planned pre-phase migration. */
    public Planned(
        String version,
        String description,
        MigrationType type,
        String script,
        boolean transactional,
        List<PlannedStatement> statements,
        String historyRow,
        LockPolicy lock) {
      this(
          version,
          description,
          type,
          script,
          transactional,
          statements,
          historyRow,
          lock,
          DeployPhase.PRE);
    }

    /** A planned migration without its lock policy. */
    public Planned(
        String version,
        String description,
        MigrationType type,
        String script,
        boolean transactional,
        List<PlannedStatement> statements,
        String historyRow) {
      this(version, description, type, script, transactional, statements, historyRow, null);
    }
  }

  /**
   * How a migration bounds its lock waits: the values in force for it and the SQL that sets them.
   *
   * @param lockTimeoutMs the longest wait of one attempt for a lock, in milliseconds; 0 when off
   * @param retries how many times a lock timeout is retried
   * @param retryUnit what a retry runs again: {@code migration} (rolled back and run again whole)
   *     or {@code statement} (a migration without a transaction retries only the statement that
   *     timed out)
   * @param backoff the pauses between attempts, described
   * @param statementTimeoutMs the longest run of one statement, in milliseconds; 0 when off
   * @param sql what Godwit runs on the migration's connection before it; empty where the database
   *     has no such setting (H2, SQLite) or everything is off
   * @param source where the values come from: {@code settings}, the script's {@code .conf}, or its
   *     {@code -- godwit:} lines
   */
  public record LockPolicy(
      long lockTimeoutMs,
      int retries,
      String retryUnit,
      String backoff,
      long statementTimeoutMs,
      List<String> sql,
      String source) {

    /** Freezes the list. */
    public LockPolicy {
      sql = List.copyOf(sql);
    }
  }

  /**
   * One statement that would run.
   *
   * @param line its 1-based line in the script
   * @param sql its text, placeholders replaced
   */
  public record PlannedStatement(int line, String sql) {}
}
