/**
 * Godwit's SQL script engine: the dialect vocabulary, a streaming, dialect-aware statement splitter
 * and a token scanner that reads statements the same way.
 *
 * <p>Public API. Types in this package keep source compatibility within a major version. The
 * package has no dependency beyond the JDK and knows nothing about JDBC.
 *
 * <h2>Dialects</h2>
 *
 * <ul>
 *   <li>{@link dev.godwit.sql.SqlDialect} is Godwit's one dialect vocabulary: {@code POSTGRES},
 *       {@code MYSQL}, {@code MARIADB}, {@code SQLITE}, {@code H2}. {@code MARIADB.family()} is
 *       {@code MYSQL} (jOOQ's model): the family shares lexical and statement rules, so MariaDB
 *       splits, flags and tokenizes exactly like MySQL. Everything else is its own family.
 *   <li>Labels ({@code pg}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code h2}) are the
 *       names of output; {@code fromLabel} also reads {@code postgres}, {@code postgresql}, {@code
 *       my} and {@code sl}, in any case.
 *   <li>Detection: {@code fromJdbcUrl} by subprotocol, where {@code jdbc:mysql:} gives {@code
 *       MYSQL} standing for the whole family (MariaDB's driver takes such URLs too, so only the
 *       server can tell); {@code fromServer} by the product name and version a connection reports,
 *       where a version such as {@code 10.11.19-MariaDB} makes a "MySQL" product MariaDB.
 *   <li>Each dialect's {@link dev.godwit.sql.LexicalRules} are data, checked against the engine's
 *       own lexer: PostgreSQL {@code scan.l}, the MySQL/MariaDB manuals, SQLite {@code tokenize.c},
 *       H2's {@code Tokenizer}. The splitter and the token scanner read these facts and never test
 *       for a dialect; statement rules (compound bodies, flags) and client conventions (psql, the
 *       mysql client) go by family.
 * </ul>
 *
 * <h2>Statements</h2>
 *
 * <ul>
 *   <li>A statement runs from its first code token up to its delimiter ({@code ;}, or the current
 *       MySQL {@code DELIMITER}), trailing whitespace removed; a last statement without delimiter
 *       runs to the end of the script. Empty statements ({@code ;;}) are skipped.
 *   <li>Lines count {@code \n} (so CRLF is one line break); columns count UTF-16 code units. A byte
 *       order mark at the start of the script is skipped.
 *   <li>Leading comments are the text from the first to the last comment before the first token,
 *       without the blanks that end a line comment. A comment on the line after a delimiter
 *       therefore leads the next statement. Comments before a MySQL {@code DELIMITER} line are kept
 *       for the statement after it.
 *   <li>Comments with no statement after them, at the end of the script or before an empty
 *       statement, are yielded as one {@link dev.godwit.sql.StatementFlag#COMMENT_ONLY} statement.
 * </ul>
 *
 * <h2>Compound bodies</h2>
 *
 * A {@code ;} inside a body does not end the statement. The rules are heuristics over keywords at
 * parenthesis depth 0, never over literals or comments:
 *
 * <ul>
 *   <li>PostgreSQL, like psql: in {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, {@code BEGIN}
 *       opens, {@code CASE} opens inside a body, {@code END} closes. Like psql, a {@code ;} inside
 *       parentheses does not split either ({@code CREATE RULE ... DO (a; b)}); a parenthesis still
 *       open at the end of the script is an error.
 *   <li>SQLite: the same in {@code CREATE [TEMP|TEMPORARY] TRIGGER}.
 *   <li>MySQL/MariaDB without {@code DELIMITER}: in {@code CREATE|ALTER PROCEDURE|FUNCTION|TRIGGER|
 *       EVENT} and MariaDB's {@code BEGIN NOT ATOMIC}, {@code BEGIN} and {@code CASE} open; {@code
 *       IF}, {@code LOOP}, {@code WHILE} and {@code REPEAT} open only where a statement starts
 *       (after {@code ;}, a label's {@code :}, {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code
 *       DO}, {@code LOOP}, {@code REPEAT} or {@code FOR EACH ROW}), so {@code IF(...)} and {@code
 *       REPEAT(...)} functions elsewhere are no openers; {@code END [IF|CASE|LOOP|WHILE|REPEAT]}
 *       closes one. An {@code IF(...)} function right after {@code THEN}/{@code ELSE} of a CASE
 *       expression inside a body is misread as an opener: the script then fails with {@link
 *       dev.godwit.sql.SqlSplitException.Problem#UNTERMINATED_BLOCK} and the fix is to wrap the
 *       routine in {@code DELIMITER} lines, which always win.
 * </ul>
 *
 * <h2>Dialect details</h2>
 *
 * <ul>
 *   <li>Everywhere: {@code '} quotes strings with {@code ''} for a quote; {@code X''}, {@code B''},
 *       {@code N''} and {@code U&''} are one literal with their prefix; {@code --} and slash-star
 *       comments.
 *   <li>PostgreSQL: {@code "} quotes identifiers; {@code E''} strings take backslash escapes, other
 *       strings do not; {@code $$} and {@code $tag$} bodies ({@code $1} is a parameter); {@code $}
 *       inside words; nested block comments; any backslash in code is a psql meta-command and an
 *       error ({@code \.} only ends COPY data). {@code COPY ... FROM STDIN} data starts on the line
 *       after the statement (the rest of the COPY line is ignored) and ends before a line holding
 *       only {@code \.}. Unlike psql, data running to the end of the script is an error ({@link
 *       dev.godwit.sql.SqlSplitException.Problem#UNTERMINATED_COPY_DATA}, reported at the COPY
 *       statement): a forgotten terminator would otherwise load the rest of the script as rows.
 *   <li>MySQL and MariaDB: {@code '} and {@code "} quote strings, with backslash escapes; {@code `}
 *       quotes identifiers; {@code #} comments; {@code --} starts a comment only before whitespace
 *       or a control character ({@code 1--1} is arithmetic); {@code $} inside words; block comments
 *       do not nest; {@code /*!NNNNN ...}{@code *}{@code /} and {@code /*M!NNNNN ...}{@code
 *       *}{@code /} are code (both forms for the whole family); the mysql client's {@code
 *       DELIMITER} is found anywhere in code, even right after a word ({@code END$$}). {@code
 *       NO_BACKSLASH_ESCAPES} and {@code ANSI_QUOTES} are not supported.
 *   <li>H2: {@code "} and {@code `} quote identifiers; {@code $} inside words (Java identifier
 *       rules); only the bare {@code $$} body; {@code //} starts a line comment; block comments
 *       nest, as in H2's own tokenizer.
 *   <li>SQLite: {@code "}, {@code `} and {@code [...]} quote identifiers; {@code $} inside words
 *       ({@code a$b} is one name; a leading {@code $} starts a parameter); block comments do not
 *       nest, and an unterminated one is an error (SQLite itself lets it run to the end).
 * </ul>
 *
 * <h2>Placeholders</h2>
 *
 * A placeholder is the prefix, a non-empty name on one line, and the suffix. It is replaced after
 * lexing: the value goes into {@link dev.godwit.sql.Statement#sql()} verbatim and is never lexed,
 * so a value holding {@code ;} or a quote cannot split or unbalance a statement (Flyway replaces
 * before parsing), and positions always refer to the original text. Quoted identifiers count as
 * code ({@code "${schema}".t}). In dollar-quoted and {@code $$} bodies placeholders are replaced in
 * both modes and an undefined one is left as written. Leading comments, comment-only statements and
 * COPY data are never sent as SQL and are left as written, undefined names included.
 *
 * <h2>Flags</h2>
 *
 * Conservative: a statement is flagged only when its leading keywords say so for sure. {@code
 * ROLLBACK TO SAVEPOINT} counts as transaction control (it is written to manage the transaction);
 * {@code SAVEPOINT} and {@code RELEASE} do not. PostgreSQL's {@code COMMIT PREPARED} and {@code
 * ROLLBACK PREPARED} are non-transactional rather than transaction control, and so is SQLite's
 * {@code VACUUM}. {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY} is found however long
 * the statement; a name that merely reads {@code concurrently} is no reason.
 *
 * <p>A statement carries at most one of {@code NON_TRANSACTIONAL}, {@code TRANSACTION_CONTROL} and
 * {@code IMPLICIT_COMMIT}, and {@link dev.godwit.sql.Statement#reason()} names what decided it:
 * {@code CREATE INDEX CONCURRENTLY}, {@code REINDEX SCHEMA}, {@code ALTER TYPE ... ADD VALUE before
 * PostgreSQL 12}, {@code VACUUM}, {@code PRAGMA foreign_keys}, {@code START TRANSACTION}, {@code
 * LOCK TABLES}... The splitter is the one place that lists the statements that cannot run in a
 * transaction; the runner and the linter read the flag and the reason.
 *
 * <h2>Tokens</h2>
 *
 * {@link dev.godwit.sql.SqlTokenizer} reads one statement's text into {@link dev.godwit.sql.Token}s
 * by the same lexical rules and scanning functions as the splitter: both see the same words at the
 * same offsets. Comments are dropped (MySQL executable comments are code); strings, quoted
 * identifiers and dollar bodies are single tokens with their unquoted value; words are lower-cased;
 * an unreplaced placeholder {@code ${name}} is one word.
 *
 * <h2>Memory</h2>
 *
 * The script is read in chunks; memory is bounded by the largest statement together with its
 * leading comments and COPY data, never by the script.
 */
package dev.godwit.sql;
