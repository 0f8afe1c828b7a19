package dev.godwit.api;

/**
 * A migration without a transaction was interrupted in a statement whose outcome was not recorded:
 * its runner was killed (or lost its connection) after recording that the statement started and
 * before recording that it completed. {@code migrate} stops here until the outcome is settled:
 * {@code migrate --resume} settles it when the catalog shows the table, column or index the
 * statement creates or drops; otherwise the message gives the choices.
 */
public final class MigrationInterruptedException extends GodwitException {
  private static final long serialVersionUID = 1L;

  /** What the catalog shows about an interrupted statement. */
  public enum Outcome {
    /** The object the statement creates is present, or the one it drops is gone. */
    APPLIED,
    /** The object the statement creates is absent, or the one it drops is still there. */
    NOT_APPLIED,
    /** The catalog cannot tell: the statement creates or drops nothing Godwit can look up. */
    UNKNOWN
  }

  /**
   * The interrupted statement.
   *
   * @param version the migration's version, or null for a repeatable
   * @param script the migration's script (or Java class)
   * @param statement the statement's number, from 1
   * @param statements how many statements the migration has
   * @param line the statement's line in the script (0 for a Java migration)
   * @param excerpt the statement's first line, shortened
   * @param catalog what the catalog shows, e.g. "table t29 is present"; null when it cannot tell
   * @param outcome what that means for the statement
   */
  public record Statement(
      String version,
      String script,
      int statement,
      int statements,
      int line,
      String excerpt,
      String catalog,
      Outcome outcome) {}

  private final transient Statement interrupted;

  /**
   * Creates the exception.
   *
   * @param message the full message, with the choices
   * @param interrupted the interrupted statement
   */
  public MigrationInterruptedException(String message, Statement interrupted) {
    super(ErrorCode.MIGRATION_INTERRUPTED, message);
    this.interrupted = interrupted;
  }

  /** The interrupted statement. */
  public Statement interrupted() {
    return interrupted;
  }
}
