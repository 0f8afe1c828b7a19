package dev.godwit.lint.rules;

/**
 * One code token of a statement. Comments are never tokens; string literals, quoted identifiers and
 * dollar-quoted bodies are single opaque tokens, so nothing inside them can look like a keyword.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param value words: lower case; quoted identifiers: unquoted, case kept on PostgreSQL (where
 *     quoting preserves case) and lower case elsewhere; strings: the unescaped content
 * @param offset offset of the token in the statement text
 */
record Token(Kind kind, String text, String value, int offset) {

  enum Kind {
    /** A keyword or unquoted identifier. */
    WORD,
    /** A quoted identifier ({@code "x"}, {@code `x`}, {@code [x]}). */
    QUOTED,
    /** A string literal. */
    STRING,
    /** A number. */
    NUMBER,
    /** A PostgreSQL dollar-quoted body. */
    DOLLAR,
    /** Punctuation or an operator. */
    PUNCT
  }

  /** Whether this is the unquoted keyword {@code kw} (lower case). */
  boolean is(String kw) {
    return kind == Kind.WORD && value.equals(kw);
  }

  /** Whether this is the punctuation or operator {@code p}. */
  boolean isPunct(String p) {
    return kind == Kind.PUNCT && value.equals(p);
  }

  /** Whether this can name something: an unquoted word or a quoted identifier. */
  boolean isIdent() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }
}
