package dev.godwit.sql;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Splits SQL scripts into statements according to a dialect's lexical rules. Thread-safe. */
public final class SqlSplitter {
  private final SplitOptions options;

  private SqlSplitter(SplitOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A splitter with the given options. */
  public static SqlSplitter of(SplitOptions options) {
    return new SqlSplitter(options);
  }

  /** A splitter for {@code dialect} with default options. */
  public static SqlSplitter of(SqlDialect dialect) {
    return new SqlSplitter(SplitOptions.of(dialect));
  }

  /** The options of this splitter. */
  public SplitOptions options() {
    return options;
  }

  /**
   * Splits a script lazily.
   *
   * @param script the script text; closed when the stream is closed
   * @param source the name used in error messages, usually the file path
   * @return the statements in script order, including {@link StatementFlag#COMMENT_ONLY} ones
   */
  public StatementStream split(Reader script, String source) {
    return new Lexer(options, script, source);
  }

  /**
   * Splits a script lazily, sizing the first read to a script of about {@code expectedChars}.
   * Migrations are mostly small files: a window fitted to each saves allocating and clearing the
   * default 64 Ki chars per file (most of the splitter's cost on a few-line migration). Any size
   * still works: the window grows when a statement does not fit.
   *
   * @param expectedChars the script's length if known (its size in bytes is fine: never fewer than
   *     its chars in UTF-8), or 0 or less when unknown
   */
  public StatementStream split(Reader script, String source, long expectedChars) {
    if (expectedChars <= 0 || expectedChars >= Window.DEFAULT_CAPACITY) {
      return new Lexer(options, script, source);
    }
    // One char more than the text, so the first read also sees the end of the input.
    return new Lexer(options, script, source, (int) Math.max(expectedChars + 1, 64));
  }

  /**
   * Splits a whole script held in memory.
   *
   * @throws SqlSplitException when the script cannot be split
   */
  public List<Statement> splitAll(String script, String source) {
    List<Statement> out = new ArrayList<>();
    try (StatementStream stream = split(new StringReader(script), source)) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }
}
