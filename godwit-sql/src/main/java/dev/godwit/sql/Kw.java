package dev.godwit.sql;

/**
 * The keywords the splitter reacts to. A word of the script is looked up without allocating, so
 * classifying statements costs no garbage per token.
 */
enum Kw {
  ABORT,
  ADD,
  ALL,
  ALTER,
  ANALYZE,
  ATOMIC,
  BEGIN,
  CACHE,
  CASE,
  CHECK,
  COMMIT,
  CONCURRENTLY,
  COPY,
  CREATE,
  DATABASE,
  DELETE,
  DELIMITER,
  DETACH,
  DISCARD,
  DO,
  DROP,
  ELSE,
  END,
  EVENT,
  FLUSH,
  FOREIGN_KEYS,
  FROM,
  FUNCTION,
  GRANT,
  IF,
  INDEX,
  INSERT,
  INSTALL,
  LOAD,
  LOCK,
  LOOP,
  NOT,
  OPTIMIZE,
  OR,
  PARTITION,
  PASSWORD,
  PRAGMA,
  PREPARE,
  PREPARED,
  PROCEDURE,
  REINDEX,
  RENAME,
  REPAIR,
  REPEAT,
  REPLACE,
  RETURNING,
  REVOKE,
  ROLLBACK,
  ROW,
  SCHEMA,
  SET,
  START,
  STDIN,
  SUBSCRIPTION,
  SYSTEM,
  TABLE,
  TABLES,
  TABLESPACE,
  TEMP,
  TEMPORARY,
  THEN,
  TRANSACTION,
  TRIGGER,
  TRUNCATE,
  TYPE,
  UNINSTALL,
  UNIQUE,
  UNLOCK,
  UPDATE,
  VACUUM,
  USER,
  VALUE,
  VIEW,
  WHILE,
  WITH,
  WORK,
  /** Pseudo keyword for a {@code ;} token; never looked up. */
  SEMI,
  /** Pseudo keyword for a {@code :} token (MySQL labels); never looked up. */
  COLON;

  private static final int MAX_LEN = 12;
  private static final Kw[] SLOTS = new Kw[512];
  private final char[] upper = name().toCharArray();

  static {
    for (Kw k : values()) {
      if (k == SEMI || k == COLON) {
        continue;
      }
      int h = hash(k.upper, 0, k.upper.length);
      int slot = h & (SLOTS.length - 1);
      while (SLOTS[slot] != null) {
        slot = (slot + 1) & (SLOTS.length - 1);
      }
      SLOTS[slot] = k;
    }
  }

  /** The keyword spelled by {@code b[off, off+len)} in any case, or {@code null}. */
  static Kw lookup(char[] b, int off, int len) {
    if (len < 2 || len > MAX_LEN) {
      return null;
    }
    int h = hash(b, off, len);
    if (h == -1) {
      return null;
    }
    for (int slot = h & (SLOTS.length - 1); ; slot = (slot + 1) & (SLOTS.length - 1)) {
      Kw k = SLOTS[slot];
      if (k == null) {
        return null;
      }
      if (k.matches(b, off, len)) {
        return k;
      }
    }
  }

  private boolean matches(char[] b, int off, int len) {
    if (upper.length != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      // Folding with 0x20 is exact here: both sides hold only ASCII letters and '_'.
      if ((b[off + i] | 0x20) != (upper[i] | 0x20)) {
        return false;
      }
    }
    return true;
  }

  /** Case-insensitive hash, or -1 when the word holds a char no keyword has. */
  private static int hash(char[] b, int off, int len) {
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      char c = b[i];
      if (c >= 'a' && c <= 'z') {
        h = h * 31 + c;
      } else if (c >= 'A' && c <= 'Z') {
        h = h * 31 + (c | 0x20);
      } else if (c == '_') {
        h = h * 31 + c;
      } else {
        return -1;
      }
    }
    return h & 0x7fffffff;
  }
}
