package dev.godwit.sql;

/**
 * Allocation-free scanning primitives over a char buffer, in the style of pgjdbc's parser: each
 * function takes the buffer, a start offset and the end of valid data, and returns the offset just
 * after the construct.
 *
 * <p>The buffer is a window over a streamed script, so a construct may continue past {@code limit}.
 * Functions then return {@link #NEED_MORE}; the caller reads more input and calls again from the
 * construct's start. When the input is exhausted ({@code eof}) and the construct is still open,
 * they also return {@link #NEED_MORE}, which the caller turns into an "unterminated" error.
 */
final class Scan {
  /** The construct continues past the end of the valid data. */
  static final int NEED_MORE = -1;

  /** The text at the offset is not the construct the caller asked about. */
  static final int NO_MATCH = -2;

  private static final boolean[] IDENT = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      IDENT[c] = true;
      IDENT[c - 32] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      IDENT[c] = true;
    }
    IDENT['_'] = true;
  }

  private Scan() {}

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /** The end of a run of whitespace. */
  static int whitespaceEnd(char[] b, int p, int limit) {
    while (p < limit && b[p] <= ' ' && isWhitespace(b[p])) {
      p++;
    }
    return p;
  }

  /** Letters, digits, underscore and every non-ASCII char (PostgreSQL's rule for identifiers). */
  static boolean isIdentPart(char c) {
    return c >= 128 || IDENT[c];
  }

  static boolean isIdentStart(char c) {
    return c >= 128 || (IDENT[c] && (c < '0' || c > '9'));
  }

  /**
   * A quoted run closed by {@code quote}, where a doubled quote stands for one quote character.
   *
   * @param p offset just after the opening quote
   * @param backslash whether a backslash escapes the next character (MySQL strings, PostgreSQL E'')
   */
  static int quoted(char[] b, int p, int limit, boolean eof, char quote, boolean backslash) {
    while (p < limit) {
      char c = b[p++];
      if (c == quote) {
        if (p < limit) {
          if (b[p] != quote) {
            return p;
          }
          p++;
        } else {
          // The next char decides whether this is a doubled quote or the closing one.
          return eof ? p : NEED_MORE;
        }
      } else if (backslash && c == '\\') {
        if (p >= limit) {
          return NEED_MORE;
        }
        p++;
      }
    }
    return NEED_MORE;
  }

  /** A run closed by {@code close} with no escape at all (SQLite's [bracket] identifiers). */
  static int until(char[] b, int p, int limit, char close) {
    while (p < limit) {
      if (b[p++] == close) {
        return p;
      }
    }
    return NEED_MORE;
  }

  /**
   * A line comment or any rest of line.
   *
   * @return the offset of the terminating newline (not consumed), or {@code limit} at end of input
   */
  static int lineEnd(char[] b, int p, int limit, boolean eof) {
    while (p < limit) {
      if (b[p] == '\n') {
        return p;
      }
      p++;
    }
    return eof ? limit : NEED_MORE;
  }

  /**
   * A block comment body.
   *
   * @param p offset just after the opening slash-star
   * @param nested whether a slash-star inside opens a nested comment (PostgreSQL)
   */
  static int blockComment(char[] b, int p, int limit, boolean nested) {
    int depth = 1;
    while (p + 1 < limit) {
      char c = b[p];
      if (c == '*' && b[p + 1] == '/') {
        p += 2;
        if (--depth == 0) {
          return p;
        }
      } else if (nested && c == '/' && b[p + 1] == '*') {
        p += 2;
        depth++;
      } else {
        p++;
      }
    }
    return NEED_MORE;
  }

  /**
   * The opening tag of a dollar-quoted string: {@code $$} or {@code $tag$} where the tag is an
   * identifier without {@code $} that does not start with a digit (so {@code $1} is a parameter).
   *
   * @param p offset of the first dollar sign
   * @return the offset just after the opening tag, {@link #NO_MATCH} or {@link #NEED_MORE}
   */
  static int dollarTag(char[] b, int p, int limit, boolean eof) {
    int q = p + 1;
    if (q >= limit) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    char c = b[q];
    if (c == '$') {
      return q + 1;
    }
    if (!isIdentStart(c)) {
      return NO_MATCH;
    }
    for (q++; q < limit; q++) {
      c = b[q];
      if (c == '$') {
        return q + 1;
      }
      if (!isIdentPart(c)) {
        return NO_MATCH;
      }
    }
    return eof ? NO_MATCH : NEED_MORE;
  }

  /**
   * The opening tag of a dollar-quoted body of the given kind: {@link #dollarTag} for {@link
   * LexicalRules.DollarQuotes#TAGGED}, only {@code $$} for {@link LexicalRules.DollarQuotes#BARE}.
   *
   * @param p offset of the first dollar sign
   * @return the offset just after the opening tag, {@link #NO_MATCH} or {@link #NEED_MORE}
   */
  static int dollarOpen(char[] b, int p, int limit, boolean eof, LexicalRules.DollarQuotes quotes) {
    return switch (quotes) {
      case TAGGED -> dollarTag(b, p, limit, eof);
      case BARE ->
          p + 1 >= limit ? (eof ? NO_MATCH : NEED_MORE) : b[p + 1] == '$' ? p + 2 : NO_MATCH;
      case NONE -> NO_MATCH;
    };
  }

  /**
   * The closing tag of a dollar-quoted string.
   *
   * @param p offset just after the opening tag
   * @param tag offset of the opening tag, dollars included
   * @param tagLen length of the opening tag, dollars included
   */
  static int dollarEnd(char[] b, int p, int limit, int tag, int tagLen) {
    char first = b[tag];
    int last = limit - tagLen;
    for (; p <= last; p++) {
      if (b[p] == first && regionEquals(b, p, b, tag, tagLen)) {
        return p + tagLen;
      }
    }
    return NEED_MORE;
  }

  /**
   * The end of a word: identifier characters, and {@code $} where the dialect allows it ({@link
   * LexicalRules#dollarInIdentifiers()}).
   *
   * @param p offset of the word's first character
   * @return the offset after the word; {@code limit} when it may go on past the data
   */
  static int word(char[] b, int p, int limit, boolean dollarInIdent) {
    while (p < limit) {
      char c = b[p];
      if (!(isIdentPart(c) || (dollarInIdent && c == '$'))) {
        return p;
      }
      p++;
    }
    return p;
  }

  /**
   * The end of a number: digits, letters and underscores (hex {@code 0x1F}, MySQL's {@code 1e5}),
   * dots ({@code 1.5}, {@code .5}) and the sign of an exponent ({@code 1e-5}, {@code 2.E+3}).
   *
   * @param p offset of the first digit, or of the dot before it
   * @return the offset after the number; {@code limit} when it may go on past the data
   */
  static int number(char[] b, int p, int limit) {
    int start = p;
    while (p < limit) {
      char c = b[p];
      if (isIdentPart(c) || c == '.') {
        p++;
      } else if ((c == '+' || c == '-') && isExponent(b, start, p - 1)) {
        p++;
      } else {
        return p;
      }
    }
    return p;
  }

  /** Whether {@code b[e]} is the e/E of an exponent: after a digit or the decimal dot. */
  private static boolean isExponent(char[] b, int start, int e) {
    if (e <= start || (b[e] | 0x20) != 'e') {
      return false;
    }
    char before = b[e - 1];
    return (before >= '0' && before <= '9') || before == '.';
  }

  /**
   * A prefixed string literal starting at a word: {@code X'..'}, {@code B'..'}, {@code N'..'} and
   * {@code U&'..'} in any case, and {@code E'..'} when the dialect has escape strings. The prefix
   * and the quote are read as one literal, so the prefix is never a word.
   *
   * @param p offset of the prefix's first letter
   * @param escapeStrings whether {@code E'..'} is a string ({@link LexicalRules#escapeStrings()})
   * @return the offset of the opening quote, {@link #NO_MATCH}, or {@link #NEED_MORE} when the text
   *     ends before it can tell
   */
  static int stringPrefix(char[] b, int p, int limit, boolean eof, boolean escapeStrings) {
    if (p + 1 >= limit) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    char c = (char) (b[p] | 0x20);
    char next = b[p + 1];
    if (next == '\'') {
      return c == 'x' || c == 'b' || c == 'n' || (c == 'e' && escapeStrings) ? p + 1 : NO_MATCH;
    }
    if (c != 'u' || next != '&') {
      return NO_MATCH;
    }
    if (p + 2 >= limit) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    return b[p + 2] == '\'' ? p + 2 : NO_MATCH;
  }

  /**
   * The opening of a MySQL executable comment: {@code /*!} or MariaDB's {@code /*M!}, then an
   * optional version number. Its content is code up to the closing star-slash.
   *
   * @param p offset of the slash
   * @return the offset after the opening and its version, {@link #NO_MATCH}, or {@link #NEED_MORE}
   *     when the text ends before it can tell
   */
  static int executableComment(char[] b, int p, int limit, boolean eof) {
    int q = p + 2;
    if (q >= limit) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    if (b[q] == 'M') {
      if (++q >= limit) {
        return eof ? NO_MATCH : NEED_MORE;
      }
    }
    if (b[q] != '!') {
      return NO_MATCH;
    }
    for (q++; q < limit; q++) {
      if (b[q] < '0' || b[q] > '9') {
        return q;
      }
    }
    return eof ? q : NEED_MORE;
  }

  /**
   * The content of a quoted run {@code [p, end)} closed by {@code quote} as the database reads it:
   * a doubled quote is one quote; with {@code backslash}, a backslash and the character after it
   * stand for that character ({@code \'} is {@code '}, {@code \n} is {@code n}). A run that is not
   * closed (its end is the end of the text) keeps everything up to it.
   *
   * @param p offset just after the opening quote
   * @param end offset just after the closing quote, or the end of the text when unclosed
   */
  static String unquote(char[] b, int p, int end, char quote, boolean backslash) {
    StringBuilder v = new StringBuilder(Math.max(0, end - p));
    while (p < end) {
      char c = b[p++];
      if (c == quote) {
        if (p < end && b[p] == quote) {
          v.append(quote);
          p++;
        }
        // Otherwise the closing quote.
      } else if (backslash && c == '\\' && p < end) {
        v.append(b[p++]);
      } else {
        v.append(c);
      }
    }
    return v.toString();
  }

  static boolean regionEquals(char[] a, int ap, char[] b, int bp, int len) {
    for (int i = 0; i < len; i++) {
      if (a[ap + i] != b[bp + i]) {
        return false;
      }
    }
    return true;
  }

  static boolean regionEquals(char[] a, int ap, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (a[ap + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
