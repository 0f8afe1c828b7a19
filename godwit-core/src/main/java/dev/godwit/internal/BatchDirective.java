package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.NameSuggestions;
import dev.godwit.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- godwit:batch rows=5000 pause=50ms key=id} line above an UPDATE or DELETE: run it as a
 * backfill, in key-ordered batches of {@code rows} rows, each its own transaction.
 *
 * @param rows rows per batch
 * @param pause pause after each batch
 * @param key the key columns to walk the table by, in order; empty for the table's primary key (or
 *     a unique key of NOT NULL columns)
 * @param line the line of the statement it precedes
 */
record BatchDirective(int rows, Duration pause, List<String> key, int line) {
  private static final Pattern LINE =
      Pattern.compile("--\\s*godwit:batch\\b([^\\r\\n]*)", Pattern.CASE_INSENSITIVE);
  private static final List<String> OPTIONS = List.of("rows", "pause", "key");

  /** Whether the statement's leading comments carry the directive. */
  static boolean marks(Statement st) {
    return st.leadingComments().contains("godwit:batch")
        && LINE.matcher(st.leadingComments()).find();
  }

  /**
   * The directive above {@code st}, or null when it has none.
   *
   * @throws GodwitException with {@link ErrorCode#SCRIPT_INVALID} for an unknown option or a bad
   *     value, naming the script and line
   */
  static BatchDirective of(Statement st, GodwitConfig config, String script) {
    if (!st.leadingComments().contains("godwit:batch")) {
      return null;
    }
    Matcher m = LINE.matcher(st.leadingComments());
    String options = null;
    while (m.find()) {
      options = m.group(1); // the last one, nearest the statement
    }
    if (options == null) {
      return null;
    }
    int rows = config.number(ConfigKey.BACKFILL_ROWS);
    Duration pause = config.duration(ConfigKey.BACKFILL_PAUSE);
    List<String> key = new ArrayList<>();
    String where = script + ":" + st.line() + ": -- godwit:batch: ";
    for (String option : options.trim().split("\\s+")) {
      if (option.isEmpty()) {
        continue;
      }
      int eq = option.indexOf('=');
      String name = eq < 0 ? option : option.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : option.substring(eq + 1);
      switch (name) {
        case "rows" -> rows = rows(value, where);
        case "pause" -> pause = LockOverrides.duration(ConfigKey.BACKFILL_PAUSE, value, where);
        case "key" -> {
          for (String column : value.split(",")) {
            if (column.isBlank()) {
              throw invalid(where + "key= names the key columns, such as key=id or key=a,b");
            }
            key.add(column.trim());
          }
        }
        default ->
            throw invalid(
                where
                    + "unknown option '"
                    + option
                    + "'"
                    + NameSuggestions.hint(name, OPTIONS)
                    + "; the options are rows=<n>, pause=<duration> and key=<column[,column]>");
      }
    }
    return new BatchDirective(rows, pause, List.copyOf(key), st.line());
  }

  private static int rows(String value, String where) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw invalid(where + "rows= takes a whole number of rows, 1 or more, not '" + value + "'");
  }

  private static GodwitException invalid(String message) {
    return new GodwitException(ErrorCode.SCRIPT_INVALID, message);
  }
}
