package dev.godwit.sql;

import java.util.Objects;
import java.util.function.Function;

/**
 * How to split a script.
 *
 * @param dialect the lexical rules to apply
 * @param serverMajorVersion the server's major version when known (0 when unknown); decides
 *     version-dependent flags such as PostgreSQL's ALTER TYPE ... ADD VALUE before 12
 * @param placeholders resolves a placeholder name to its value, or returns {@code null} when the
 *     name is undefined; {@code null} turns placeholder replacement off
 * @param placeholderPrefix text that opens a placeholder, usually <code>${</code>
 * @param placeholderSuffix text that closes a placeholder, usually <code>}</code>
 * @param placeholdersInCodeOnly when true, placeholders are replaced only outside comments and
 *     string literals; when false (Flyway's behaviour) everywhere. In dollar-quoted bodies an
 *     undefined placeholder is always left as written instead of failing.
 */
public record SplitOptions(
    SqlDialect dialect,
    int serverMajorVersion,
    Function<String, String> placeholders,
    String placeholderPrefix,
    String placeholderSuffix,
    boolean placeholdersInCodeOnly) {

  /** Validates the options. */
  public SplitOptions {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(placeholderPrefix, "placeholderPrefix");
    Objects.requireNonNull(placeholderSuffix, "placeholderSuffix");
    if (placeholderPrefix.isEmpty() || placeholderSuffix.isEmpty()) {
      throw new IllegalArgumentException("placeholder prefix and suffix must not be empty");
    }
  }

  /** Options for {@code dialect} with no placeholder replacement and an unknown version. */
  public static SplitOptions of(SqlDialect dialect) {
    return new SplitOptions(dialect, 0, null, "${", "}", false);
  }

  /** A copy with the given placeholder resolver. */
  public SplitOptions withPlaceholders(Function<String, String> resolver) {
    return new SplitOptions(
        dialect,
        serverMajorVersion,
        resolver,
        placeholderPrefix,
        placeholderSuffix,
        placeholdersInCodeOnly);
  }

  /** A copy with the given server major version. */
  public SplitOptions withServerMajorVersion(int version) {
    return new SplitOptions(
        dialect,
        version,
        placeholders,
        placeholderPrefix,
        placeholderSuffix,
        placeholdersInCodeOnly);
  }
}
