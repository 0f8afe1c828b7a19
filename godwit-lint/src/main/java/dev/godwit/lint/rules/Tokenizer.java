package dev.godwit.lint.rules;

import dev.godwit.lint.LintDialect;
import dev.godwit.lint.rules.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits one statement's text into code tokens, skipping comments. Strings, quoted identifiers and
 * PostgreSQL dollar-quoted bodies become single tokens. MySQL executable comments ({@code /*!50000
 * ... *}{@code /}) are code: their content is tokenized and only the markers are dropped.
 *
 * <p>Lenient by design: the splitter has already checked that every construct is closed, and an
 * unclosed one here just runs to the end of the text.
 */
final class Tokenizer {
  private final String s;
  private final int n;
  private final boolean pg;
  private final boolean mysql;
  private final boolean sqlite;
  private final List<Token> out = new ArrayList<>();
  private int executableDepth;

  private Tokenizer(String text, LintDialect dialect) {
    this.s = text;
    this.n = text.length();
    this.pg = dialect == LintDialect.POSTGRES;
    this.mysql = dialect.isMySqlFamily();
    this.sqlite = dialect == LintDialect.SQLITE;
  }

  static List<Token> tokenize(String text, LintDialect dialect) {
    Tokenizer t = new Tokenizer(text, dialect);
    t.run();
    return t.out;
  }

  private void run() {
    int p = 0;
    while (p < n) {
      char c = s.charAt(p);
      if (Character.isWhitespace(c)) {
        p++;
      } else if (c == '-' && at(p + 1, '-') && (!mysql || p + 2 >= n || s.charAt(p + 2) <= ' ')) {
        p = lineEnd(p);
      } else if (c == '#' && mysql) {
        p = lineEnd(p);
      } else if (c == '/' && at(p + 1, '*')) {
        p = slashStar(p);
      } else if (c == '*' && at(p + 1, '/') && executableDepth > 0) {
        executableDepth--;
        p += 2;
      } else if (c == '\'') {
        p = string(p, p + 1, mysql);
      } else if (c == '"') {
        p = mysql ? string(p, p + 1, true) : quoted(p, '"');
      } else if (c == '`' && (mysql || sqlite)) {
        p = quoted(p, '`');
      } else if (c == '[' && sqlite) {
        p = bracket(p);
      } else if (c == '$') {
        p = dollar(p);
      } else if (isIdentStart(c)) {
        p = word(p);
      } else if (c >= '0' && c <= '9' || (c == '.' && p + 1 < n && isDigit(s.charAt(p + 1)))) {
        p = number(p);
      } else {
        p = punct(p);
      }
    }
  }

  private boolean at(int i, char c) {
    return i < n && s.charAt(i) == c;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(char c) {
    return c >= 128 || Character.isLetter(c) || c == '_';
  }

  private boolean isIdentPart(char c) {
    return c >= 128 || Character.isLetterOrDigit(c) || c == '_' || (c == '$' && (pg || mysql));
  }

  private int lineEnd(int p) {
    int e = s.indexOf('\n', p);
    return e < 0 ? n : e + 1;
  }

  private int slashStar(int p) {
    if (mysql && (at(p + 2, '!') || (at(p + 2, 'M') && at(p + 3, '!')))) {
      // An executable comment: the server runs its content, so it is code.
      int q = p + (at(p + 2, '!') ? 3 : 4);
      while (q < n && isDigit(s.charAt(q))) {
        q++;
      }
      executableDepth++;
      return q;
    }
    int depth = 1;
    int q = p + 2;
    while (q < n && depth > 0) {
      if (s.charAt(q) == '*' && at(q + 1, '/')) {
        depth--;
        q += 2;
      } else if (pg && s.charAt(q) == '/' && at(q + 1, '*')) {
        depth++;
        q += 2;
      } else {
        q++;
      }
    }
    return q;
  }

  /** A string literal opened at {@code start}; its content begins at {@code from}. */
  private int string(int start, int from, boolean backslash) {
    StringBuilder v = new StringBuilder();
    int q = from;
    while (q < n) {
      char c = s.charAt(q);
      char quote = s.charAt(from - 1);
      if (c == quote) {
        if (at(q + 1, quote)) {
          v.append(quote);
          q += 2;
          continue;
        }
        q++;
        break;
      }
      if (backslash && c == '\\' && q + 1 < n) {
        v.append(s.charAt(q + 1));
        q += 2;
        continue;
      }
      v.append(c);
      q++;
    }
    out.add(new Token(Kind.STRING, s.substring(start, q), v.toString(), start));
    return q;
  }

  private int quoted(int p, char quote) {
    StringBuilder v = new StringBuilder();
    int q = p + 1;
    while (q < n) {
      char c = s.charAt(q);
      if (c == quote) {
        if (at(q + 1, quote)) {
          v.append(quote);
          q += 2;
          continue;
        }
        q++;
        break;
      }
      v.append(c);
      q++;
    }
    out.add(quotedToken(s.substring(p, q), v.toString(), p));
    return q;
  }

  private int bracket(int p) {
    int e = s.indexOf(']', p + 1);
    int q = e < 0 ? n : e + 1;
    out.add(quotedToken(s.substring(p, q), s.substring(p + 1, e < 0 ? n : e), p));
    return q;
  }

  private Token quotedToken(String text, String name, int p) {
    // Quoting preserves case only on PostgreSQL; MySQL and SQLite compare names without case.
    return new Token(Kind.QUOTED, text, pg ? name : name.toLowerCase(Locale.ROOT), p);
  }

  private int dollar(int p) {
    if (at(p + 1, '{')) {
      // An unreplaced placeholder ${name}: a name-like token.
      int e = s.indexOf('}', p);
      int q = e < 0 ? n : e + 1;
      out.add(new Token(Kind.WORD, s.substring(p, q), s.substring(p, q), p));
      return q;
    }
    if (pg) {
      int q = p + 1;
      while (q < n && s.charAt(q) != '$' && isIdentPart(s.charAt(q)) && s.charAt(q) != '$') {
        q++;
      }
      boolean tag = q < n && s.charAt(q) == '$' && (q == p + 1 || !isDigit(s.charAt(p + 1)));
      if (tag) {
        String delim = s.substring(p, q + 1);
        int end = s.indexOf(delim, q + 1);
        int stop = end < 0 ? n : end + delim.length();
        String body = end < 0 ? s.substring(q + 1) : s.substring(q + 1, end);
        out.add(new Token(Kind.DOLLAR, s.substring(p, stop), body, p));
        return stop;
      }
      if (q > p + 1) {
        // $1: a parameter.
        out.add(new Token(Kind.NUMBER, s.substring(p, q), s.substring(p, q), p));
        return q;
      }
    }
    return punct(p);
  }

  private int word(int p) {
    int q = p + 1;
    while (q < n && isIdentPart(s.charAt(q))) {
      q++;
    }
    String w = s.substring(p, q);
    if (q < n && s.charAt(q) == '\'' && q - p <= 2) {
      String lw = w.toLowerCase(Locale.ROOT);
      if (pg && lw.equals("e")) {
        return string(p, q + 1, true);
      }
      if (lw.equals("x") || lw.equals("b") || lw.equals("n") || lw.equals("u")) {
        return string(p, q + 1, false);
      }
    }
    out.add(new Token(Kind.WORD, w, w.toLowerCase(Locale.ROOT), p));
    return q;
  }

  private int number(int p) {
    int q = p;
    while (q < n) {
      char c = s.charAt(q);
      if (isDigit(c) || c == '.' || c == '_' || Character.isLetter(c)) {
        q++;
      } else if ((c == '+' || c == '-') && (s.charAt(q - 1) == 'e' || s.charAt(q - 1) == 'E')) {
        q++;
      } else {
        break;
      }
    }
    out.add(new Token(Kind.NUMBER, s.substring(p, q), s.substring(p, q), p));
    return q;
  }

  private static final String[] OPERATORS = {"::", "<=", ">=", "<>", "!=", "||", ":=", "=>"};

  private int punct(int p) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, p)) {
        out.add(new Token(Kind.PUNCT, op, op, p));
        return p + op.length();
      }
    }
    String c = String.valueOf(s.charAt(p));
    out.add(new Token(Kind.PUNCT, c, c, p));
    return p + 1;
  }
}
