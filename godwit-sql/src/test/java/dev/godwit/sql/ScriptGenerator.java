package dev.godwit.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random scripts from the lexical constructs of a dialect and remembers what each statement
 * must split back into: its text, position, leading comments and COPY data.
 */
final class ScriptGenerator {
  /** One statement the script holds, as the splitter must return it. */
  record Expected(String sql, int line, int column, String leadingComments, String copyData) {}

  private static final String NASTY = "ab ;;'\"\\$-/*#`[]()\n\t.éZ";
  private static final String[] FIRST = {"SELECT", "INSERT", "UPDATE", "DELETE", "VALUES", "CALL"};
  private static final String[] SAFE_WORDS = {"FROM", "WHERE", "AND", "OR", "NULL", "AS", "ON"};

  private final SqlDialect family;
  private final Random random;
  private final StringBuilder script = new StringBuilder();
  private final List<Expected> expected = new ArrayList<>();
  private String delimiter = ";";

  ScriptGenerator(SqlDialect dialect, Random random) {
    // MariaDB's scripts are MySQL's: the family's constructs are generated.
    this.family = dialect.family();
    this.random = random;
  }

  String script() {
    return script.toString();
  }

  List<Expected> expected() {
    return expected;
  }

  /** Generates a script of up to {@code maxStatements} statements. */
  ScriptGenerator generate(int maxStatements) {
    int n = random.nextInt(maxStatements + 1);
    for (int i = 0; i < n; i++) {
      if (family == SqlDialect.MYSQL && random.nextInt(8) == 0) {
        switchDelimiter();
      }
      String leading = separator();
      boolean last = i == n - 1;
      boolean copy = family == SqlDialect.POSTGRES && random.nextInt(12) == 0;
      String sql = copy ? "COPY x_t (x_a) FROM stdin" : statement();
      int at = script.length();
      script.append(sql);
      String copyData = null;
      if (copy) {
        copyData = copyRows();
        script.append(';').append(random.nextBoolean() ? "\n" : "  \n").append(copyData);
        script.append("\\.\n");
      } else if (!last || random.nextBoolean()) {
        script.append(maybeSpace()).append(delimiter);
      } else {
        // The last statement may go without delimiter: then only whitespace may follow.
        expected.add(expect(sql, at, leading, null));
        script.append(whitespace());
        return this;
      }
      expected.add(expect(sql, at, leading, copyData));
    }
    script.append(whitespace());
    if (random.nextInt(3) == 0) {
      String comments = comments();
      int at = script.length();
      script.append(comments).append(whitespace());
      expected.add(expect(comments, at, "", null));
    }
    return this;
  }

  private Expected expect(String sql, int at, String leading, String copyData) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (script.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Expected(sql, line, at - lineStart + 1, leading, copyData);
  }

  private void switchDelimiter() {
    String[] choices = {"$$", "//", ";;", ";"};
    String next = choices[random.nextInt(choices.length)];
    if (script.length() > 0 && script.charAt(script.length() - 1) != '\n') {
      script.append('\n');
    }
    script.append(random.nextBoolean() ? "DELIMITER " : "delimiter ").append(next).append('\n');
    delimiter = next;
  }

  // ---- between statements ----

  /** Whitespace and comments; returns the comments as the next statement's leading comments. */
  private String separator() {
    script.append(whitespace());
    if (random.nextInt(3) != 0) {
      return "";
    }
    String comments = comments();
    script.append(comments).append(endsWithLineComment ? "\n" : "").append(whitespace());
    return comments;
  }

  private boolean endsWithLineComment;

