package dev.godwit.sql;

import java.util.Objects;

/**
 * One code token of a statement, as {@link SqlTokenizer} reads it. Comments are never tokens;
 * string literals, quoted identifiers and dollar-quoted bodies are single opaque tokens, so nothing
 * inside them can look like a keyword.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param value words: lower case (an unreplaced placeholder as written); quoted identifiers:
 *     unquoted, case kept on PostgreSQL (where quoting preserves case) and lower case elsewhere;
 *     strings: the content as the database reads it (see {@link SqlTokenizer}); dollar bodies: the
 *     body between the tags; numbers and punctuation: as written
 * @param offset offset of the token in the statement text
 */
public record Token(Kind kind, String text, String value, int offset) {

  /** What a token is. */
  public enum Kind {
    /** A keyword or unquoted identifier, or an unreplaced placeholder such as {@code ${name}}. */
    WORD,
    /** A quoted identifier ({@code "x"}, {@code `x`}, {@code [x]}). */
    QUOTED,
    /** A string literal, prefixed ones ({@code E''}, {@code X''}, {@code N''}...) included. */
    STRING,
    /** A number, or a positional parameter such as PostgreSQL's {@code $1}. */
    NUMBER,
    /** A dollar-quoted body ({@code $$...$$}, {@code $tag$...$tag$}). */
    DOLLAR,
    /** Punctuation or an operator. */
    PUNCT
  }

  /** Checks that nothing is null. */
  public Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
  }

  /** Whether this is the unquoted keyword {@code kw} (lower case). */
  public boolean is(String kw) {
    return kind == Kind.WORD && value.equals(kw);
  }

  /** Whether this is the punctuation or operator {@code p}. */
  public boolean isPunct(String p) {
    return kind == Kind.PUNCT && value.equals(p);
  }

  /** Whether this can name something: an unquoted word or a quoted identifier. */
  public boolean isIdent() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }

  /** Whether this is a string literal. */
  public boolean isString() {
    return kind == Kind.STRING;
  }
}
