package dev.godwit.api;

import java.util.List;

/**
 * What {@code migrate} or {@code undo} would do, computed without changing anything.
 *
 * @param command "migrate" or "undo"
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
   */
  public record Planned(
      String version,
      String description,
      MigrationType type,
      String script,
      boolean transactional,
      List<PlannedStatement> statements,
      String historyRow) {

    /** Freezes the list. */
    public Planned {
      statements = List.copyOf(statements);
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
