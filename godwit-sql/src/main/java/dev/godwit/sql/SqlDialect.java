package dev.godwit.sql;

/** The SQL dialects whose lexical rules the splitter knows. */
public enum SqlDialect {
  /** PostgreSQL: dollar quotes, E'' strings, nested block comments, COPY FROM STDIN. */
  POSTGRES,
  /** MySQL and MariaDB: backticks, backslash escapes, # comments, DELIMITER, compound bodies. */
  MYSQL,
  /** SQLite: trigger bodies, [bracket] and `backtick` identifiers. */
  SQLITE,
  /** H2: standard quoting and $$ bodies. */
  H2
}
