package dev.godwit.api;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement of a migration failed. Carries the script, the failing statement's line and text, the
 * database's SQLSTATE, and the statements that had already run when the migration could not be
 * rolled back.
 */
public sealed class MigrationFailedException extends GodwitException
    permits StatementLockTimeoutException {
  private static final long serialVersionUID = 1L;

  private final String script;
  private final int line;
  private final String statement;
  private final String sqlState;
  private final transient List<String> alreadyRun;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param script the script (or class) that failed
   * @param line the 1-based line of the failing statement, 0 when unknown
   * @param statement the failing statement's text, or null
   * @param alreadyRun statements that ran and stayed applied ("file:line first line"), empty when
   *     the migration was rolled back
   * @param cause the database's exception, or null
   */
  public MigrationFailedException(
      String message,
      String script,
      int line,
      String statement,
      List<String> alreadyRun,
      Throwable cause) {
    this(ErrorCode.MIGRATION_FAILED, message, script, line, statement, alreadyRun, cause);
  }

  /** For subclasses that report a more specific code; the parameters are those above. */
  MigrationFailedException(
      ErrorCode code,
      String message,
      String script,
      int line,
      String statement,
      List<String> alreadyRun,
      Throwable cause) {
    super(code, message, cause);
    this.script = script;
    this.line = line;
    this.statement = statement;
    this.alreadyRun = List.copyOf(alreadyRun);
    this.sqlState = cause instanceof SQLException e ? e.getSQLState() : null;
  }

  /** The script or Java class that failed. */
  public String script() {
    return script;
  }

  /** The 1-based line of the failing statement, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The failing statement, or null. */
  public String statement() {
    return statement;
  }

  /** The SQLSTATE reported by the database, or null. */
  public String sqlState() {
    return sqlState;
  }

  /** Statements that had already run and stayed applied; empty when all was rolled back. */
  public List<String> alreadyRun() {
    return alreadyRun;
  }
}