  /** One to three comments with whitespace between them; line comments end at a newline. */
  private String comments() {
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String c = comment();
      out.append(c);
      endsWithLineComment = isLineComment(c);
      if (i < n - 1) {
        out.append(endsWithLineComment ? "\n" : "").append(whitespace());
      }
    }
    return out.toString();
  }

  private static boolean isLineComment(String c) {
    return !c.startsWith("/*");
  }

  private String comment() {
    String text = text("ab ;'\"$`#-[]é", 12).replace("\n", " ");
    boolean nested = family == SqlDialect.POSTGRES || family == SqlDialect.H2;
    return switch (random.nextInt(nested ? 3 : 2)) {
      case 0 -> (lineCommentStart() + text).stripTrailing();
      case 1 -> "/* " + text.replace("*", "") + " */";
      default -> "/* a /* " + text + " */ b; */";
    };
  }

  private String lineCommentStart() {
    return switch (family) {
      case MYSQL -> random.nextBoolean() ? "# " : "-- ";
      case H2 -> random.nextBoolean() ? "// " : "-- ";
      default -> random.nextBoolean() ? "--" : "-- ";
    };
  }

  private String whitespace() {
    String[] ws = {"", " ", "\n", "\n\n", "\t", " \n  ", "\r\n"};
    return ws[random.nextInt(ws.length)];
  }

  private String maybeSpace() {
    return random.nextInt(3) == 0 ? " " : "";
  }

  // ---- statements ----

  private String statement() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return compound();
    }
    if (kind == 1 && !delimiter.equals(";") && family == SqlDialect.MYSQL) {
      return simple() + "; " + simple();
    }
    return simple();
  }

  private String simple() {
    StringBuilder out = new StringBuilder(FIRST[random.nextInt(FIRST.length)]);
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      out.append(separatorInside()).append(piece(2));
    }
    return out.toString();
  }

  private String separatorInside() {
    return switch (random.nextInt(8)) {
      case 0 -> "\n  ";
      case 1 -> " " + innerComment() + " ";
      default -> " ";
    };
  }

  private String innerComment() {
    String c = comment();
    return isLineComment(c) ? c + "\n" : c;
  }

  private String piece(int depth) {
    int k = random.nextInt(depth > 0 ? 12 : 10);
    return switch (k) {
      case 0, 1 -> word();
      case 2 -> Integer.toString(random.nextInt(1000));
      case 3, 4 -> string();
      case 5 -> quotedIdentifier();
      case 6 -> new String[] {",", "=", "+", "<", ".", "*"}[random.nextInt(6)];
      case 7 -> special();
      case 8 -> SAFE_WORDS[random.nextInt(SAFE_WORDS.length)];
      case 9 -> "x_f" + random.nextInt(9) + "()";
      default -> "(" + piece(depth - 1) + " " + piece(depth - 1) + ")";
    };
  }

  private String word() {
    StringBuilder w = new StringBuilder("x_");
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      String alphabet = "abcdeiouxyz0123456789_ÄÜ";
      w.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    if (family != SqlDialect.H2 && random.nextInt(10) == 0) {
      w.append("$x");
    }
    return w.toString();
  }

  private String text(String alphabet, int max) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String string() {
    String t = text(NASTY, 14);
    switch (family) {
      case POSTGRES -> {
        int k = random.nextInt(4);
        if (k == 0) {
          return "E'"
              + t.replace("\\", "\\\\").replace("'", random.nextBoolean() ? "\\'" : "''")
              + "'";
        }
        if (k == 1) {
          String tag = random.nextBoolean() ? "$$" : "$x_t" + random.nextInt(3) + "$";
          return tag + t.replace("$", "") + tag;
        }
        return (k == 2 ? "U&'" : "'") + t.replace("'", "''") + "'";
      }
      case MYSQL -> {
        char q = random.nextBoolean() ? '\'' : '"';
        String escaped =
            t.replace("\\", "\\\\")
                .replace(String.valueOf(q), random.nextBoolean() ? "\\" + q : "" + q + q);
        return q + escaped + q;
      }
      case H2 -> {
        return random.nextInt(4) == 0
            ? "$$" + t.replace("$", "") + "$$"
            : "'" + t.replace("'", "''") + "'";
      }
      default -> {
        return "'" + t.replace("'", "''") + "'";
      }
    }
  }

  private String quotedIdentifier() {
    String t = text("ab ;'\"`$é[", 8).replace("\n", "");
    int k = random.nextInt(3);
    if (family == SqlDialect.MYSQL || (family == SqlDialect.SQLITE && k == 0)) {
      return "`" + t.replace("`", "``") + "`";
    }
    if (family == SqlDialect.SQLITE && k == 1) {
      return "[" + t.replace("]", "").replace("[", "") + "]";
    }
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }

  /** Dialect-specific oddities that must not confuse the splitter. */
  private String special() {
    return switch (family) {
      case POSTGRES ->
          new String[] {"$1", "x_a$b", "e", "x_e'a;'", "E'\\\\'", "(x_a;x_b)"}[random.nextInt(6)];
      case MYSQL ->
          new String[] {
                "x_a--1", "/*!40101 x_a */", "/*M!100100 x_b */", "x_a - -1", "@x_v", "x_a#1\n x_b"
              }
              [random.nextInt(6)];
      case SQLITE -> new String[] {"$x_p", ":x_p", "?1", "@x_p"}[random.nextInt(4)];
      case H2 -> new String[] {"?", "x_a/2", "x_a-1"}[random.nextInt(3)];
      case MARIADB -> throw new IllegalStateException("generated as its family");
    };
  }

  private String compound() {
    return switch (family) {
      case POSTGRES ->
          random.nextBoolean()
              ? "CREATE FUNCTION x_f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  "
                  + simple()
                  + ";\n  SELECT CASE WHEN x_a THEN 1 ELSE 2 END;\n  "
                  + simple()
                  + ";\nEND"
              : "DO $body$ BEGIN " + simple().replace("$", "") + "; END $body$";
      case SQLITE ->
          "CREATE TRIGGER x_t AFTER INSERT ON x_u BEGIN "
              + simple()
              + "; UPDATE x_u SET x_a = CASE WHEN x_b THEN 1 END; "
              + simple()
              + "; END";
      case MYSQL -> "CREATE PROCEDURE x_p()\nBEGIN\n  " + mysqlBody(2) + "\nEND";
      case H2 -> "CREATE ALIAS x_f AS $$ String f() { return \"a;b\"; } $$";
      case MARIADB -> throw new IllegalStateException("generated as its family");
    };
  }

  private String mysqlBody(int depth) {
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(depth > 0 ? 8 : 3);
      switch (k) {
        case 0 -> out.append(simple()).append(';');
        case 1 -> out.append("SET x_a = IF(x_b, 1, 2);");
        case 2 -> out.append("SELECT CASE WHEN x_a THEN 1 END;");
        case 3 ->
            out.append("IF x_a > 1 THEN ")
                .append(mysqlBody(depth - 1))
                .append(" ELSE ")
                .append(mysqlBody(depth - 1))
                .append(" END IF;");
        case 4 -> out.append("WHILE x_a DO ").append(mysqlBody(depth - 1)).append(" END WHILE;");
        case 5 -> out.append("x_l: LOOP ").append(mysqlBody(depth - 1)).append(" END LOOP x_l;");
        case 6 ->
            out.append("REPEAT ").append(mysqlBody(depth - 1)).append(" UNTIL x_a END REPEAT;");
        default -> out.append("BEGIN ").append(mysqlBody(depth - 1)).append(" END;");
      }
      out.append(random.nextBoolean() ? "\n  " : " ");
    }
    return out.toString().strip();
  }

  private String copyRows() {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(text("ab;'\"\\$\t", 10).replace("\\.", "\\,")).append('\n');
    }
    return out.toString();
  }
}
