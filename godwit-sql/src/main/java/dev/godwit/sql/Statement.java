package dev.godwit.sql;

import java.util.Objects;
import java.util.Set;

/**
 * One statement of a script, exactly as written.
 *
 * @param sql the statement text as written, from its first token up to (not including) its
 *     delimiter, with trailing whitespace removed; for a {@link StatementFlag#COMMENT_ONLY}
 *     statement, the comment text
 * @param line 1-based line of the first character of {@code sql} in the script
 * @param column 1-based column (in UTF-16 code units) of the first character of {@code sql}
 * @param leadingComments the comments between the previous statement and this one, verbatim (empty
 *     when there are none); the linter reads suppressions from them
 * @param flags facts about the statement, see {@link StatementFlag}
 * @param copyData for {@link StatementFlag#COPY_FROM_STDIN}, the data block up to but not including
 *     the {@code \.} line; otherwise {@code null}
 */
public record Statement(
    String sql,
    int line,
    int column,
    String leadingComments,
    Set<StatementFlag> flags,
    String copyData) {

  /** Validates and freezes the flags. */
  public Statement {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(leadingComments, "leadingComments");
    flags = Set.copyOf(flags);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** Whether the statement carries {@code flag}. */
  public boolean has(StatementFlag flag) {
    return flags.contains(flag);
  }
}
