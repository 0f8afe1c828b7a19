package dev.godwit.sql;

import static dev.godwit.sql.Scan.NEED_MORE;
import static dev.godwit.sql.Scan.NO_MATCH;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Splits one statement's text into code tokens by the dialect's {@link LexicalRules}, with the same
 * {@link Scan} functions as the splitter, so both read literals, comments and word boundaries
 * alike.
 *
 * <ul>
 *   <li>Comments are skipped. MySQL executable comments ({@code /*!50000 ...}{@code *}{@code /})
 *       are code: their content is tokenized and only the markers are dropped.
 *   <li>Strings, quoted identifiers and dollar-quoted bodies become single tokens. A string's value
 *       is its content with doubled quotes made single and, where a backslash escapes (MySQL
 *       strings, PostgreSQL {@code E''}), the escaped character kept as is ({@code \n} gives {@code
 *       n}): enough to compare labels and settings, not a full unescape.
 *   <li>{@code X''}, {@code B''}, {@code N''}, {@code U&''} and PostgreSQL's {@code E''} are one
 *       string token, prefix included in its text.
 *   <li>An unreplaced placeholder {@code ${name}} is one word, kept as written.
 *   <li>A {@code $} followed by a digit is a parameter ({@code $1}), a number token.
 * </ul>
 *
 * <p>Lenient by design: the splitter has already checked that every construct is closed, and an
 * unclosed one here just runs to the end of the text. Thread-safe; not for whole scripts.
 */
public final class SqlTokenizer {
  private static final String[] OPERATORS = {"::", "<=", ">=", "<>", "!=", "||", ":=", "=>"};

  private final char[] b;
  private final int n;
  private final String text;
  private final LexicalRules rules;

  /** Quoting preserves case only on PostgreSQL; the others compare names without case. */
  private final boolean quotedKeepsCase;

  private final List<Token> out = new ArrayList<>();
  private boolean inExecutableComment;

  private SqlTokenizer(String text, SqlDialect dialect) {
    this.text = text;
    this.b = text.toCharArray();
    this.n = b.length;
    this.rules = dialect.lexicalRules();
    this.quotedKeepsCase = dialect.family() == SqlDialect.POSTGRES;
  }

  /**
   * The code tokens of one statement.
   *
   * @param statement the statement's text, such as {@link Statement#sql()}
   * @param dialect whose lexical rules apply
   * @return the tokens in order, unmodifiable
   */
  public static List<Token> tokenize(String statement, SqlDialect dialect) {
    SqlTokenizer t = new SqlTokenizer(statement, dialect);
    for (int p = 0; p < t.n; ) {
      p = t.next(p);
    }
    return Collections.unmodifiableList(t.out);
  }

  /** Reads what starts at {@code p}; returns the offset after it. */
  private int next(int p) {
    char c = b[p];
    if (Scan.isWhitespace(c)) {
      return Scan.whitespaceEnd(b, p + 1, n);
    }
    switch (c) {
      case '\'', '"', '`':
        if (rules.isStringQuote(c)) {
          return string(p, p + 1, c, rules.backslashEscapes());
        }
        return rules.isIdentifierQuote(c) ? quotedIdentifier(p, c) : punct(p);
      case '[':
        return rules.bracketIdentifiers() ? bracketed(p) : punct(p);
      case '-':
        return isDashComment(p) ? Scan.lineEnd(b, p, n, true) : punct(p);
      case '#':
        return rules.hashComments() ? Scan.lineEnd(b, p, n, true) : punct(p);
      case '/':
        return slash(p);
      case '*':
        if (inExecutableComment && at(p + 1, '/')) {
          inExecutableComment = false;
          return p + 2;
        }
        return punct(p);
      case '$':
        return dollar(p);
      case '.':
        return p + 1 < n && isDigit(b[p + 1]) ? number(p, Scan.number(b, p, n)) : punct(p);
      default:
        if (Scan.isIdentStart(c)) {
          return word(p);
        }
        return isDigit(c) ? number(p, Scan.number(b, p, n)) : punct(p);
    }
  }

  private boolean at(int i, char c) {
    return i < n && b[i] == c;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code --}, on MySQL only before whitespace, a control character or the end. */
  private boolean isDashComment(int p) {
    return at(p + 1, '-') && (!rules.dashCommentNeedsSpace() || p + 2 >= n || b[p + 2] <= ' ');
  }

  private int slash(int p) {
    if (at(p + 1, '/') && rules.slashSlashComments()) {
      return Scan.lineEnd(b, p, n, true);
    }
    if (!at(p + 1, '*')) {
      return punct(p);
    }
    if (rules.executableComments()) {
      int r = Scan.executableComment(b, p, n, true);
      if (r != NO_MATCH) {
        // The server runs the content: it is code, only the markers go.
        inExecutableComment = true;
        return r;
      }
    }
    return orEnd(Scan.blockComment(b, p + 2, n, rules.nestedBlockComments()));
  }

  /** A string literal starting at {@code start}; its opening quote is at {@code quote - 1}. */
  private int string(int start, int from, char quote, boolean backslash) {
    int end = orEnd(Scan.quoted(b, from, n, true, quote, backslash));
    String value = Scan.unquote(b, from, end, quote, backslash);
    return add(Token.Kind.STRING, start, end, value);
  }

  private int quotedIdentifier(int p, char quote) {
    int end = orEnd(Scan.quoted(b, p + 1, n, true, quote, false));
    return add(Token.Kind.QUOTED, p, end, name(Scan.unquote(b, p + 1, end, quote, false)));
  }

  private int bracketed(int p) {
    int r = Scan.until(b, p + 1, n, ']');
    int end = orEnd(r);
    return add(Token.Kind.QUOTED, p, end, name(text.substring(p + 1, r < 0 ? n : r - 1)));
  }

  private String name(String unquoted) {
    return quotedKeepsCase ? unquoted : unquoted.toLowerCase(Locale.ROOT);
  }

  private int dollar(int p) {
    if (at(p + 1, '{')) {
      // An unreplaced placeholder ${name}: name-like, kept as written.
      int close = text.indexOf('}', p);
      int end = close < 0 ? n : close + 1;
      return add(Token.Kind.WORD, p, end, text.substring(p, end));
    }
    int tagEnd = Scan.dollarOpen(b, p, n, true, rules.dollarQuotes());
    if (tagEnd >= 0) {
      int tagLen = tagEnd - p;
      int r = Scan.dollarEnd(b, tagEnd, n, p, tagLen);
      int end = r == NEED_MORE ? n : r;
      String body = text.substring(tagEnd, Math.max(tagEnd, r == NEED_MORE ? n : r - tagLen));
      return add(Token.Kind.DOLLAR, p, end, body);
    }
    if (p + 1 < n && isDigit(b[p + 1])) {
      return number(p, Scan.number(b, p + 1, n));
    }
    return punct(p);
  }

  private int word(int p) {
    int end = Scan.word(b, p, n, rules.dollarInIdentifiers());
    if (end == p + 1) {
      int quote = Scan.stringPrefix(b, p, n, true, rules.escapeStrings());
      if (quote >= 0) {
        boolean e = (b[p] | 0x20) == 'e';
        return string(p, quote + 1, '\'', e || rules.backslashEscapes());
      }
    }
    return add(Token.Kind.WORD, p, end, text.substring(p, end).toLowerCase(Locale.ROOT));
  }

  private int number(int p, int end) {
    return add(Token.Kind.NUMBER, p, end, text.substring(p, end));
  }

  private int punct(int p) {
    for (String op : OPERATORS) {
      if (text.startsWith(op, p)) {
        return add(Token.Kind.PUNCT, p, p + op.length(), op);
      }
    }
    return add(Token.Kind.PUNCT, p, p + 1, String.valueOf(b[p]));
  }

  private int add(Token.Kind kind, int start, int end, String value) {
    out.add(new Token(kind, text.substring(start, end), value, start));
    return end;
  }

  /** The end of a construct, or the end of the text when it is not closed. */
  private int orEnd(int r) {
    return r < 0 ? n : r;
  }
}
