package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** A position in a token list, with the small matching steps the parser is made of. */
final class Cursor {
  private final List<Token> tokens;
  private int p;

  Cursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  boolean atEnd() {
    return p >= tokens.size();
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int k) {
    int i = p + k;
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** The tokens from {@code from} (a {@link #position()}) up to {@code to}. */
  List<Token> slice(int from, int to) {
    return tokens.subList(from, to);
  }

  Token next() {
    return atEnd() ? null : tokens.get(p++);
  }

  int position() {
    return p;
  }

  /** Whether the next tokens are the keywords {@code kws}, in order. */
  boolean is(String... kws) {
    for (int i = 0; i < kws.length; i++) {
      Token t = peek(i);
      if (t == null || !t.is(kws[i])) {
        return false;
      }
    }
    return true;
  }

  boolean isPunct(String s) {
    Token t = peek();
    return t != null && t.isPunct(s);
  }

  /** Consumes the keywords {@code kws} when they come next. */
  boolean accept(String... kws) {
    if (is(kws)) {
      p += kws.length;
      return true;
    }
    return false;
  }

  boolean acceptPunct(String s) {
    if (isPunct(s)) {
      p++;
      return true;
    }
    return false;
  }

  /** Consumes one keyword of {@code kws} and returns it, or null. */
  String acceptAny(String... kws) {
    Token t = peek();
    if (t != null && t.kind() == Token.Kind.WORD) {
      for (String k : kws) {
        if (t.value().equals(k)) {
          p++;
          return k;
        }
      }
    }
    return null;
  }

  /** An identifier (word or quoted), or null without consuming. */
  String ident() {
    Token t = peek();
    if (t != null && t.isIdent()) {
      p++;
      return t.value();
    }
    return null;
  }

  /**
   * A name of up to three dot-separated parts; the last is the object, the one before its schema.
   */
  Name name() {
    String first = ident();
    if (first == null) {
      return null;
    }
    List<String> parts = new ArrayList<>(List.of(first));
    while (isPunct(".") && peek(1) != null && peek(1).isIdent()) {
      p++;
      parts.add(ident());
    }
    int n = parts.size();
    return new Name(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
  }

  /** Comma-separated names. */
  List<Name> names() {
    List<Name> out = new ArrayList<>();
    do {
      acceptAny("only");
      Name n = name();
      if (n == null) {
        break;
      }
      acceptPunct("*");
      out.add(n);
    } while (acceptPunct(","));
    return out;
  }

  /** When at {@code (}: the tokens inside the matching parenthesis, consumed. Else null. */
  List<Token> parens() {
    if (!isPunct("(")) {
      return null;
    }
    int depth = 0;
    int start = p + 1;
    while (!atEnd()) {
      Token t = next();
      if (t.isPunct("(")) {
        depth++;
      } else if (t.isPunct(")")) {
        depth--;
        if (depth == 0) {
          return tokens.subList(start, p - 1);
        }
      }
    }
    return tokens.subList(start, p);
  }

  /** Consumes one token, or a whole parenthesized group. */
  void skipOne() {
    if (parens() == null) {
      p++;
    }
  }

  /** The remaining tokens, consumed. */
  List<Token> rest() {
    List<Token> r = tokens.subList(Math.min(p, tokens.size()), tokens.size());
    p = tokens.size();
    return r;
  }

  /** Splits tokens at {@code sep} outside parentheses and brackets. */
  static List<List<Token>> split(List<Token> tokens, String sep) {
    List<List<Token>> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct("(") || t.isPunct("[")) {
        depth++;
      } else if (t.isPunct(")") || t.isPunct("]")) {
        depth--;
      } else if (depth == 0 && t.isPunct(sep)) {
        out.add(tokens.subList(start, i));
        start = i + 1;
      }
    }
    out.add(tokens.subList(start, tokens.size()));
    return out;
  }

  /** Index of the first keyword {@code kw} outside parentheses at or after {@code from}, or -1. */
  static int indexOfTopLevel(List<Token> tokens, int from, String... kws) {
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct("(") || t.isPunct("[")) {
        depth++;
      } else if (t.isPunct(")") || t.isPunct("]")) {
        depth--;
      } else if (depth == 0 && i >= from) {
        for (String kw : kws) {
          if (t.is(kw)) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** Whether the keywords {@code a b} follow each other outside parentheses. */
  static boolean hasTopLevelPair(List<Token> tokens, String a, String b) {
    int depth = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isPunct("(")) {
        depth++;
      } else if (t.isPunct(")")) {
        depth--;
      } else if (depth == 0 && t.is(a) && tokens.get(i + 1).is(b)) {
        return true;
      }
    }
    return false;
  }
}
