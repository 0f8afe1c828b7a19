package dev.godwit.lint;

import dev.godwit.sql.SqlDialect;
import java.util.Locale;

/**
 * The database a migration is written for. MySQL and MariaDB share rules but differ in versions.
 */
public enum LintDialect {
  /** PostgreSQL; the server version is the major version ({@code 16}). */
  POSTGRES("pg"),
  /** MySQL; the server version is {@code X.Y.Z}. */
  MYSQL("mysql"),
  /** MariaDB; the server version is {@code X.Y.Z}. Rules for MySQL apply to it. */
  MARIADB("mariadb"),
  /** SQLite; the server version is {@code X.Y}. */
  SQLITE("sqlite");

  private final String label;

  LintDialect(String label) {
    this.label = label;
  }

  /** The short name used in JSON and on the command line: pg, mysql, mariadb, sqlite. */
  public String label() {
    return label;
  }

  /** Whether this is MySQL or MariaDB. */
  public boolean isMySqlFamily() {
    return this == MYSQL || this == MARIADB;
  }

  /** The splitter dialect whose lexical rules apply. */
  public SqlDialect sqlDialect() {
    return switch (this) {
      case POSTGRES -> SqlDialect.POSTGRES;
      case MYSQL, MARIADB -> SqlDialect.MYSQL;
      case SQLITE -> SqlDialect.SQLITE;
    };
  }

  /**
   * Parses {@code pg}/{@code postgres}/{@code postgresql}, {@code mysql}, {@code mariadb} or {@code
   * sqlite}, in any case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static LintDialect parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "pg", "postgres", "postgresql" -> POSTGRES;
      case "mysql", "my" -> MYSQL;
      case "mariadb" -> MARIADB;
      case "sqlite", "sl" -> SQLITE;
      default ->
          throw new IllegalArgumentException(
              "unknown dialect '" + text + "': use pg, mysql, mariadb or sqlite");
    };
  }
}
