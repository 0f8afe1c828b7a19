package dev.godwit.lint;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SqlDialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linter options from Godwit's configuration: the {@code [lint]} table of godwit.toml (or {@code
 * --lint-enable}, {@code --lint-disable}, {@code --lint-severity}).
 */
public final class LintSettings {
  private LintSettings() {}

  /**
   * Builds the options for a dialect and server version from the configuration.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} for an unknown rule or severity
   */
  public static LintOptions.Builder from(
      GodwitConfig config, SqlDialect dialect, ServerVersion version) {
    LintOptions.Builder b = LintOptions.builder(dialect).version(version);
    try {
      List<String> enable = config.list(ConfigKey.LINT_ENABLE);
      List<String> disable = config.list(ConfigKey.LINT_DISABLE);
      b.enable(enable.toArray(String[]::new));
      b.disable(disable.toArray(String[]::new));
      Object raw = config.get(ConfigKey.LINT_SEVERITY);
      if (raw instanceof Map<?, ?> severities) {
        for (Map.Entry<?, ?> e : severities.entrySet()) {
          b.severity(String.valueOf(e.getKey()), severity(String.valueOf(e.getValue())));
        }
      }
      b.build(); // Unknown rule ids fail here, as a configuration error, not when linting.
      return b;
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "[lint] " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code info}, {@code warn} or {@code error}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Severity severity(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "info" -> Severity.INFO;
      case "warn", "warning" -> Severity.WARN;
      case "error" -> Severity.ERROR;
      default ->
          throw new IllegalArgumentException(
              "unknown severity '" + text + "': use info, warn or error");
    };
  }
}
