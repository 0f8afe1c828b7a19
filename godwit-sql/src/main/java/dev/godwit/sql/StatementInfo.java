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

  /** The family whose statement rules apply: MariaDB's are MySQL's. */
  private final SqlDialect family;

  private final int serverMajorVersion;

  /** The leading words at depth 0; {@code null} for words that are no keyword of {@link Kw}. */
  private final Kw[] words = new Kw[MAX_WORDS];

  private int wordCount;

  /** The last word at depth 0, past {@link #MAX_WORDS} too; null when it is no keyword. */
  private Kw lastWord;

  /** DETACH PARTITION seen at depth 0 (of ALTER TABLE). */
  private boolean detachPartition;

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

  /** Sees every word the lexer reads; tests compare them with {@link SqlTokenizer}'s. */
  interface WordWatcher {
    /** A word at absolute offsets {@code [start, end)}. */
    void word(long start, long end);
  }

  /** Null but in tests. */
  WordWatcher watcher;

  StatementInfo(SqlDialect dialect, int serverMajorVersion) {
    this.family = dialect.family();
    this.serverMajorVersion = serverMajorVersion;
  }

  void reset() {
    // words[] is read only below wordCount: no need to clear it.
    wordCount = 0;
    lastWord = null;
    detachPartition = false;
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
   * @param length the word's length
   * @param depth0 whether the word is outside any parentheses
   */
  void word(Kw k, long at, int length, boolean depth0) {
    if (watcher != null) {
      watcher.word(at, at + length);
    }
    if (!depth0 && k == CONCURRENTLY && wordCount == 1 && words[0] == REINDEX) {
      reindexConcurrently = true;
    }
    if (!depth0) {
      previous = null;
      afterEnd = false;
      return;
    }
    lastWord = k;
    if (k == PARTITION && previous == DETACH) {
      detachPartition = true;
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
    switch (family) {
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
      default -> {
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
    if (family != SqlDialect.MYSQL) {
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
    if (transactionControl(w0, w1) != null) {
      flags |= Flags.bit(StatementFlag.TRANSACTION_CONTROL);
    }
    if (nonTransactional(w0, w1) != null) {
      flags |= Flags.bit(StatementFlag.NON_TRANSACTIONAL);
    }
    if (implicitCommit(w0, w1) != null) {
      flags |= Flags.bit(StatementFlag.IMPLICIT_COMMIT);
    }
    if (isDml(w0) && !returning) {
      flags |= Flags.bit(StatementFlag.PLAIN_DML);
    }
    if (family == SqlDialect.POSTGRES && copyFromStdin()) {
      flags |= Flags.bit(StatementFlag.COPY_FROM_STDIN);
    }
    return Flags.of(flags);
  }

  /**
   * Why the statement is {@link StatementFlag#NON_TRANSACTIONAL}, {@link
   * StatementFlag#TRANSACTION_CONTROL} or {@link StatementFlag#IMPLICIT_COMMIT} (no statement is
   * two of them): a constant, so nothing is allocated; empty when it is none of them.
   */
  String reason() {
    Kw w0 = w(0);
    Kw w1 = w(1);
    if (w0 == null) {
      return "";
    }
    String r = nonTransactional(w0, w1);
    if (r == null) {
      r = transactionControl(w0, w1);
    }
    if (r == null) {
      r = implicitCommit(w0, w1);
    }
    return r == null ? "" : r;
  }

  private boolean isDml(Kw w0) {
    return w0 == INSERT
        || w0 == UPDATE
        || w0 == DELETE
        || (w0 == REPLACE && family == SqlDialect.MYSQL);
  }

  /**
   * Whether a word at the given depth can change anything here, so that the lexer can skip looking
   * it up: words in parentheses never do, and past the leading words only those of compound bodies,
   * RETURNING of DML, FROM STDIN of COPY and the closing CONCURRENTLY of ALTER TABLE do.
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
    return isDml(w0) || w0 == COPY || (w0 == ALTER && words[1] == TABLE);
  }

  /** BEGIN, COMMIT...: the keyword that controls the transaction, or null. */
  private String transactionControl(Kw w0, Kw w1) {
    boolean is =
        switch (w0) {
          case BEGIN -> w1 != ATOMIC && !(blockStatement && family == SqlDialect.MYSQL);
          case START -> w1 == TRANSACTION;
          case COMMIT, ROLLBACK -> w1 != PREPARED;
          case END, ABORT ->
              family == SqlDialect.POSTGRES || (w0 == END && family == SqlDialect.SQLITE);
          case PREPARE -> w1 == TRANSACTION && family == SqlDialect.POSTGRES;
          default -> false;
        };
    if (!is) {
      return null;
    }
    return w0 == START ? "START TRANSACTION" : w0 == PREPARE ? "PREPARE TRANSACTION" : w0.name();
  }

  /**
   * What PostgreSQL or SQLite cannot run inside a transaction, named as the linter's messages name
   * it (mostly as PostgreSQL's "... cannot run inside a transaction block" does), or null.
   */
  private String nonTransactional(Kw w0, Kw w1) {
    if (family == SqlDialect.SQLITE) {
      if (w0 == VACUUM) {
        return "VACUUM";
      }
      // SQLite ignores the pragma inside a transaction, so it must run outside one.
      return w0 == PRAGMA && (w1 == FOREIGN_KEYS || w(2) == FOREIGN_KEYS)
          ? "PRAGMA foreign_keys"
          : null;
    }
    return family == SqlDialect.POSTGRES ? PostgresNonTransactional.reason(this, w0, w1) : null;
  }

  /** MySQL's statements that commit the open transaction first: their leading keywords, or null. */
  private String implicitCommit(Kw w0, Kw w1) {
    if (family != SqlDialect.MYSQL) {
      return null;
    }
    return switch (w0) {
      case CREATE ->
          w1 == TEMPORARY || (w1 == OR && w(2) == REPLACE && w(3) == TEMPORARY) ? null : "CREATE";
      case DROP -> w1 == TEMPORARY ? null : "DROP";
      case ALTER, RENAME, TRUNCATE, GRANT, REVOKE, FLUSH, INSTALL, UNINSTALL -> w0.name();
      case LOCK -> w1 == TABLES || w1 == TABLE ? "LOCK TABLES" : null;
      case UNLOCK -> w1 == TABLES || w1 == TABLE ? "UNLOCK TABLES" : null;
      case ANALYZE, OPTIMIZE, REPAIR, CHECK -> w1 == TABLE || w(2) == TABLE ? w0.name() : null;
      case CACHE -> w1 == INDEX ? "CACHE INDEX" : null;
      case LOAD -> w1 == INDEX ? "LOAD INDEX" : null;
      case SET -> w1 == PASSWORD ? "SET PASSWORD" : null;
      default -> null;
    };
  }

  // ---- read by PostgresNonTransactional ----

  Kw word(int i) {
    return w(i);
  }

  int serverMajorVersion() {
    return serverMajorVersion;
  }

  boolean reindexConcurrently() {
    return reindexConcurrently;
  }

  /** ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY: the option ends the statement. */
  boolean detachConcurrently() {
    return detachPartition && lastWord == CONCURRENTLY;
  }

  boolean has(Kw k) {
    for (int i = 0; i < wordCount; i++) {
      if (words[i] == k) {
        return true;
      }
    }
    return false;
  }

  boolean hasSequence(Kw a, Kw b) {
    for (int i = 0; i + 1 < wordCount; i++) {
      if (words[i] == a && words[i + 1] == b) {
        return true;
      }
    }
    return false;
  }
}
