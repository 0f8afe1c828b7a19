package dev.godwit.sql;

import static dev.godwit.sql.Kw.*;

import java.util.Set;

/**
 * What the lexer learns about the statement being scanned: its leading keywords (for the flags),
 * and the depth of compound bodies whose semicolons must not split it.
 *
 * <p>Only words at parenthesis depth 0 count. The lexer feeds every code token, so nothing here may
 * allocate.
 */
final class StatementInfo {
  private static final int MAX_WORDS = 12;

  private final SqlDialect dialect;
  private final int serverMajorVersion;

  /** The leading words at depth 0; {@code null} for words that are no keyword of {@link Kw}. */
  private final Kw[] words = new Kw[MAX_WORDS];

  private int wordCount;

  /** PostgreSQL's parenthesised option: REINDEX (CONCURRENTLY) INDEX i. */
  private boolean reindexConcurrently;

  private long firstWordAt;

  /** The statement may hold a compound body (CREATE FUNCTION, CREATE TRIGGER...). */
  private boolean blockStatement;

  private int blockDepth;
  private long blockOpenedAt;

  /** The previous token at depth 0 when it is a keyword, {@code ;} or {@code :}; else null. */
  private Kw previous;

  /** MySQL: the previous word was a closing END, so IF/LOOP/... now closes rather than opens. */
  private boolean afterEnd;

  private boolean returning;
  private boolean fromStdin;

  StatementInfo(SqlDialect dialect, int serverMajorVersion) {
    this.dialect = dialect;
    this.serverMajorVersion = serverMajorVersion;
  }

  void reset() {
    // words[] is read only below wordCount: no need to clear it.
    wordCount = 0;
    reindexConcurrently = false;
    blockStatement = false;
    blockDepth = 0;
    previous = null;
    afterEnd = false;
    returning = false;
    fromStdin = false;
  }

  /** Nesting depth of compound bodies: while positive, {@code ;} does not end the statement. */
  int blockDepth() {
    return blockDepth;
  }

  /** Absolute offset of the outermost open compound body. */
  long blockOpenedAt() {
    return blockOpenedAt;
  }

  boolean copyFromStdin() {
    return fromStdin && wordCount > 0 && words[0] == COPY;
  }

  /**
   * A word token (keyword, identifier or number).
   *
   * @param k the keyword, or null when the word is none
   * @param at absolute offset of the word
   * @param depth0 whether the word is outside any parentheses
   */
  void word(Kw k, long at, boolean depth0) {
    if (!depth0 && k == CONCURRENTLY && wordCount == 1 && words[0] == REINDEX) {
      reindexConcurrently = true;
    }
    if (!depth0) {
      previous = null;
      afterEnd = false;
      return;
    }
    if (wordCount < MAX_WORDS) {
      if (wordCount == 0) {
        firstWordAt = at;
      }
      words[wordCount++] = k;
      if (!blockStatement) {
        detectBlockStatement(k);
      }
    }
    if (k != null) {
      if (blockStatement) {
        trackBlocks(k, at);
      }
      if (k == RETURNING) {
        returning = true;
      } else if (k == STDIN && previous == FROM) {
        fromStdin = true;
      }
    } else {
      afterEnd = false;
    }
    previous = k;
  }

  /** A punctuation token at the given depth ({@code ;} inside a body, {@code :} of a label...). */
  void punctuation(char c, boolean depth0) {
    afterEnd = false;
    Kw p = null;
    if (depth0) {
      if (c == ';') {
        p = SEMI;
      } else if (c == ':') {
        p = COLON;
      }
    }
    previous = p;
  }

  /** Any other code token: a literal, a quoted identifier, a placeholder. */
  void other() {
    afterEnd = false;
    previous = null;
  }

  private Kw w(int i) {
    return i < wordCount ? words[i] : null;
  }

