package dev.godwit.internal;

/**
 * A problem in a TOML document, located by source, line and column.
 *
 * <p>The message reads {@code "<source>:<line>:<column>: <what is wrong>"}, the form compilers use,
 * so editors and terminals can link it to the spot. Callers that validate a parsed document may
 * throw it too, with positions from {@link TomlTable#line} and {@link TomlTable#column}.
 */
final class TomlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  /**
   * Creates an exception for a problem at a position.
   *
   * @param source names the document, usually its file name
   * @param line the 1-based line
   * @param column the 1-based column, counted in chars
   * @param problem what is wrong, optionally followed by a hint in parentheses
   */
  public TomlException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** Returns the name of the document, as given to {@link Toml#parse}. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the problem, counted in chars. */
  public int column() {
    return column;
  }
}
