package dev.godwit.internal;

/** Text helpers for messages. */
final class Messages {
  private static final java.util.regex.Pattern PG_POSITION =
      java.util.regex.Pattern.compile("Position: (\\d+)");
  private static final java.util.regex.Pattern MYSQL_LINE =
      java.util.regex.Pattern.compile("at line (\\d+)\\s*$");

  private Messages() {}

  /**
   * Where in the file the database says the error is: PostgreSQL reports a character position in
   * the statement, MySQL and MariaDB a line of it. Returns "line:column" in the file, or null.
   */
  static String locate(dev.godwit.sql.Statement statement, String dbMessage) {
    if (dbMessage == null) {
      return null;
    }
    String sql = statement.sql();
    java.util.regex.Matcher pg = PG_POSITION.matcher(dbMessage);
    if (pg.find()) {
      int offset = Integer.parseInt(pg.group(1)) - 1;
      if (offset < 0 || offset > sql.length()) {
        return null;
      }
      int line = statement.line();
      int column = statement.column();
      for (int i = 0; i < offset; i++) {
        if (sql.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return line + ":" + column;
    }
    java.util.regex.Matcher my = MYSQL_LINE.matcher(dbMessage);
    if (my.find()) {
      int within = Integer.parseInt(my.group(1));
      int lines = (int) sql.chars().filter(ch -> ch == '\n').count() + 1;
      if (within >= 1 && within <= lines) {
        return String.valueOf(statement.line() + within - 1);
      }
    }
    return null;
  }

  /** The first line of a statement, shortened to fit a message line. */
  static String firstLine(String sql) {
    // Only the head of the statement: stripping a 50 MB statement whole would copy it.
    int from = 0;
    while (from < sql.length() && Character.isWhitespace(sql.charAt(from))) {
      from++;
    }
    String s = sql.substring(from, Math.min(sql.length(), from + 200)).strip();
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl).stripTrailing() + " ...";
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
