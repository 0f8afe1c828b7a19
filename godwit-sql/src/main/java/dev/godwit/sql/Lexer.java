package dev.godwit.sql;

import static dev.godwit.sql.Scan.NEED_MORE;
import static dev.godwit.sql.Scan.NO_MATCH;

import dev.godwit.sql.SqlSplitException.Problem;
import java.io.Reader;

/**
 * The streaming splitter: one pass over the script, char by char in code and with the {@link Scan}
 * primitives over literals, comments and bodies.
 *
 * <p>Every scanning step that runs out of buffered input reads more and rescans its construct from
 * the start; the {@link Window} keeps the whole current segment, so the construct is still there.
 */
final class Lexer extends LazyStatements {
  private final Window w;

  /** How the database reads literals, comments and words. */
  private final LexicalRules rules;

  /** psql's conventions (PostgreSQL family): meta-commands, COPY data, ; kept inside (). */
  private final boolean psql;

  /** The mysql client's conventions (MySQL family): DELIMITER lines. */
  private final boolean mysqlClient;

  private final StatementInfo info;
  private final Placeholders placeholders;
  private final Segment seg = new Segment();

  private final Parens parens = new Parens();
  private final MysqlDelimiter delimiter = new MysqlDelimiter();
  private long executableCommentAt = -1;
  // Where that comment opened, once a delimiter inside it ended its statement: the line cursor
  // only moves forward, so it is located before the next statement moves it on.
  private SqlSplitException executableCommentOpenAcross;

  Lexer(SplitOptions options, Reader reader, String source) {
    this(options, reader, source, Window.DEFAULT_CAPACITY);
  }

  /** With a given initial window capacity; tests use tiny ones to refill inside every construct. */
  Lexer(SplitOptions options, Reader reader, String source, int capacity) {
    this.w = new Window(reader, source, capacity);
    SqlDialect dialect = options.dialect();
    this.rules = dialect.lexicalRules();
    this.psql = dialect.family() == SqlDialect.POSTGRES;
    this.mysqlClient = dialect.family() == SqlDialect.MYSQL;
    this.info = new StatementInfo(dialect, options.serverMajorVersion());
    this.placeholders = options.placeholders() == null ? null : new Placeholders(options);
  }

  /** The current window size in chars: tests check that it stays bounded. */
  int windowCapacity() {
    return w.buf.length;
  }

  /** What the lexer learns about the current statement; tests watch the words it sees. */
  StatementInfo info() {
    return info;
  }

  @Override
  void release() {
    w.close();
  }

