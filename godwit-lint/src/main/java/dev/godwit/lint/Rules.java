package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The rule catalog: every rule with its id, dialects, default severity and description. */
public final class Rules {

  /** Id of the finding for SQL the linter could not analyse. */
  public static final String NOT_ANALYSED = "not-analysed";

  /**
   * Id of the finding for a {@code godwit:allow} comment without a reason or with an unknown id.
   */
  public static final String INVALID_SUPPRESSION = "invalid-suppression";

  private static final Set<SqlDialect> DIALECTS =
      Collections.unmodifiableSet(
          EnumSet.of(SqlDialect.POSTGRES, SqlDialect.MYSQL, SqlDialect.MARIADB, SqlDialect.SQLITE));

  private static final List<RuleInfo> META =
      List.of(
          new RuleInfo(
              NOT_ANALYSED,
              DIALECTS,
              Severity.INFO,
              false,
              true,
              "A statement or the rest of a file could not be split or parsed, so no rule looked"
                  + " at it."),
          new RuleInfo(
              INVALID_SUPPRESSION,
              DIALECTS,
              Severity.WARN,
              false,
              true,
              "A -- godwit:allow comment has no reason or names an unknown rule, so it suppresses"
                  + " nothing."));

  private Rules() {}

  /**
   * The 45 rules of the catalog in catalog order: the 38 zero-downtime rules, then
   * non-idempotent-statement, identifier-too-long and the five opt-in type rules.
   */
  public static List<RuleInfo> all() {
    return RuleEngineAccess.catalog();
  }

  /**
   * The two findings the linter reports about itself: {@code not-analysed}, {@code
   * invalid-suppression}.
   */
  public static List<RuleInfo> meta() {
    return META;
  }

  /**
   * The dialects the linter has rules for: every one but H2, a development database. {@link
   * LintOptions} takes no other.
   */
  public static Set<SqlDialect> dialects() {
    return DIALECTS;
  }

  /** The rules that apply to {@code dialect}. */
  public static List<RuleInfo> forDialect(SqlDialect dialect) {
    return all().stream().filter(r -> r.appliesTo(dialect)).toList();
  }

  /** The rule (or meta finding) with this id. */
  public static Optional<RuleInfo> find(String id) {
    return Stream.concat(all().stream(), META.stream()).filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The long description and recipe of a rule or meta finding, as {@code godwit lint --explain}
   * prints them.
   */
  public static Optional<RuleDoc> explain(String id) {
    return Optional.ofNullable(RuleDoc.all().get(id));
  }

  static RuleInfo require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown lint rule '"
                        + id
                        + "'; known rules: "
                        + Stream.concat(all().stream(), META.stream())
                            .map(RuleInfo::id)
                            .collect(Collectors.joining(", "))));
  }
}
