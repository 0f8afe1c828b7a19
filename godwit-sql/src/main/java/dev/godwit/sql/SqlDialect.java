package dev.godwit.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * The databases Godwit knows: Godwit's one dialect vocabulary, shared by the splitter, the core and
 * the linter.
 *
 * <p>MariaDB is a member of the MySQL family, as in jOOQ's {@code SQLDialect.family()}: {@link
 * #family()} of {@link #MARIADB} is {@link #MYSQL}. The family shares lexical rules and statement
 * rules (the splitter splits and flags MariaDB exactly like MySQL); only facts of the server, such
 * as its version numbers, tell the two apart. Code that means "MySQL or MariaDB" asks {@code
 * family() == MYSQL}.
 *
 * <p>Adding a dialect: add a constant with its {@link #label()}, {@link #displayName()} and {@link
 * LexicalRules} (each fact checked against the database's own lexer), teach {@link #fromJdbcUrl},
 * {@link #fromServer} and {@link #fromLabel} its names, and give the splitter's statement rules
 * (compound bodies, flags) a case for its family. CONTRIBUTING.md lists the steps.
 *
 * <p>The constants are in the order they were added; their ordinals carry no meaning.
 */
public enum SqlDialect {
  /** PostgreSQL: dollar quotes, E'' strings, nested block comments, COPY FROM STDIN. */
  POSTGRES("pg", "PostgreSQL", LexicalRules.POSTGRES),
  /**
   * MySQL, and the MySQL family: backticks, backslash escapes, # comments, DELIMITER, compound
   * bodies. A JDBC URL can only name the family, see {@link #fromJdbcUrl}.
   */
  MYSQL("mysql", "MySQL", LexicalRules.MYSQL),
  /** SQLite: trigger bodies, [bracket] and `backtick` identifiers. */
  SQLITE("sqlite", "SQLite", LexicalRules.SQLITE),
  /** H2: standard quoting, backtick identifiers, // comments and $$ bodies. */
  H2("h2", "H2", LexicalRules.H2),
  /** MariaDB: a member of the {@link #MYSQL} family, with its lexical and statement rules. */
  MARIADB("mariadb", "MariaDB", LexicalRules.MYSQL);

  private final String label;
  private final String displayName;
  private final LexicalRules lexicalRules;

  SqlDialect(String label, String displayName, LexicalRules lexicalRules) {
    this.label = label;
    this.displayName = displayName;
    this.lexicalRules = lexicalRules;
  }

  /**
   * The short name used on the command line and in JSON: {@code pg}, {@code mysql}, {@code
   * mariadb}, {@code sqlite} or {@code h2}. {@link #fromLabel} reads it back.
   */
  public String label() {
    return label;
  }

  /** The database's name for messages: PostgreSQL, MySQL, MariaDB, SQLite, H2. */
  public String displayName() {
    return displayName;
  }

  /** How the database's lexer reads SQL text. */
  public LexicalRules lexicalRules() {
    return lexicalRules;
  }

  /** The family whose rules apply: {@link #MYSQL} for MariaDB, the dialect itself otherwise. */
  public SqlDialect family() {
    return this == MARIADB ? MYSQL : this;
  }

  /**
   * Reads a user's name for a dialect, in any case and with surrounding blanks ignored: {@code pg},
   * {@code postgres} or {@code postgresql}; {@code mysql} or {@code my}; {@code mariadb}; {@code
   * sqlite} or {@code sl}; {@code h2}.
   *
   * @throws IllegalArgumentException for any other text, with a message naming the accepted ones
   */
  public static SqlDialect fromLabel(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "pg", "postgres", "postgresql" -> POSTGRES;
      case "mysql", "my" -> MYSQL;
      case "mariadb" -> MARIADB;
      case "sqlite", "sl" -> SQLITE;
      case "h2" -> H2;
      default ->
          throw new IllegalArgumentException(
              "unknown dialect '" + text + "': use pg, mysql, mariadb, sqlite or h2");
    };
  }

  /**
   * The dialect a JDBC URL names by its subprotocol: {@code jdbc:postgresql:}, {@code jdbc:mysql:},
   * {@code jdbc:mariadb:}, {@code jdbc:sqlite:} or {@code jdbc:h2:}.
   *
   * <p>A {@code jdbc:mysql:} URL gives {@link #MYSQL} standing for the whole MySQL family:
   * MariaDB's driver accepts such URLs too, and either driver may reach either server, so the URL
   * cannot tell MariaDB from MySQL. MySQL's rules are the family's, so this is the safe reading
   * offline; once connected, {@link #fromServer} tells the two apart. A {@code jdbc:mariadb:} URL
   * gives {@link #MARIADB}.
   *
   * @return empty for a null URL or another subprotocol
   */
  public static Optional<SqlDialect> fromJdbcUrl(String url) {
    int colon = url == null ? -1 : url.indexOf(':', 5);
    if (colon < 0 || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return Optional.empty();
    }
    return switch (url.substring(5, colon).toLowerCase(Locale.ROOT)) {
      case "postgresql" -> Optional.of(POSTGRES);
      case "mysql" -> Optional.of(MYSQL);
      case "mariadb" -> Optional.of(MARIADB);
      case "sqlite" -> Optional.of(SQLITE);
      case "h2" -> Optional.of(H2);
      default -> Optional.empty();
    };
  }

  /**
   * The dialect of a connected server, from {@code DatabaseMetaData.getDatabaseProductName()} and
   * {@code getDatabaseProductVersion()}. MariaDB reports itself by its product name ({@code
   * MariaDB}, MariaDB Connector/J 3) or only by its version ({@code 10.11.19-MariaDB}, or {@code
   * 5.5.5-10.11.6-MariaDB} through MySQL's driver), so both are read.
   *
   * @param productName the product name; null reads as unknown
   * @param productVersion the product version; may be null
   * @return empty for a product Godwit does not know
   */
  public static Optional<SqlDialect> fromServer(String productName, String productVersion) {
    String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    String v = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return Optional.of(POSTGRES);
    }
    if (p.equals("h2")) {
      return Optional.of(H2);
    }
    if (p.contains("sqlite")) {
      return Optional.of(SQLITE);
    }
    if (p.contains("mariadb") || (p.contains("mysql") && v.contains("mariadb"))) {
      return Optional.of(MARIADB);
    }
    if (p.contains("mysql")) {
      return Optional.of(MYSQL);
    }
    return Optional.empty();
  }
}