  @Override
  Statement scan() {
    for (; ; ) {
      if (w.pos >= w.limit) {
        if (!w.eof) {
          w.refill();
          continue;
        }
        return finish();
      }
      char c = w.buf[w.pos];
      if (c <= ' ' && Scan.isWhitespace(c)) {
        w.pos = Scan.whitespaceEnd(w.buf, w.pos + 1, w.limit);
        continue;
      }
      if (delimiter.custom() && c == delimiter.first() && delimiter.at(w)) {
        Statement s = endStatement(w.pos, delimiter.length());
        if (s != null) {
          return s;
        }
        continue;
      }
      if (placeholders != null && c == placeholders.first) {
        int end = placeholders.inCode(w);
        if (end != NO_MATCH) {
          code(w.pos);
          info.other();
          w.pos = end;
          continue;
        }
      }
      switch (c) {
        case ';':
          // psql does not split inside parentheses (CREATE RULE ... DO (a; b)); others do.
          if (!delimiter.custom() && info.blockDepth() == 0 && (parens.depth() == 0 || !psql)) {
            Statement s = endStatement(w.pos, 1);
            if (s != null) {
              return s;
            }
          } else {
            punctuation(c);
          }
          break;
        case '\'', '"', '`':
          if (rules.isStringQuote(c)) {
            quoted(c, 1, rules.backslashEscapes(), true);
          } else if (rules.isIdentifierQuote(c)) {
            quoted(c, 1, false, false);
          } else {
            punctuation(c);
          }
          break;
        case '[':
          if (rules.bracketIdentifiers()) {
            quoted('[', 1, false, false);
          } else {
            punctuation(c);
          }
          break;
        case '-':
          dash();
          break;
        case '#':
          if (rules.hashComments()) {
            lineComment();
          } else {
            punctuation(c);
          }
          break;
        case '/':
          slash();
          break;
        case '*':
          if (executableCommentAt >= 0 && w.ensure(2) && w.buf[w.pos + 1] == '/') {
            executableCommentAt = -1;
            executableCommentOpenAcross = null;
            code(w.pos);
            info.other();
            w.pos += 2;
          } else {
            punctuation(c);
          }
          break;
        case '$':
          dollar();
          break;
        case '(':
          long at = w.position();
          punctuation(c);
          parens.open(at);
          break;
        case ')':
          punctuation(c);
          parens.close();
          break;
        case '\\':
          if (psql) {
            throw PsqlMeta.error(w);
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

  // ---- tokens ----

  /** Marks a code token starting at index {@code at}: the statement starts at its first one. */
  private void code(int at) {
    if (seg.firstToken < 0) {
      seg.firstToken = w.base + at;
    }
  }

  private void punctuation(char c) {
    code(w.pos);
    info.punctuation(c, parens.depth() == 0);
    w.pos++;
  }

  /**
   * A string or quoted identifier at the current position: {@code prefix} chars up to and including
   * its opening {@code quote} ({@code E'} has 2); a {@code [} is closed by {@code ]}.
   */
  private void quoted(char quote, int prefix, boolean backslash, boolean literal) {
    int r;
    int from = w.pos + prefix;
    while ((r =
                quote == '['
                    ? Scan.until(w.buf, from, w.limit, ']')
                    : Scan.quoted(w.buf, from, w.limit, w.eof, quote, backslash))
            == NEED_MORE
        && !w.eof) {
      w.refill();
      from = w.pos + prefix;
    }
    if (r < 0) {
      String detail =
          Messages.unterminatedQuote(literal, quote, literal && rules.backslashEscapes());
      throw w.error(
          literal ? Problem.UNTERMINATED_STRING : Problem.UNTERMINATED_QUOTED_IDENTIFIER,
          w.position(),
          detail);
    }
    token(w.pos, r, literal);
  }

  /**
   * A literal or quoted identifier {@code [start, end)}. Quoted identifiers are code to the
   * placeholder rules: {@code "${schema}".t} is replaced even when only code is.
   */
  private void token(int start, int end, boolean literal) {
    code(start);
    info.other();
    if (placeholders != null && !(literal && placeholders.codeOnly)) {
      placeholders.inRange(w, start + 1, end - 1, false);
    }
    w.pos = end;
  }

  private void word() {
    int end;
    while ((end = Scan.word(w.buf, w.pos, w.limit, rules.dollarInIdentifiers())) == w.limit
        && !w.eof) {
      w.refill();
    }
    if (delimiter.custom()) {
      end = cutAtDelimiter(end);
    }
    int start = w.pos;
    int len = end - start;
    if (len == 1 && end < w.limit && (w.buf[end] == '\'' || w.buf[end] == '&')) {
      int quote;
      while ((quote = Scan.stringPrefix(w.buf, w.pos, w.limit, w.eof, rules.escapeStrings()))
          == NEED_MORE) {
        w.refill();
      }
      if (quote >= 0) {
        // E'..' takes backslash escapes; X'', B'', N'' and U&'' follow the dialect's strings.
        boolean e = (w.buf[w.pos] | 0x20) == 'e';
        quoted('\'', quote - w.pos + 1, e || rules.backslashEscapes(), true);
        return;
      }
      start = w.pos; // A refill moves the buffer.
      end = start + len;
    }
    boolean depth0 = parens.depth() == 0;
    Kw k = info.wantsKeyword(depth0) ? Kw.lookup(w.buf, start, len) : null;
    if (k == Kw.DELIMITER && mysqlClient && !seg.started()) {
      long at = w.base + start;
      if (delimiterDirective(end)) {
        return;
      }
      start = (int) (at - w.base); // reading the rest of its line may have refilled the window
      end = start + len;
    }
    code(start);
    info.word(k, w.base + start, len, depth0);
    w.pos = end;
  }

  private void number() {
    int end;
    while ((end = Scan.number(w.buf, w.pos, w.limit)) == w.limit && !w.eof) {
      w.refill();
    }
    if (delimiter.custom()) {
      end = cutAtDelimiter(end);
    }
    code(w.pos);
    info.other();
    w.pos = end;
  }

  private void dash() {
    if (!w.ensure(2) || w.buf[w.pos + 1] != '-') {
      punctuation('-');
    } else if (rules.dashCommentNeedsSpace() && w.ensure(3) && w.buf[w.pos + 2] > ' ') {
      // MySQL needs whitespace or a control char after "--": "a--1" is a minus minus one.
      punctuation('-');
    } else {
      lineComment();
    }
  }

  private void slash() {
    if (!w.ensure(2)) {
      punctuation('/');
      return;
    }
    char n = w.buf[w.pos + 1];
    if (n == '/' && rules.slashSlashComments()) {
      lineComment();
    } else if (n != '*') {
      punctuation('/');
    } else if (!rules.executableComments()) {
      blockComment();
    } else {
      int r;
      while ((r = Scan.executableComment(w.buf, w.pos, w.limit, w.eof)) == NEED_MORE) {
        w.refill();
      }
      if (r == NO_MATCH) {
        blockComment();
        return;
      }
      // The server runs what is inside, so it is code: keywords count, the */ closes it.
      code(w.pos);
      info.other();
      executableCommentAt = w.position();
      w.pos = r;
    }
  }

  private void blockComment() {
    int r;
    boolean nested = rules.nestedBlockComments();
    while ((r = Scan.blockComment(w.buf, w.pos + 2, w.limit, nested)) == NEED_MORE && !w.eof) {
      w.refill();
    }
    if (r < 0) {
      throw w.error(
          Problem.UNTERMINATED_COMMENT, w.position(), Messages.unterminatedBlockComment(nested));
    }
    comment(w.pos, r);
    w.pos = r;
  }

  private void lineComment() {
    int e;
    while ((e = Scan.lineEnd(w.buf, w.pos, w.limit, w.eof)) == NEED_MORE) {
      w.refill();
    }
    int end = e;
    // Trailing blanks (and the CR of CRLF) are invisible; leading comments are kept without them.
    while (end > w.pos && Scan.isWhitespace(w.buf[end - 1])) {
      end--;
    }
    comment(w.pos, end);
    w.pos = e;
  }

  private void comment(int start, int end) {
    if (!seg.started()) {
      seg.leadingComment(w.base + start, w.base + end);
    } else if (placeholders != null && !placeholders.codeOnly) {
      placeholders.inRange(w, start, end, false);
    }
  }

  private void dollar() {
    int tagEnd;
    while ((tagEnd = Scan.dollarOpen(w.buf, w.pos, w.limit, w.eof, rules.dollarQuotes()))
        == NEED_MORE) {
      w.refill();
    }
    if (tagEnd == NO_MATCH) {
      punctuation('$');
      return;
    }
    int tagLen = tagEnd - w.pos;
    int r;
    while ((r = Scan.dollarEnd(w.buf, w.pos + tagLen, w.limit, w.pos, tagLen)) == NEED_MORE
        && !w.eof) {
      w.refill();
    }
    if (r < 0) {
      String tag = new String(w.buf, w.pos, tagLen);
      throw w.error(
          Problem.UNTERMINATED_DOLLAR_QUOTE, w.position(), Messages.unterminatedDollarQuote(tag));
    }
    code(w.pos);
    info.other();
    if (placeholders != null) {
      // A body is code to the user (a function), but an undefined name there may be the
      // function's own text, such as a shell-style ${...} in a string: leave it as written.
      placeholders.inRange(w, w.pos + tagLen, r - tagLen, true);
    }
    w.pos = r;
  }

  // ---- MySQL delimiters ----

  /** The end of the token from {@code w.pos} to {@code end}, cut at the delimiter inside it. */
  private int cutAtDelimiter(int end) {
    int len = end - w.pos;
    // A delimiter that starts inside the token may run past its end: have all of it in the window
    // (a refill moves the token).
    w.ensure(len + delimiter.length() - 1);
    return delimiter.cut(w, w.pos, w.pos + len);
  }

  /** A line {@code DELIMITER xx}: changes the delimiter and is no statement itself. */
  private boolean delimiterDirective(int wordEnd) {
    int lineEnd = delimiter.directive(w, wordEnd);
    if (lineEnd < 0) {
      return false;
    }
    seg.carryComments(w);
    w.pos = lineEnd;
    resetSegment();
    return true;
  }

  // ---- statements ----

  /** The delimiter at index {@code at} ends the segment; returns its statement, if any. */
  private Statement endStatement(int at, int delimiterLength) {
    long end = w.base + at;
    w.pos = at + delimiterLength;
    Statement s;
    if (!seg.started()) {
      s = seg.commentOnly(w);
    } else if (psql && info.copyFromStdin()) {
      s = build(end, CopyData.read(w, seg.firstToken));
    } else {
      s = build(end, null);
    }
    if (executableCommentAt >= 0 && executableCommentOpenAcross == null) {
      executableCommentOpenAcross =
          w.error(
              Problem.UNTERMINATED_COMMENT,
              executableCommentAt,
              Messages.UNTERMINATED_EXECUTABLE_COMMENT);
    }
    resetSegment();
    return s;
  }

  private Statement finish() {
    if (executableCommentOpenAcross != null) {
      throw executableCommentOpenAcross;
    } else if (executableCommentAt >= 0) {
      throw w.error(
          Problem.UNTERMINATED_COMMENT,
          executableCommentAt,
          Messages.UNTERMINATED_EXECUTABLE_COMMENT);
    }
    if (info.blockDepth() > 0) {
      throw w.error(
          Problem.UNTERMINATED_BLOCK,
          info.blockOpenedAt(),
          Messages.unterminatedBlock(mysqlClient));
    }
    if (psql && parens.depth() > 0) {
      throw w.error(Problem.UNTERMINATED_BLOCK, parens.innermost(), Messages.UNCLOSED_PARENTHESIS);
    }
    Statement s;
    if (!seg.started()) {
      s = seg.commentOnly(w);
    } else if (psql && info.copyFromStdin()) {
      throw w.error(Problem.UNTERMINATED_COPY_DATA, seg.firstToken, Messages.COPY_WITHOUT_DATA);
    } else {
      s = build(w.base + w.limit, null);
    }
    resetSegment();
    return s;
  }

  private Statement build(long end, String copyData) {
    char[] b = w.buf;
    int s = (int) (seg.firstToken - w.base);
    int e = (int) (end - w.base);
    while (e > s && Scan.isWhitespace(b[e - 1])) {
      e--;
    }
    String sql =
        placeholders == null || placeholders.isEmpty()
            ? new String(b, s, e - s)
            : placeholders.substitute(b, w.base, s, e);
    return seg.statement(w, sql, info.flags(), info.reason(), copyData);
  }

  private void resetSegment() {
    w.startSegment();
    seg.reset();
    parens.reset();
    info.reset();
    if (placeholders != null) {
      placeholders.clear();
    }
  }
}
