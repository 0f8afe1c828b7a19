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
