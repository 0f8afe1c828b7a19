package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script's own lock settings, from its {@code .sql.conf} ({@code lockTimeout=2s}) or from {@code
 * -- godwit:lock-timeout 2s} lines above its first statement. Null fields are not set.
 *
 * @param lockTimeout the script's lockTimeout, or null
 * @param retries the script's lockRetries, or null
 * @param statementTimeout the script's statementTimeout, or null
 * @param source where they were read, for plan and logs
 */
record LockOverrides(
    Duration lockTimeout, Integer retries, Duration statementTimeout, String source) {
  static final LockOverrides NONE = new LockOverrides(null, null, null, "");

  /** The directives a script may carry, with the setting each one sets. */
  static final List<String> DIRECTIVES =
      List.of("lock-timeout", "lock-retries", "statement-timeout");

  // "-- godwit:lock-timeout 2s", also with "=" or ":" before the value.
  private static final Pattern DIRECTIVE =
      Pattern.compile("--\\s*godwit:((?:lock|statement)-[a-z-]*)\\s*[=:]?\\s*(\\S*)");

  boolean isEmpty() {
    return lockTimeout == null && retries == null && statementTimeout == null;
  }

  /**
   * Reads {@code -- godwit:} lock directives from the comments above a script's first statement.
   *
   * @throws GodwitException with {@link ErrorCode#SCRIPT_INVALID} for an unknown directive or a bad
   *     value, naming the script
   */
  static LockOverrides fromComments(String comments, String script) {
    if (comments == null || !comments.contains("godwit:")) {
      return NONE;
    }
    Duration lockTimeout = null;
    Integer retries = null;
    Duration statementTimeout = null;
    Matcher m = DIRECTIVE.matcher(comments);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2);
      String where = script + ": -- godwit:" + name + " " + value + ": ";
      switch (name) {
        case "lock-timeout" -> lockTimeout = duration(ConfigKey.LOCK_TIMEOUT, value, where);
        case "lock-retries" -> retries = retries(value, where);
        case "statement-timeout" ->
            statementTimeout = duration(ConfigKey.STATEMENT_TIMEOUT, value, where);
        default ->
            throw new GodwitException(
                ErrorCode.SCRIPT_INVALID,
                script
                    + ": unknown directive '-- godwit:"
                    + name
                    + "'"
                    + NameSuggestions.hint(name, DIRECTIVES)
                    + "; lock directives are "
                    + String.join(", ", DIRECTIVES));
      }
    }
    LockOverrides o =
        new LockOverrides(lockTimeout, retries, statementTimeout, script + " (-- godwit: lines)");
    return o.isEmpty() ? NONE : o;
  }

  /**
   * Reads a script statement by statement: the first statement's comments give the directives
   * ({@code found} is null until then); a directive above a later statement would have no effect,
   * so it is an error.
   */
  static LockOverrides scan(LockOverrides found, dev.godwit.sql.Statement st, String script) {
    if (found == null) {
      return fromComments(st.leadingComments(), script);
    }
    if (st.leadingComments().contains("godwit:")
        && DIRECTIVE.matcher(st.leadingComments()).find()) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID,
          script
              + ": the -- godwit: lock directive above line "
              + st.line()
              + " has no effect there. Move it above the first statement: it applies to the"
              + " whole migration.");
    }
    return found;
  }

  /** Parses a value of a {@code .sql.conf} or directive with the setting's own rules. */
  static Duration duration(ConfigKey key, String value, String where) {
    try {
      return (Duration) key.parse(value);
    } catch (GodwitException e) {
      throw new GodwitException(ErrorCode.SCRIPT_INVALID, where + e.getMessage(), e);
    }
  }

  static Integer retries(String value, String where) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new GodwitException(
        ErrorCode.SCRIPT_INVALID,
        where + "lockRetries must be a whole number, 0 or more, not '" + value + "'");
  }
}
