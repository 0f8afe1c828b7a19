package dev.godwit.sql;

import java.io.Reader;

/**
 * A script of INSERT statements produced on the fly, so that a test can stream gigabytes through
 * the splitter without a file and without holding the script. The statements cycle through a few
 * shapes with literals, comments and bodies that hide semicolons.
 */
final class GeneratedScriptReader extends Reader {
  private static final String[] POSTGRES = {
    "INSERT INTO events (id, kind, payload) VALUES (%d, 'click;', '{\"a\": \"b;c\"}');\n",
    "-- row %d\nINSERT INTO events (id, kind) VALUES (%d, E'it\\'s; fine') /* ; */;\n",
    "UPDATE counters SET n = n + 1 WHERE id = %d;\n",
    "DO $do$ BEGIN PERFORM %d; END $do$;\n",
  };
  private static final String[] MYSQL = {
    "INSERT INTO `events` (`id`, `kind`) VALUES (%d, 'it\\'s; fine');\n",
    "# row %d\nINSERT INTO events VALUES (%d, \"a;b\") -- tail;\n;\n",
  };

  private final char[][] shapes;
  private final long statements;
  private long produced;
  private char[] current = new char[0];
  private int offset;

  /**
   * @param dialect POSTGRES or MYSQL shapes
   * @param chars the approximate size of the script; it ends with a complete statement
   */
  GeneratedScriptReader(SqlDialect dialect, long chars) {
    String[] templates = dialect == SqlDialect.MYSQL ? MYSQL : POSTGRES;
    shapes = new char[templates.length][];
    long cycle = 0;
    for (int i = 0; i < templates.length; i++) {
      // A fixed-width number keeps every statement of a shape the same length.
      shapes[i] = templates[i].replace("%d", "1234567").toCharArray();
      cycle += shapes[i].length;
    }
    this.statements = Math.max(1, chars / cycle) * templates.length;
  }

  /** How many statements the whole script holds. */
  long statements() {
    return statements;
  }

  @Override
  public int read(char[] cbuf, int off, int len) {
    int n = 0;
    while (n < len) {
      if (offset == current.length) {
        if (produced == statements) {
          return n == 0 ? -1 : n;
        }
        current = shapes[(int) (produced++ % shapes.length)];
        offset = 0;
      }
      int k = Math.min(len - n, current.length - offset);
      System.arraycopy(current, offset, cbuf, off + n, k);
      offset += k;
      n += k;
    }
    return n;
  }

  @Override
  public void close() {}
}
