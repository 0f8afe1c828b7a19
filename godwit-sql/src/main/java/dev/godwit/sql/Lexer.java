package dev.godwit.sql;

import static dev.godwit.sql.Scan.NEED_MORE;
import static dev.godwit.sql.Scan.NO_MATCH;

import dev.godwit.sql.SqlSplitException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.NoSuchElementException;

/**
 * The streaming splitter. It keeps a window of the script in {@link #buf}: everything from the
 * start of the current segment (the text after the previous delimiter) up to what was read so far.
 * The window only grows while one statement is larger than it, so memory is bounded by the largest
 * statement, not by the script.
 *
 * <p>Positions that must survive a refill are absolute offsets in the script ({@code long}); the
 * scanning loop works on buffer indexes ({@code int}), where index {@code i} is absolute offset
 * {@code base + i}.
 */
final class Lexer implements StatementStream {
  private static final int INITIAL_CAPACITY = 1 << 16;

  private final Reader reader;
  private final String source;
  private final boolean pg;
  private final boolean mysql;
  private final boolean sqlite;
  private final boolean h2;
  private final StatementInfo info;
  private final Placeholders placeholders;
  private final Lines lines = new Lines();

  private char[] buf = new char[INITIAL_CAPACITY];
  private long base;
  private int limit;
  private int pos;
  private boolean eof;
  private boolean bomChecked;

  private long segmentStart;
  private long firstToken = -1;
  private long commentStart = -1;
  private long commentEnd = -1;

  /** Comments that preceded a MySQL DELIMITER directive: they belong to the next statement. */
  private String carriedComments = "";

  private int carriedLine;
  private int carriedColumn;

  private int parenDepth;
  private long[] parens = new long[8];
  private String delimiter = ";";
  private boolean customDelimiter;
  private long executableCommentAt = -1;

  private Statement next;
  private boolean done;

