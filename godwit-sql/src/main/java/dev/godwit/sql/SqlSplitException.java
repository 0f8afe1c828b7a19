package dev.godwit.sql;

/**
 * A script cannot be split: an unterminated construct, a psql meta-command, an undefined
 * placeholder. The message names the source, line and column and says how to fix it.
 */
public final class SqlSplitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as a stable category. */
  public enum Problem {
    UNTERMINATED_STRING,
    UNTERMINATED_QUOTED_IDENTIFIER,
    UNTERMINATED_COMMENT,
    UNTERMINATED_DOLLAR_QUOTE,
    UNTERMINATED_BLOCK,
    UNTERMINATED_COPY_DATA,
    PSQL_META_COMMAND,
    UNDEFINED_PLACEHOLDER,
    READ_FAILED
  }

  private final Problem problem;
  private final String source;
  private final int line;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param problem the category
   * @param source the script name as given to the splitter
   * @param line 1-based line where the construct opened
   * @param column 1-based column where the construct opened
   * @param detail what happened and the hint for the fix
   */
  public SqlSplitException(Problem problem, String source, int line, int column, String detail) {
    super(source + ":" + line + ":" + column + ": " + detail);
    this.problem = problem;
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The category of the problem. */
  public Problem problem() {
    return problem;
  }

  /** The script name as given to the splitter. */
  public String source() {
    return source;
  }

  /** 1-based line where the offending construct opened. */
  public int line() {
    return line;
  }

  /** 1-based column where the offending construct opened. */
  public int column() {
    return column;
  }
}
