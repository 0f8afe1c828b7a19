package dev.godwit.sql;

/**
 * A script cannot be split: an unterminated construct, a psql meta-command, an undefined
 * placeholder. The message names the source, line and column and says how to fix it.
 */
public final class SqlSplitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as a stable category. */
  public enum Problem {
    /** A string literal is not closed. */
    UNTERMINATED_STRING,
    /** A quoted identifier ({@code "x"}, {@code `x`}, {@code [x]}) is not closed. */
    UNTERMINATED_QUOTED_IDENTIFIER,
    /** A block comment or MySQL executable comment is not closed. */
    UNTERMINATED_COMMENT,
    /** A dollar-quoted string or {@code $$} body is not closed. */
    UNTERMINATED_DOLLAR_QUOTE,
    /** A compound body (BEGIN ... END) or, in PostgreSQL, a parenthesis is not closed. */
    UNTERMINATED_BLOCK,
    /** {@code COPY ... FROM STDIN} data has no terminating {@code \.} line. */
    UNTERMINATED_COPY_DATA,
    /** A psql meta-command such as {@code \set} or {@code \i}, which JDBC cannot run. */
    PSQL_META_COMMAND,
    /** A placeholder whose name the resolver does not know. */
    UNDEFINED_PLACEHOLDER,
    /** The reader failed. */
    READ_FAILED,
    /**
     * One statement is too large for the memory the JVM has: the splitter holds a statement whole
     * while it reads it.
     */
    STATEMENT_TOO_LARGE
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