  Lexer(SplitOptions options, Reader reader, String source) {
    this.reader = reader;
    this.source = source;
    SqlDialect dialect = options.dialect();
    this.pg = dialect == SqlDialect.POSTGRES;
    this.mysql = dialect == SqlDialect.MYSQL;
    this.sqlite = dialect == SqlDialect.SQLITE;
    this.h2 = dialect == SqlDialect.H2;
    this.info = new StatementInfo(dialect, options.serverMajorVersion());
    this.placeholders = options.placeholders() == null ? null : new Placeholders(options);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = scan();
      } catch (RuntimeException e) {
        done = true;
        throw e;
      }
      if (next == null) {
        done = true;
      }
    }
    return next != null;
  }

  @Override
  public Statement next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Statement s = next;
    next = null;
    return s;
  }

  @Override
  public void close() {
    done = true;
    next = null;
    try {
      reader.close();
    } catch (IOException ignored) {
      // Closing a reader we only read from cannot lose data.
    }
  }

  private Statement scan() {
    for (; ; ) {
      if (pos >= limit) {
        if (!eof) {
          refill();
          continue;
        }
        return finish();
      }
      char c = buf[pos];
      if (c <= ' ' && Scan.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (customDelimiter && c == delimiter.charAt(0) && atDelimiter()) {
        Statement s = endStatement(pos, delimiter.length());
        if (s != null) {
          return s;
        }
        continue;
      }
      if (placeholders != null && c == placeholders.first && codePlaceholder()) {
        continue;
      }
      switch (c) {
        case ';':
          if (!customDelimiter && info.blockDepth() == 0 && (parenDepth == 0 || !pg)) {
            Statement s = endStatement(pos, 1);
            if (s != null) {
              return s;
            }
          } else {
            punctuation(c);
          }
          break;
        case '\'':
          quoted('\'', mysql, Problem.UNTERMINATED_STRING, true);
          break;
        case '"':
          if (mysql) {
            quoted('"', true, Problem.UNTERMINATED_STRING, true);
          } else {
            quoted('"', false, Problem.UNTERMINATED_QUOTED_IDENTIFIER, false);
          }
          break;
        case '`':
          if (mysql || sqlite) {
            quoted('`', false, Problem.UNTERMINATED_QUOTED_IDENTIFIER, false);
          } else {
            punctuation(c);
          }
          break;
        case '[':
          if (sqlite) {
            bracketed();
          } else {
            punctuation(c);
          }
          break;
        case '-':
          dash();
          break;
        case '#':
          if (mysql) {
            lineComment();
          } else {
            punctuation(c);
          }
          break;
        case '/':
          slash();
          break;
        case '*':
          if (executableCommentAt >= 0 && ensure(2) && buf[pos + 1] == '/') {
            executableCommentAt = -1;
            code(pos);
            info.other();
            pos += 2;
          } else {
            punctuation(c);
          }
          break;
        case '$':
          dollar();
          break;
        case '(':
          if (parenDepth == parens.length) {
            parens = Arrays.copyOf(parens, parenDepth * 2);
          }
          parens[parenDepth] = base + pos;
          punctuation(c);
          parenDepth++;
          break;
        case ')':
          punctuation(c);
          if (parenDepth > 0) {
            parenDepth--;
          }
          break;
        case '\\':
          if (pg) {
            throw psqlMetaCommand();
          }
          punctuation(c);
          break;
        default:
          if (Scan.isIdentStart(c)) {
            word();
          } else if (c >= '0' && c <= '9') {
            number();
          } else {
            punctuation(c);
          }
      }
    }
  }

  // ---- reading ----

  /** Reads more input, first dropping what precedes the current segment. */
  private void refill() {
    if (eof) {
      return;
    }
    int keep = (int) (segmentStart - base);
    if (keep > 0) {
      lines.advance(buf, base, segmentStart);
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      base += keep;
    }
    if (limit > buf.length / 2) {
      // One segment fills the window: grow it so that rescanning its open construct stays linear.
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      while (limit < buf.length) {
        int n = reader.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
          break;
        }
        limit += n;
      }
    } catch (IOException e) {
      done = true;
      throw error(
          Problem.READ_FAILED,
          base + limit,
          "cannot read the script: " + e.getMessage() + ". Check that the file is readable.");
    }
    if (!bomChecked && limit > 0) {
      bomChecked = true;
      if (buf[0] == '\uFEFF') {
        System.arraycopy(buf, 1, buf, 0, --limit);
      }
    }
  }

  /** Makes {@code n} chars available from {@link #pos}; false when the input ends before. */
  private boolean ensure(int n) {
    while (limit - pos < n) {
      if (eof) {
        return false;
      }
      refill();
    }
    return true;
  }

  // ---- tokens ----

  /** Marks a code token starting at index {@code at}: the statement starts at its first one. */
  private void code(int at) {
    if (firstToken < 0) {
      firstToken = base + at;
    }
  }

  private void punctuation(char c) {
    code(pos);
    info.punctuation(c, parenDepth == 0);
    pos++;
  }

  /** A string or quoted identifier opened at {@link #pos}. */
  private void quoted(char quote, boolean backslash, Problem problem, boolean literal) {
    int r;
    while ((r = Scan.quoted(buf, pos + 1, limit, eof, quote, backslash)) == NEED_MORE && !eof) {
      refill();
    }
    if (r < 0) {
      throw unterminated(problem, pos, quote);
    }
    token(pos, r, literal);
  }

  private void bracketed() {
    int r;
    while ((r = Scan.until(buf, pos + 1, limit, ']')) == NEED_MORE && !eof) {
      refill();
    }
    if (r < 0) {
      throw unterminated(Problem.UNTERMINATED_QUOTED_IDENTIFIER, pos, '[');
    }
    token(pos, r, false);
  }

  /** A literal or quoted identifier {@code [start, end)}; placeholders inside per the options. */
  private void token(int start, int end, boolean literal) {
    code(start);
    info.other();
    if (placeholders != null && !(literal && placeholders.codeOnly)) {
      rangePlaceholders(start + 1, end - 1, false);
    }
    pos = end;
  }

  private void word() {
    int end;
    while ((end = Scan.word(buf, pos, limit, !h2)) == limit && !eof) {
      refill();
    }
    int start = pos;
    if (customDelimiter) {
      end = cutAtDelimiter(start, end);
    }
    int len = end - start;
    if (pg && len == 1 && (buf[start] | 0x20) == 'e' && end < limit && buf[end] == '\'') {
      pos = end;
      int r;
      while ((r = Scan.quoted(buf, pos + 1, limit, eof, '\'', true)) == NEED_MORE && !eof) {
        refill();
      }
      if (r < 0) {
        throw unterminated(Problem.UNTERMINATED_STRING, pos - 1, '\'');
      }
      token(pos - 1, r, true);
      return;
    }
    Kw k = Kw.lookup(buf, start, len);
    if (k == Kw.DELIMITER && mysql && firstToken < 0 && delimiterDirective(end)) {
      return;
    }
    code(start);
    info.word(k, base + start, parenDepth == 0);
    pos = end;
  }

  private void number() {
    int end;
    while ((end = Scan.word(buf, pos, limit, false)) == limit && !eof) {
      refill();
    }
    if (customDelimiter) {
      end = cutAtDelimiter(pos, end);
    }
    code(pos);
    info.other();
    pos = end;
  }

  private void dash() {
    if (!ensure(2) || buf[pos + 1] != '-') {
      punctuation('-');
      return;
    }
    // MySQL needs whitespace or a control char after "--": "a--1" is a minus minus one.
    if (mysql && ensure(3) && buf[pos + 2] > ' ') {
      punctuation('-');
      return;
    }
    lineComment();
  }

  private void slash() {
    if (!ensure(2)) {
      punctuation('/');
      return;
    }
    char n = buf[pos + 1];
    if (n == '/' && h2) {
      lineComment();
    } else if (n != '*') {
      punctuation('/');
    } else if (mysql && isExecutableComment()) {
      code(pos);
      info.other();
      executableCommentAt = base + pos;
      pos += buf[pos + 2] == '!' ? 3 : 4;
      while (ensure(1) && buf[pos] >= '0' && buf[pos] <= '9') {
        pos++;
      }
    } else {
      int r;
      while ((r = Scan.blockComment(buf, pos + 2, limit, pg)) == NEED_MORE && !eof) {
        refill();
      }
      if (r < 0) {
        throw error(
            Problem.UNTERMINATED_COMMENT,
            base + pos,
            "unterminated block comment: the /* opened here is never closed. Add the closing */"
                + (pg ? " (PostgreSQL block comments nest: each /* needs its own */)." : "."));
      }
      comment(pos, r);
      pos = r;
    }
  }

  /** MySQL {@code /*!NNNNN ...} or MariaDB {@code /*M!NNNNN ...}: code the server runs. */
  private boolean isExecutableComment() {
    if (!ensure(3)) {
      return false;
    }
    char c = buf[pos + 2];
    return c == '!' || (c == 'M' && ensure(4) && buf[pos + 3] == '!');
  }

  private void lineComment() {
    int e;
    while ((e = Scan.lineEnd(buf, pos, limit, eof)) == NEED_MORE) {
      refill();
    }
    int start = pos;
    int end = e;
    while (end > start && buf[end - 1] == '\r') {
      end--;
    }
    comment(start, end);
    pos = e;
  }

  private void comment(int start, int end) {
    if (firstToken < 0) {
      if (commentStart < 0) {
        commentStart = base + start;
      }
      commentEnd = base + end;
    } else if (placeholders != null && !placeholders.codeOnly) {
      rangePlaceholders(start, end, false);
    }
  }

  private void dollar() {
    int tagEnd;
    if (h2) {
      tagEnd = ensure(2) && buf[pos + 1] == '$' ? pos + 2 : NO_MATCH;
    } else if (pg) {
      while ((tagEnd = Scan.dollarTag(buf, pos, limit, eof)) == NEED_MORE) {
        refill();
      }
    } else {
      tagEnd = NO_MATCH;
    }
    if (tagEnd == NO_MATCH) {
      punctuation('$');
      return;
    }
    int tagLen = tagEnd - pos;
    int r;
    while ((r = Scan.dollarEnd(buf, pos + tagLen, limit, pos, tagLen)) == NEED_MORE && !eof) {
      refill();
    }
    if (r < 0) {
      String tag = new String(buf, pos, tagLen);
      throw error(
          Problem.UNTERMINATED_DOLLAR_QUOTE,
          base + pos,
          "unterminated dollar-quoted string: "
              + tag
              + " opened here is never closed. Add the closing "
              + tag
              + " (the tags must match exactly, case included).");
    }
    code(pos);
    info.other();
    if (placeholders != null) {
      // A body is code to the user (a function), but an undefined name there may be the
      // function's own text, such as a shell-style ${...} in a string: leave it as written.
      rangePlaceholders(pos + tagLen, r - tagLen, true);
    }
    pos = r;
  }

  // ---- MySQL delimiters ----

  private boolean atDelimiter() {
    int n = delimiter.length();
    return ensure(n) && Scan.regionEquals(buf, pos, delimiter);
  }

  private int cutAtDelimiter(int start, int end) {
    char d = delimiter.charAt(0);
    int n = delimiter.length();
    for (int i = start; i < end; i++) {
      if (buf[i] == d && i + n <= limit && Scan.regionEquals(buf, i, delimiter)) {
        return i;
      }
    }
    return end;
  }

  /**
   * A line {@code DELIMITER xx}: changes the delimiter and is no statement itself.
   *
   * @param wordEnd index just after the word DELIMITER
   * @return false when the line is no directive after all
   */
  private boolean delimiterDirective(int wordEnd) {
    long after = base + wordEnd;
    int e;
    while ((e = Scan.lineEnd(buf, (int) (after - base), limit, eof)) == NEED_MORE) {
      refill();
    }
    int i = (int) (after - base);
    if (i >= e || (buf[i] != ' ' && buf[i] != '\t')) {
      return false;
    }
    while (i < e && (buf[i] == ' ' || buf[i] == '\t')) {
      i++;
    }
    int j = i;
    while (j < e && !Scan.isWhitespace(buf[j])) {
      j++;
    }
    if (j == i) {
      return false;
    }
    delimiter = new String(buf, i, j - i);
    customDelimiter = !delimiter.equals(";");
    if (commentStart >= 0) {
      if (carriedComments.isEmpty()) {
        lines.advance(buf, base, commentStart);
        carriedLine = lines.line();
        carriedColumn = lines.column(commentStart);
      }
      carriedComments = joinComments(carriedComments, ownComments());
    }
    pos = e;
    resetSegment();
    return true;
  }

  // ---- placeholders ----

  /** A placeholder in code at {@link #pos}; false when the text there is none. */
  private boolean codePlaceholder() {
    String prefix = placeholders.prefix;
    if (!ensure(prefix.length()) || !Scan.regionEquals(buf, pos, prefix)) {
      return false;
    }
    int s;
    while ((s = placeholders.suffixAt(buf, pos + prefix.length(), limit, eof)) == NEED_MORE) {
      refill();
    }
    if (s == NO_MATCH) {
      return false;
    }
    int end = s + placeholders.suffix.length();
    record(pos, s, end, false);
    code(pos);
    info.other();
    pos = end;
    return true;
  }

  /** Placeholders inside {@code [from, to)}, a literal, a comment or a dollar-quoted body. */
  private void rangePlaceholders(int from, int to, boolean keepUndefined) {
    String prefix = placeholders.prefix;
    int pl = prefix.length();
    char first = placeholders.first;
    for (int i = from; i + pl < to; i++) {
      if (buf[i] != first || !Scan.regionEquals(buf, i, prefix)) {
        continue;
      }
      int s = placeholders.suffixAt(buf, i + pl, to, true);
      if (s < 0) {
        continue;
      }
      int end = s + placeholders.suffix.length();
      if (record(i, s, end, keepUndefined)) {
        i = end - 1;
      }
    }
  }

  private boolean record(int start, int suffixAt, int end, boolean keepUndefined) {
    int nameStart = start + placeholders.prefix.length();
    String name = new String(buf, nameStart, suffixAt - nameStart);
    String value = placeholders.resolve(name);
    if (value == null) {
      if (keepUndefined) {
        return false;
      }
      throw error(
          Problem.UNDEFINED_PLACEHOLDER,
          base + start,
          "undefined placeholder "
              + new String(buf, start, end - start)
              + ": define it in placeholders, or set placeholderReplacement=false.");
    }
    placeholders.add(base + start, base + end, value);
    return true;
  }

  // ---- statements ----

  /** The delimiter at index {@code at} ends the segment; returns its statement, if any. */
  private Statement endStatement(int at, int delimiterLength) {
    long end = base + at;
    pos = at + delimiterLength;
    Statement s;
    if (firstToken < 0) {
      s = commentOnly();
    } else if (pg && info.copyFromStdin()) {
      s = build(end, CopyData.read(this));
    } else {
      s = build(end, null);
    }
    resetSegment();
    return s;
  }

  private Statement finish() {
    if (executableCommentAt >= 0) {
      throw error(
          Problem.UNTERMINATED_COMMENT,
          executableCommentAt,
          "unterminated executable comment: the /*! opened here is never closed. Add the"
              + " closing */.");
    }
    if (info.blockDepth() > 0) {
      throw error(
          Problem.UNTERMINATED_BLOCK,
          info.blockOpenedAt(),
          "unterminated block: the BEGIN (or CASE, IF, LOOP...) opened here has no matching END"
              + " before the end of the script. Add the missing END and the delimiter after it.");
    }
    if (pg && parenDepth > 0) {
      throw error(
          Problem.UNTERMINATED_BLOCK,
          parens[parenDepth - 1],
          "unclosed parenthesis: the ( opened here is never closed, so every semicolon after it"
              + " is part of one statement. Add the missing ).");
    }
    Statement s;
    if (firstToken < 0) {
      s = commentOnly();
    } else if (pg && info.copyFromStdin()) {
      throw error(
          Problem.UNTERMINATED_COPY_DATA,
          firstToken,
          "COPY ... FROM STDIN at the end of the script has no data: end the statement with ;"
              + " and follow it with the rows and a line holding only \\.");
    } else {
      s = build(base + limit, null);
    }
    resetSegment();
    return s;
  }

  private Statement build(long end, String copyData) {
    int s = (int) (firstToken - base);
    int e = (int) (end - base);
    while (e > s && Scan.isWhitespace(buf[e - 1])) {
      e--;
    }
    String sql =
        placeholders == null || placeholders.isEmpty()
            ? new String(buf, s, e - s)
            : placeholders.substitute(buf, base, s, e);
    lines.advance(buf, base, firstToken);
    EnumSet<StatementFlag> flags = info.flags();
    String leading = joinComments(carriedComments, ownComments());
    carriedComments = "";
    return new Statement(sql, lines.line(), lines.column(firstToken), leading, flags, copyData);
  }

  private Statement commentOnly() {
    String own = ownComments();
    if (own.isEmpty() && carriedComments.isEmpty()) {
      return null;
    }
    int line = carriedLine;
    int column = carriedColumn;
    if (carriedComments.isEmpty()) {
      lines.advance(buf, base, commentStart);
      line = lines.line();
      column = lines.column(commentStart);
    }
    String text = joinComments(carriedComments, own);
    carriedComments = "";
    return new Statement(text, line, column, "", EnumSet.of(StatementFlag.COMMENT_ONLY), null);
  }

  private String ownComments() {
    if (commentStart < 0) {
      return "";
    }
    return new String(buf, (int) (commentStart - base), (int) (commentEnd - commentStart));
  }

  private static String joinComments(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
  }

  private void resetSegment() {
    segmentStart = base + pos;
    firstToken = -1;
    commentStart = -1;
    commentEnd = -1;
    parenDepth = 0;
    info.reset();
    if (placeholders != null) {
      placeholders.clear();
    }
  }

  // ---- access for CopyData ----

  char[] buf() {
    return buf;
  }

  long base() {
    return base;
  }

  int limit() {
    return limit;
  }

  boolean eof() {
    return eof;
  }

  void readMore() {
    refill();
  }

  long position() {
    return base + pos;
  }

  void moveTo(long at) {
    pos = (int) (at - base);
  }

  long firstToken() {
    return firstToken;
  }

  // ---- errors ----

  SqlSplitException error(Problem problem, long at, String detail) {
    lines.advance(buf, base, at);
    return new SqlSplitException(problem, source, lines.line(), lines.column(at), detail);
  }

  private SqlSplitException unterminated(Problem problem, int at, char quote) {
    String what =
        problem == Problem.UNTERMINATED_STRING
            ? "unterminated string literal: the " + quote + " opened here is never closed."
            : "unterminated quoted identifier: the " + quote + " opened here is never closed.";
    String hint =
        quote == '['
            ? " Add the closing ]."
            : " Add the closing "
                + quote
                + "; write a "
                + quote
                + " inside it as "
                + quote
                + quote
                + (mysql && quote != '`' ? " or \\" + quote : "")
                + ".";
    return error(problem, base + at, what + hint);
  }

  private SqlSplitException psqlMetaCommand() {
    int end = pos + 1;
    while (end < limit && end - pos < 32 && !Scan.isWhitespace(buf[end]) && buf[end] != ';') {
      end++;
    }
    String command = new String(buf, pos, end - pos);
    lines.advance(buf, base, base + pos);
    return error(
        Problem.PSQL_META_COMMAND,
        base + pos,
        "psql meta-command "
            + command
            + " on line "
            + lines.line()
            + ": psql commands are not SQL and cannot be run through JDBC. Remove it, or"
            + " replace \\set variables with placeholders.");
  }
}