  private void detectBlockStatement(Kw k) {
    int n = wordCount;
    switch (dialect) {
      case POSTGRES -> {
        // psql's own heuristic: CREATE [OR REPLACE] {FUNCTION|PROCEDURE}.
        if (w(0) == CREATE
            && ((n == 2 && (k == FUNCTION || k == PROCEDURE))
                || (n == 4
                    && w(1) == OR
                    && w(2) == REPLACE
                    && (k == FUNCTION || k == PROCEDURE)))) {
          blockStatement = true;
        }
      }
      case SQLITE -> {
        if (w(0) == CREATE
            && k == TRIGGER
            && (n == 2 || (n == 3 && (w(1) == TEMP || w(1) == TEMPORARY)))) {
          blockStatement = true;
        }
      }
      case MYSQL -> {
        if (n == 3 && w(0) == BEGIN && w(1) == NOT && k == ATOMIC) {
          // MariaDB's anonymous compound statement; the BEGIN is the opener.
          blockStatement = true;
          blockDepth = 1;
          blockOpenedAt = firstWordAt;
        } else if (n > 1
            && (w(0) == CREATE || w(0) == ALTER)
            && (k == PROCEDURE || k == FUNCTION || k == TRIGGER || k == EVENT)
            && onlyRoutinePreamble(n - 1)) {
          blockStatement = true;
        }
      }
      case H2 -> {
        // H2 has no compound statements outside $$ bodies.
      }
    }
  }

  /** Words 1 until {@code end} can sit between CREATE and PROCEDURE: OR REPLACE, DEFINER... */
  private boolean onlyRoutinePreamble(int end) {
    for (int i = 1; i < end; i++) {
      Kw k = words[i];
      if (k != null && k != OR && k != REPLACE) {
        return false;
      }
    }
    return true;
  }

  private void trackBlocks(Kw k, long at) {
    if (dialect != SqlDialect.MYSQL) {
      // psql's rule (also right for SQLite triggers): BEGIN opens, CASE opens inside a body.
      if (k == BEGIN || (k == CASE && blockDepth > 0)) {
        open(at);
      } else if (k == END && blockDepth > 0) {
        blockDepth--;
      }
      return;
    }
    if (afterEnd) {
      afterEnd = false;
      if (k == IF || k == CASE || k == LOOP || k == WHILE || k == REPEAT) {
        return; // END IF, END CASE...: closed by the END already.
      }
    }
    switch (k) {
      case BEGIN, CASE -> open(at);
      case END -> {
        if (blockDepth > 0) {
          blockDepth--;
          afterEnd = true;
        }
      }
      case IF, LOOP, WHILE, REPEAT -> {
        // Only as a statement inside a body; IF(...) and REPEAT(...) are also functions.
        if (startsStatement(previous)) {
          open(at);
        }
      }
      default -> {}
    }
  }

  private static boolean startsStatement(Kw prev) {
    return prev == SEMI
        || prev == COLON
        || prev == BEGIN
        || prev == THEN
        || prev == ELSE
        || prev == DO
        || prev == LOOP
        || prev == REPEAT
        || prev == ROW;
  }

  private void open(long at) {
    if (blockDepth++ == 0) {
      blockOpenedAt = at;
    }
  }

  /** The flags of the statement scanned so far. */
  Set<StatementFlag> flags() {
    Kw w0 = w(0);
    Kw w1 = w(1);
    if (w0 == null) {
      return Flags.of(0);
    }
    int flags = 0;
    if (isTransactionControl(w0, w1)) {
      flags |= Flags.bit(StatementFlag.TRANSACTION_CONTROL);
    }
    if (isNonTransactional(w0, w1)) {
      flags |= Flags.bit(StatementFlag.NON_TRANSACTIONAL);
    }
    if (dialect == SqlDialect.MYSQL && isImplicitCommit(w0, w1)) {
      flags |= Flags.bit(StatementFlag.IMPLICIT_COMMIT);
    }
    if (isDml(w0) && !returning) {
      flags |= Flags.bit(StatementFlag.PLAIN_DML);
    }
    if (dialect == SqlDialect.POSTGRES && copyFromStdin()) {
      flags |= Flags.bit(StatementFlag.COPY_FROM_STDIN);
    }
    return Flags.of(flags);
  }

  private boolean isDml(Kw w0) {
    return w0 == INSERT
        || w0 == UPDATE
        || w0 == DELETE
        || (w0 == REPLACE && dialect == SqlDialect.MYSQL);
  }

