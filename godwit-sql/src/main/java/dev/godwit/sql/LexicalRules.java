package dev.godwit.sql;

import java.util.Objects;

/**
 * How a database's own lexer reads SQL text: what opens a string, a quoted identifier or a comment,
 * and what may stand inside a word. The splitter and the token scanner read these facts instead of
 * testing for a dialect, so a dialect is added by filling in one of these (see {@link SqlDialect}).
 *
 * <p>Only the facts that can move a statement boundary or a word boundary are here: a {@code ;} or
 * a keyword inside a literal or comment must never count.
 *
 * @param stringQuotes the characters that open a string literal closed by the same character, in
 *     which a doubled quote stands for one ({@code '}, and also {@code "} on MySQL)
 * @param identifierQuotes the characters that open a quoted identifier closed by the same
 *     character, in which a doubled quote stands for one ({@code "} and/or {@code `})
 * @param bracketIdentifiers whether {@code [name]} is a quoted identifier (SQLite); it has no
 *     escape
 * @param backslashEscapes whether a backslash escapes the next character in every string literal
 *     (MySQL without {@code NO_BACKSLASH_ESCAPES})
 * @param escapeStrings whether {@code E'...'} is a string in which a backslash escapes the next
 *     character (PostgreSQL); other strings then take backslashes literally
 * @param nestedBlockComments whether a slash-star inside a block comment opens a nested one, so
 *     that each needs its own star-slash
 * @param hashComments whether {@code #} starts a comment to the end of the line
 * @param dashCommentNeedsSpace whether {@code --} starts a comment only when followed by
 *     whitespace, a control character or the end of the text ({@code a--1} is then a minus minus
 *     one), as on MySQL; elsewhere {@code --} always starts one
 * @param slashSlashComments whether {@code //} starts a comment to the end of the line (H2)
 * @param dollarQuotes which dollar-quoted bodies exist
 * @param dollarInIdentifiers whether {@code $} may stand inside an unquoted word, after its first
 *     character ({@code a$b} is one word)
 * @param executableComments whether {@code /*!} (and MariaDB's {@code /*M!}), with an optional
 *     version number, open a comment whose content the server runs: it is code
 */
public record LexicalRules(
    String stringQuotes,
    String identifierQuotes,
    boolean bracketIdentifiers,
    boolean backslashEscapes,
    boolean escapeStrings,
    boolean nestedBlockComments,
    boolean hashComments,
    boolean dashCommentNeedsSpace,
    boolean slashSlashComments,
    DollarQuotes dollarQuotes,
    boolean dollarInIdentifiers,
    boolean executableComments) {

  /** The dollar-quoted bodies a dialect knows. */
  public enum DollarQuotes {
    /** None: {@code $} is an operator character or starts a parameter. */
    NONE,
    /** Only {@code $$ ... $$} (H2). */
    BARE,
    /**
     * {@code $$ ... $$} and {@code $tag$ ... $tag$}, where the tag is an identifier without {@code
     * $} that does not start with a digit, so {@code $1} stays a parameter (PostgreSQL).
     */
    TAGGED
  }

  /**
   * Checks that the quote sets are disjoint and hold only {@code '}, {@code "} and {@code `}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public LexicalRules {
    Objects.requireNonNull(stringQuotes, "stringQuotes");
    Objects.requireNonNull(identifierQuotes, "identifierQuotes");
    Objects.requireNonNull(dollarQuotes, "dollarQuotes");
    for (char c : (stringQuotes + identifierQuotes).toCharArray()) {
      if ("'\"`".indexOf(c) < 0) {
        throw new IllegalArgumentException("not a quote character: " + c);
      }
      if (stringQuotes.indexOf(c) >= 0 && identifierQuotes.indexOf(c) >= 0) {
        throw new IllegalArgumentException(c + " cannot quote both strings and identifiers");
      }
    }
  }

  /**
   * PostgreSQL, from its lexer {@code src/backend/parser/scan.l}: {@code ident_cont} allows {@code
   * $}; {@code xc} comments nest; {@code xe} is the E'' string; {@code dolqdelim} the dollar tag.
   * Standard strings take backslashes literally ({@code standard_conforming_strings} is on by
   * default since 9.1).
   */
  static final LexicalRules POSTGRES =
      new LexicalRules(
          "'",
          "\"",
          false,
          false,
          true,
          true,
          false,
          false,
          false,
          DollarQuotes.TAGGED,
          true,
          false);

  /**
   * MySQL and MariaDB, from the reference manuals ("Schema Object Names", "Comments", "String
   * Literals"): {@code $} is allowed in unquoted names; {@code "} quotes strings unless {@code
   * ANSI_QUOTES} is set; {@code -- } needs whitespace or a control character after it; block
   * comments do not nest; {@code /*!} and MariaDB's {@code /*M!} comments are executed.
   */
  static final LexicalRules MYSQL =
      new LexicalRules(
          "'\"", "`", false, true, false, false, true, true, false, DollarQuotes.NONE, true, true);

  /**
   * SQLite, from {@code tokenize.c} and the {@code sqlite3CtypeMap} of {@code global.c}:
   * identifiers are alphanumerics, {@code _}, {@code $} and any non-ASCII character; {@code "},
   * {@code `} and {@code [...]} quote identifiers; block comments do not nest.
   */
  static final LexicalRules SQLITE =
      new LexicalRules(
          "'",
          "\"`",
          true,
          false,
          false,
          false,
          false,
          false,
          false,
          DollarQuotes.NONE,
          true,
          false);

  /**
   * H2 2.x, from {@code org.h2.command.Tokenizer}: {@code "} and {@code `} quote identifiers,
   * identifier characters are Java identifier parts (so {@code $} too), {@code //} is a line
   * comment, block comments nest, and {@code $$ ... $$} is a string.
   */
  static final LexicalRules H2 =
      new LexicalRules(
          "'",
          "\"`",
          false,
          false,
          false,
          true,
          false,
          false,
          true,
          DollarQuotes.BARE,
          true,
          false);

  /** Whether {@code c} opens a string literal. */
  public boolean isStringQuote(char c) {
    return stringQuotes.indexOf(c) >= 0;
  }

  /** Whether {@code c} opens a quoted identifier closed by the same character. */
  public boolean isIdentifierQuote(char c) {
    return identifierQuotes.indexOf(c) >= 0;
  }
}
