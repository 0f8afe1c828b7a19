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
 * @param reason why the splitter set {@link StatementFlag#NON_TRANSACTIONAL}, {@link
 *     StatementFlag#TRANSACTION_CONTROL} or {@link StatementFlag#IMPLICIT_COMMIT} (a statement has
 *     at most one of them): the SQL that decided it, in upper case, such as {@code CREATE INDEX
 *     CONCURRENTLY}, {@code VACUUM}, {@code ALTER TYPE ... ADD VALUE before PostgreSQL 12}, {@code
 *     START TRANSACTION} or {@code LOCK TABLES}; empty when it has none of them
 */
public record Statement(
    String sql,
    int line,
    int column,
    String leadingComments,
    Set<StatementFlag> flags,
    String copyData,
    String reason) {

  /** Validates and freezes the flags. */
  public Statement {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(leadingComments, "leadingComments");
    Objects.requireNonNull(reason, "reason");
    flags = Set.copyOf(flags);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** A statement whose flags come without a reason (the reason is empty). */
  public Statement(
      String sql,
      int line,
      int column,
      String leadingComments,
      Set<StatementFlag> flags,
      String copyData) {
    this(sql, line, column, leadingComments, flags, copyData, "");
  }

  /** Whether the statement carries {@code flag}. */
  public boolean has(StatementFlag flag) {
    return flags.contains(flag);
  }
}
