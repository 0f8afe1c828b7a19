package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a rule is: the facts the command line's help and the README's rules table are made from.
 *
 * @param id stable kebab-case id, used in suppressions, configuration and reports
 * @param dialects the dialects the rule applies to ({@link SqlDialect#MYSQL} and {@link
 *     SqlDialect#MARIADB} always together)
 * @param defaultSeverity severity unless configured otherwise
 * @param sizeAware whether the rule relaxes on tables known to be small (and may get stricter on
 *     tables known to be large)
 * @param enabledByDefault false for opt-in rules ({@code missing-lock-timeout}, {@code
 *     missing-statement-timeout})
 * @param description one sentence: what the rule catches
 */
public record RuleInfo(
    String id,
    Set<SqlDialect> dialects,
    Severity defaultSeverity,
    boolean sizeAware,
    boolean enabledByDefault,
    String description) {

  /** Validates and freezes the fields. */
  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(description, "description");
    dialects = Set.copyOf(dialects.isEmpty() ? EnumSet.noneOf(SqlDialect.class) : dialects);
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule ids are kebab-case: " + id);
    }
  }

  /** Whether the rule applies to {@code dialect}. */
  public boolean appliesTo(SqlDialect dialect) {
    return dialects.contains(dialect);
  }

  /**
   * The dialects as the summary table writes them: {@code pg, my, sl}, or {@code all} for every
   * dialect the linter has rules for.
   */
  public String dialectsLabel() {
    if (dialects.containsAll(Rules.dialects())) {
      return "all";
    }
    StringJoiner j = new StringJoiner(", ");
    if (dialects.contains(SqlDialect.POSTGRES)) {
      j.add("pg");
    }
    if (dialects.stream().anyMatch(d -> d.family() == SqlDialect.MYSQL)) {
      j.add("my");
    }
    if (dialects.contains(SqlDialect.SQLITE)) {
      j.add("sl");
    }
    return j.toString();
  }
}
