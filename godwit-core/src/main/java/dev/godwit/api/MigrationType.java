package dev.godwit.api;

import java.util.Locale;

/** The {@code type} column of the history table; the same values Flyway writes. */
public enum MigrationType {
  /** A versioned or repeatable SQL file. */
  SQL,
  /** A Java migration class. */
  JDBC,
  /** A shell or other script migration (read from Flyway histories; not run by Godwit). */
  SCRIPT,
  /** The marker row written by {@code baseline}. */
  BASELINE,
  /** A baseline migration file ({@code B} prefix). */
  SQL_BASELINE,
  /** A Java baseline migration. */
  JDBC_BASELINE,
  /** The marker of schemas created by the tool. */
  SCHEMA,
  /** Hides an earlier row whose migration was removed on purpose ({@code repair}). */
  DELETE,
  /** An undo script ran for this version. */
  UNDO_SQL,
  /** An undo Java migration ran for this version. */
  UNDO_JDBC,
  /** An undo shell script ran for this version. */
  UNDO_SCRIPT,
  /** H2 only: a marker row Flyway keeps so that a row always exists to lock. */
  TABLE;

  /**
   * Reads a value from the history table, accepting Flyway's legacy names.
   *
   * @throws IllegalArgumentException for a value no Flyway or Godwit version writes
   */
  public static MigrationType fromHistory(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.equals("SPRING_JDBC")) {
      return JDBC;
    }
    return valueOf(v);
  }

  /** Whether this type records an undo. */
  public boolean isUndo() {
    return this == UNDO_SQL || this == UNDO_JDBC || this == UNDO_SCRIPT;
  }

  /** Whether this row was written by the tool itself rather than by running a migration. */
  public boolean isSynthetic() {
    return this == BASELINE || this == SCHEMA || this == DELETE || this == TABLE;
  }

  /** Whether this row marks a baseline (the marker or a baseline migration). */
  public boolean isBaseline() {
    return this == BASELINE || this == SQL_BASELINE || this == JDBC_BASELINE;
  }
}
