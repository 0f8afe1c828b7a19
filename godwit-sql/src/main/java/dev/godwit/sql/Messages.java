package dev.godwit.sql;

/** The texts of {@link SqlSplitException}s: what is wrong, then how to fix it. */
final class Messages {
  static final String UNTERMINATED_EXECUTABLE_COMMENT =
      "unterminated executable comment: the /*! opened here is never closed. Add the closing */.";

  static final String UNCLOSED_PARENTHESIS =
      "unclosed parenthesis: the ( opened here is never closed, so every semicolon after it is"
          + " part of one statement. Add the missing ).";

  static final String COPY_WITHOUT_DATA =
      "COPY ... FROM STDIN at the end of the script has no data: end the statement with ; and"
          + " follow it with the rows and a line holding only \\.";

  static final String COPY_WITHOUT_TERMINATOR =
      "COPY ... FROM STDIN data is not ended by a line holding only \\. before the end of the"
          + " script. Add that line after the last row.";

  private Messages() {}

  static String unterminatedQuote(boolean literal, char quote, boolean backslash) {
    String what =
        (literal ? "unterminated string literal: the " : "unterminated quoted identifier: the ")
            + quote
            + " opened here is never closed.";
    if (quote == '[') {
      return what + " Add the closing ].";
    }
    return what
        + " Add the closing "
        + quote
        + "; write a "
        + quote
        + " inside it as "
        + quote
        + quote
        + (backslash ? " or \\" + quote : "")
        + ".";
  }

  static String unterminatedBlockComment(boolean nested) {
    return "unterminated block comment: the /* opened here is never closed. Add the closing */"
        + (nested ? " (block comments nest here: each /* needs its own */)." : ".");
  }

  static String unterminatedDollarQuote(String tag) {
    return "unterminated dollar-quoted string: "
        + tag
        + " opened here is never closed. Add the closing "
        + tag
        + " (the tags must match exactly, case included).";
  }

  static String unterminatedBlock(boolean mysql) {
    return "unterminated block: the BEGIN (or CASE, IF, LOOP...) opened here has no matching END"
        + " before the end of the script. Add the missing END and the delimiter after it"
        + (mysql
            ? "; if the body is complete, put it between DELIMITER $$ and DELIMITER ; lines and"
                + " end it with $$."
            : ".");
  }

  static String psqlMetaCommand(String command, int line) {
    return "psql meta-command "
        + command
        + " on line "
        + line
        + ": psql commands are not SQL and cannot be run through JDBC. Remove it, or replace"
        + " \\set variables with placeholders.";
  }
}