  /**
   * Whether a word at the given depth can change anything here, so that the lexer can skip looking
   * it up: words in parentheses never do, and past the leading words only those of compound bodies,
   * RETURNING of DML and FROM STDIN of COPY do.
   */
  boolean wantsKeyword(boolean depth0) {
    if (!depth0) {
      // Only REINDEX's option list, right after the keyword, can decide a flag.
      return wordCount == 1 && words[0] == REINDEX;
    }
    if (wordCount < MAX_WORDS || blockStatement) {
      return true;
    }
    Kw w0 = words[0];
    return isDml(w0) || w0 == COPY;
  }

  private boolean isTransactionControl(Kw w0, Kw w1) {
    return switch (w0) {
      case BEGIN -> w1 != ATOMIC && !(blockStatement && dialect == SqlDialect.MYSQL);
      case START -> w1 == TRANSACTION;
      case COMMIT, ROLLBACK -> w1 != PREPARED;
      case END, ABORT ->
          dialect == SqlDialect.POSTGRES || (w0 == END && dialect == SqlDialect.SQLITE);
      case PREPARE -> w1 == TRANSACTION && dialect == SqlDialect.POSTGRES;
      default -> false;
    };
  }

  private boolean isNonTransactional(Kw w0, Kw w1) {
    if (dialect == SqlDialect.SQLITE) {
      return w0 == VACUUM || (w0 == PRAGMA && (w1 == FOREIGN_KEYS || w(2) == FOREIGN_KEYS));
    }
    if (dialect != SqlDialect.POSTGRES) {
      return false;
    }
    Kw w2 = w(2);
    return switch (w0) {
      case CREATE ->
          w1 == DATABASE
              || w1 == TABLESPACE
              || w1 == SUBSCRIPTION
              || (w1 == INDEX && w2 == CONCURRENTLY)
              || (w1 == UNIQUE && w2 == INDEX && w(3) == CONCURRENTLY);
      case DROP ->
          w1 == DATABASE
              || w1 == TABLESPACE
              || w1 == SUBSCRIPTION
              || (w1 == INDEX && w2 == CONCURRENTLY);
      case ALTER ->
          w1 == SYSTEM
              // ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY ends with it; a column
              // merely named "concurrently" does not.
              || (w1 == TABLE && wordCount < MAX_WORDS && words[wordCount - 1] == CONCURRENTLY)
              || (w1 == TYPE
                  && serverMajorVersion > 0
                  && serverMajorVersion < 12
                  && hasSequence(ADD, VALUE));
      case REINDEX ->
          w1 == SCHEMA
              || w1 == DATABASE
              || w1 == SYSTEM
              || has(CONCURRENTLY)
              || reindexConcurrently;
      case VACUUM -> true;
      case DISCARD -> w1 == ALL;
      case COMMIT, ROLLBACK -> w1 == PREPARED;
      default -> false;
    };
  }

  private boolean isImplicitCommit(Kw w0, Kw w1) {
    return switch (w0) {
      case CREATE -> !(w1 == TEMPORARY || (w1 == OR && w(2) == REPLACE && w(3) == TEMPORARY));
      case DROP -> w1 != TEMPORARY;
      case ALTER, RENAME, TRUNCATE, GRANT, REVOKE, FLUSH, INSTALL, UNINSTALL -> true;
      case LOCK, UNLOCK -> w1 == TABLES || w1 == TABLE;
      case ANALYZE, OPTIMIZE, REPAIR, CHECK -> w1 == TABLE || w(2) == TABLE;
      case CACHE, LOAD -> w1 == INDEX;
      case SET -> w1 == PASSWORD;
      default -> false;
    };
  }

  private boolean has(Kw k) {
    for (int i = 0; i < wordCount; i++) {
      if (words[i] == k) {
        return true;
      }
    }
    return false;
  }

  private boolean hasSequence(Kw a, Kw b) {
    for (int i = 0; i + 1 < wordCount; i++) {
      if (words[i] == a && words[i + 1] == b) {
        return true;
      }
    }
    return false;
  }
}
