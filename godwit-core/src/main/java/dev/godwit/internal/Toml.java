package dev.godwit.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A strict TOML 1.0 parser that needs nothing beyond the JDK.
 *
 * <p>It exists so that the CLI can read its configuration without the class-loading cost of a
 * general-purpose library. Anything that TOML 1.0 does not allow is a {@link TomlException} that
 * names the source, line and column.
 */
final class Toml {
  private static final String HEX = "0123456789abcdef";

  private record Key(String name, int offset, int line, int column) {}

  private final String text;
  private final String source;
  private final TomlTable root;
  // Only arrays made by [[headers]] may be appended to, so they are told apart by identity.
  private final Map<Object, List<Object>> tableArrays = new IdentityHashMap<>();
  private static final int MAX_DEPTH = 100;
  private int depth;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Toml(String text, String source) {
    this.text = text;
    this.source = source;
    this.root = new TomlTable(source, TomlTable.EXPLICIT);
  }

  /**
   * Parses a TOML 1.0 document.
   *
   * @param text the document; a leading byte order mark is skipped
   * @param source names the document in error messages, usually its file name
   * @return the root table
   * @throws TomlException if the text is not valid TOML 1.0
   */
  public static TomlTable parse(String text, String source) throws TomlException {
    Objects.requireNonNull(text, "text");
    return new Toml(text, Objects.requireNonNull(source, "source")).document();
  }

  /**
   * Decodes a TOML document's bytes, which TOML 1.0 requires to be UTF-8.
   *
   * <p>Bytes that are not UTF-8 are a {@link TomlException} at the line and column where they start
   * (counted in the chars decoded before them), so that a file saved in Latin-1 or UTF-16 names the
   * spot like any other error instead of failing in the JDK's decoder.
   *
   * @param bytes the file's content
   * @param source names the document in error messages, usually its file name
   * @return the text, to give to {@link #parse}
   * @throws TomlException if the bytes are not UTF-8
   */
  public static String decode(byte[] bytes, String source) throws TomlException {
    Objects.requireNonNull(source, "source");
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new TomlException(
          source, 1, 1, "the file is UTF-16, TOML files are UTF-8 (save it as UTF-8)");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int line = 1;
      int column = 1;
      while (out.hasRemaining()) {
        if (out.get() == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      StringBuilder shown = new StringBuilder();
      for (int i = in.position(); i < in.position() + result.length(); i++) {
        shown
            .append(shown.isEmpty() ? "" : " ")
            .append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
      }
      throw new TomlException(
          source,
          line,
          column,
          "bytes that are not UTF-8 ("
              + shown
              + "); TOML files are UTF-8 (save the file as UTF-8)");
    }
    out.flip();
    return out.toString();
  }

  private TomlTable document() {
    if (text.startsWith("\uFEFF")) {
      pos = lineStart = 1;
    }
    TomlTable table = root;
    while (skipSpaces() < text.length()) {
      if (peek() == '[') {
        table = header();
      } else if (!atLineEnd()) {
        keyValue(table);
      }
      skipSpaces();
      if (peek() == '#') {
        comment();
      }
      if (pos < text.length() && !newline()) {
        throw error(
            pos,
            "expected the end of the line, found %s (put each setting on its own line)",
            next());
      }
    }
    root.freeze();
    return root;
  }

  private TomlTable header() {
    int start = pos;
    String close = text.startsWith("[[", pos) ? "]]" : "]";
    pos += close.length();
    List<Key> path = key();
    if (!text.startsWith(close, pos)) {
      throw error(pos, "expected '%s' to close the header, found %s", close, next());
    }
    pos += close.length();
    TomlTable parent = root;
    for (Key key : path.subList(0, path.size() - 1)) {
      Object existing = parent.get(key.name());
      List<Object> tableArray = tableArrays.get(existing);
      if (existing == null) {
        parent = put(parent, key, new TomlTable(source, TomlTable.IMPLICIT));
      } else if (existing instanceof TomlTable table && table.kind != TomlTable.INLINE) {
        parent = table;
      } else if (tableArray != null) {
        parent = (TomlTable) tableArray.get(tableArray.size() - 1);
      } else {
        String what = "cannot define [" + join(path) + "]: '" + key.name() + "'";
        throw conflict(start, what, existing, parent.line(key.name()));
      }
    }
    Key last = path.get(path.size() - 1);
    Object existing = parent.get(last.name());
    int at = parent.line(last.name());
    TomlTable table = new TomlTable(source, TomlTable.EXPLICIT);
    if (close.length() == 2) {
      List<Object> tableArray = tableArrays.get(existing);
      if (existing == null) {
        tableArray = put(parent, last, new ArrayList<>());
        tableArrays.put(tableArray, tableArray);
      } else if (tableArray == null) {
        throw conflict(start, "cannot append to [[" + join(path) + "]]: it", existing, at);
      }
      tableArray.add(table);
      return table;
    } else if (existing == null) {
      return put(parent, last, table);
    } else if (existing instanceof TomlTable implicit && implicit.kind == TomlTable.IMPLICIT) {
      implicit.kind = TomlTable.EXPLICIT;
      return implicit;
    } else if (existing instanceof TomlTable explicit && explicit.kind == TomlTable.EXPLICIT) {
      throw error(
          start, "table [%s] is already defined (first defined at line %d)", join(path), at);
    }
    throw conflict(start, "cannot define [" + join(path) + "]: it", existing, at);
  }

  private void keyValue(TomlTable table) {
    List<Key> path = key();
    if (!eat('=')) {
      String hint = atLineEnd() ? " (every setting needs a value: key = \"value\")" : "";
      throw error(pos, "expected '=' after key '%s', found %s%s", join(path), next(), hint);
    }
    skipSpaces();
    Key first = path.get(0);
    for (Key key : path.subList(0, path.size() - 1)) {
      Object existing = table.get(key.name());
      if (existing == null) {
        table = put(table, key, new TomlTable(source, TomlTable.DOTTED));
      } else if (existing instanceof TomlTable child && child.kind == TomlTable.DOTTED) {
        table = child;
      } else {
        String what = "cannot set '" + join(path) + "': '" + key.name() + "'";
        throw conflict(first.offset(), what, existing, table.line(key.name()));
      }
    }
    Key last = path.get(path.size() - 1);
    if (table.get(last.name()) != null) {
      throw error(
          first.offset(),
          "duplicate key '%s' (first defined at line %d)",
          join(path),
          table.line(last.name()));
    }
    secretValue = SECRET_KEY.matcher(last.name()).find();
    try {
      put(table, last, value());
    } finally {
      secretValue = false;
    }
  }

  private List<Key> key() {
    List<Key> path = new ArrayList<>(2);
    do {
      int start = skipSpaces();
      int column = column();
      if (peek() == '"' || peek() == '\'') {
        if (atTripleQuote()) {
          throw error(pos, "a key cannot be a multi-line string");
        }
        path.add(new Key(string(), start, line, column));
      } else {
        while (isBareKeyChar(peek())) {
          pos++;
        }
        if (pos == start) {
          throw error(
              pos,
              "expected a key, found %s (bare keys may only use A-Z a-z 0-9 _ -;"
                  + " quote others: \"my key\" = 1)",
              next());
        }
        path.add(new Key(text.substring(start, pos), start, line, column));
      }
      skipSpaces();
    } while (eat('.'));
    return path;
  }

  // A bare value under such a key is read without quoting it back in an error.
  private static final java.util.regex.Pattern SECRET_KEY =
      java.util.regex.Pattern.compile("(?i)password|passwd|pwd|secret|token");

  private boolean secretValue;

  // true, false, inf and nan are TOML's own words, not a password that lacks its quotes.
  private static boolean isSecretSafeScalar(String s) {
    return s.equals("true") || s.equals("false") || s.matches("[+-]?(inf|nan)");
  }

  private Object value() {
    boolean nested = peek() == '[' || peek() == '{';
    // Arrays and inline tables are read recursively: without a limit a deep enough text would end
    // the parse with a StackOverflowError instead of an error that says where.
    if (nested && ++depth > MAX_DEPTH) {
      throw error(
          pos,
          "arrays and inline tables nested more than %d deep (look for a [ or { too many)",
          MAX_DEPTH);
    }
    try {
      return switch (peek()) {
        case '"', '\'' -> string();
        case '[' -> array();
        case '{' -> inlineTable();
        default -> scalar();
      };
    } finally {
      depth -= nested ? 1 : 0;
    }
  }

  private List<Object> array() {
    int start = pos++;
    List<Object> list = new ArrayList<>();
    while (true) {
      skipBlankLines();
      if (eat(']')) {
        return list;
      } else if (pos >= text.length()) {
        throw error(start, "unterminated array (close it with ])");
      }
      list.add(value());
      skipBlankLines();
      if (peek() != ']' && pos < text.length() && !eat(',')) {
        throw error(pos, "expected ',' or ']' in array, found %s", next());
      }
    }
  }

  private TomlTable inlineTable() {
    int start = pos++;
    TomlTable table = new TomlTable(source, TomlTable.INLINE);
    skipSpaces();
    if (eat('}')) {
      return table;
    }
    while (true) {
      if (atLineEnd()) {
        throw error(
            start,
            "unterminated inline table (TOML 1.0 inline tables must close with } on the same line)");
      }
      keyValue(table);
      skipSpaces();
      if (eat('}')) {
        return table;
      } else if (!atLineEnd() && !eat(',')) {
        throw error(pos, "expected ',' or '}' in inline table, found %s", next());
      } else if (skipSpaces() < text.length() && peek() == '}') {
        throw error(pos, "trailing comma in inline table (TOML 1.0 does not allow it)");
      }
    }
  }

  private String string() {
    int start = pos;
    char quote = peek();
    int delimiter = atTripleQuote() ? 3 : 1;
    pos += delimiter;
    if (delimiter == 3) {
      newline(); // a newline right after the opening delimiter is not part of the string
    }
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      if (pos >= text.length()) {
        throw error(
            start,
            "unterminated string (close it with %s)",
            text.substring(start, start + delimiter));
      } else if (c == quote) {
        int quotes = 1;
        while (delimiter == 3 && quotes < 5 && peek(pos + quotes) == quote) {
          quotes++;
        }
        pos += quotes;
        // Up to two quotes may sit right before the closing delimiter and belong to the string.
        for (int i = quotes < delimiter ? quotes : quotes - delimiter; i > 0; i--) {
          sb.append(quote);
        }
        if (quotes >= delimiter) {
          return sb.toString();
        }
      } else if ((c == '\n' || c == '\r') && delimiter == 1) {
        throw error(
            start,
            "unterminated string: a single-line string cannot contain a newline"
                + " (close it on the same line, or use %1$s%1$s%1$s for multi-line text)",
            quote);
      } else if (newline()) {
        sb.append('\n');
      } else if (c == '\\' && quote == '"') {
        escape(sb, delimiter == 3);
      } else if (isControl(c)) {
        throw error(pos, "control character %s in a string (write it as an escape)", codePoint(c));
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private void escape(StringBuilder sb, boolean multiLine) {
    int start = pos;
    char c = peek(++pos);
    int simple = "btnfr\"\\".indexOf(c);
    int digits = c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (simple >= 0) {
      sb.append("\b\t\n\f\r\"\\".charAt(simple));
      pos++;
    } else if (digits > 0) {
      long codePoint = 0;
      for (int i = 1; i <= digits; i++) {
        int digit = HEX.indexOf(Character.toLowerCase(peek(pos + i)));
        if (digit < 0) {
          throw error(start, "invalid escape: \\%s needs %d hex digits", c, digits);
        }
        codePoint = codePoint * 16 + digit;
      }
      if (codePoint > Character.MAX_CODE_POINT || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
        throw error(
            start,
            "invalid escape: \\%s is not a Unicode scalar value",
            text.substring(pos, pos + 1 + digits));
      }
      sb.appendCodePoint((int) codePoint);
      pos += 1 + digits;
    } else if (multiLine && isLineEndingBackslash()) {
      // A backslash at the end of a line joins it to the next non-blank text.
      do {
        skipSpaces();
      } while (newline());
    } else if (pos < text.length() && !isControl(c)) { // the caller reports ends and controls
      throw error(
          start,
          "invalid escape '\\%s' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX"
              + " \\UXXXXXXXX; for Windows paths or regexes use a 'literal string')",
          c);
    }
  }

  private boolean isLineEndingBackslash() {
    int end = pos;
    while (peek(end) == ' ' || peek(end) == '\t') {
      end++;
    }
    return peek(end) == '\n' || peek(end) == '\r';
  }

  private Object scalar() {
    int start = pos;
    while (isBareValueChar(peek())) {
      pos++;
    }
    if (secretValue && pos > start && !isSecretSafeScalar(text.substring(start, pos))) {
      // An unquoted password must not be echoed in the error: it is the secret itself.
      throw error(
          start,
          "invalid value (not shown: the key holds a secret; strings need double or single"
              + " quotes: key = \"value\")");
    }
    if (pos - start == 10 && peek(start + 4) == '-' && peek() == ' ' && isDigit(peek(pos + 1))) {
      do { // a date and a time may be separated by a space
        pos++;
      } while (isBareValueChar(peek()));
    }
    String s = text.substring(start, pos);
    Object special =
        switch (s) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          case "inf", "+inf" -> Double.POSITIVE_INFINITY;
          case "-inf" -> Double.NEGATIVE_INFINITY;
          case "nan", "+nan", "-nan" -> Double.NaN;
          default -> null;
        };
    if (special != null) {
      return special;
    }
    try {
      Object value = s.isEmpty() ? null : number(s);
      value = value != null ? value : dateTime(s);
      if (value instanceof Double d && d.isInfinite()) {
        throw error(start, "float %s does not fit in 64 bits", s);
      } else if (value != null) {
        return value;
      }
    } catch (NumberFormatException e) {
      throw error(start, "integer %s does not fit in 64 bits", s);
    } catch (DateTimeException e) {
      throw error(start, "invalid date/time %s: %s", s, e.getMessage());
    }
    throw error(start, "%s", invalidValue(start));
  }

  // Hand-written rather than regular expressions: compiling patterns costs milliseconds at startup.
  private static Object number(String s) {
    if (s.length() > 2 && s.charAt(0) == '0' && "xob".indexOf(s.charAt(1)) >= 0) {
      int radix = s.charAt(1) == 'x' ? 16 : s.charAt(1) == 'o' ? 8 : 2;
      return digits(s, 2, radix) == s.length()
          ? Long.parseLong(s.substring(2).replace("_", ""), radix)
          : null;
    }
    int first = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    int end = digits(s, first, 10);
    if (end < 0 || s.charAt(first) == '0' && end > first + 1) {
      return null; // leading zeros are not allowed
    } else if (end == s.length()) {
      return Long.parseLong(s.replace("_", ""));
    } else if (s.charAt(end) == '.') {
      end = digits(s, end + 1, 10);
    }
    if (end > 0 && end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
      end = digits(s, "+-".indexOf(peekIn(s, end + 1)) >= 0 ? end + 2 : end + 1, 10);
    }
    return end == s.length() ? Double.parseDouble(s.replace("_", "")) : null;
  }

  // Returns where a run of digits, with single underscores between them, ends; -1 if none starts.
  private static int digits(String s, int from, int radix) {
    if (digit(peekIn(s, from), radix) < 0) {
      return -1;
    }
    int i = from + 1;
    while (digit(peekIn(s, i), radix) >= 0
        || peekIn(s, i) == '_' && digit(peekIn(s, i + 1), radix) >= 0) {
      i++;
    }
    return i;
  }

  private static int digit(char c, int radix) {
    int digit = HEX.indexOf(Character.toLowerCase(c));
    return digit < radix ? digit : -1;
  }

  private static Object dateTime(String s) {
    if (!matches(s, 0, "dddd-dd-dd")) {
      int end = timeEnd(s, 0);
      return end == s.length() ? time(s, 0, end) : null;
    }
    LocalDate date = LocalDate.of(parseInt(s, 0, 4), parseInt(s, 5, 7), parseInt(s, 8, 10));
    int end = "Tt ".indexOf(peekIn(s, 10)) >= 0 ? timeEnd(s, 11) : -1;
    if (s.length() == 10 || end < 0) {
      return s.length() == 10 ? date : null;
    }
    LocalDateTime dateTime = LocalDateTime.of(date, time(s, 11, end));
    if (end == s.length()) {
      return dateTime;
    } else if (end + 1 == s.length() && (s.charAt(end) == 'Z' || s.charAt(end) == 'z')) {
      return OffsetDateTime.of(dateTime, ZoneOffset.UTC);
    } else if (end + 6 != s.length() || !matches(s, end, "+dd:dd") && !matches(s, end, "-dd:dd")) {
      return null;
    }
    int sign = s.charAt(end) == '-' ? -1 : 1;
    int hours = sign * parseInt(s, end + 1, end + 3);
    return OffsetDateTime.of(
        dateTime, ZoneOffset.ofHoursMinutes(hours, sign * parseInt(s, end + 4, end + 6)));
  }

  // Returns where HH:MM:SS with optional fractional seconds ends, or -1.
  private static int timeEnd(String s, int from) {
    if (!matches(s, from, "dd:dd:dd")) {
      return -1;
    }
    int end = from + 8;
    if (peekIn(s, end) == '.') {
      do {
        end++;
      } while (isDigit(peekIn(s, end)));
      return end == from + 9 ? -1 : end;
    }
    return end;
  }

  private static LocalTime time(String s, int from, int end) {
    int nanos = 0; // digits past nanoseconds are dropped
    for (int i = from + 9; i < from + 18; i++) {
      nanos = nanos * 10 + (i < end ? s.charAt(i) - '0' : 0);
    }
    int hour = parseInt(s, from, from + 2);
    return LocalTime.of(
        hour, parseInt(s, from + 3, from + 5), parseInt(s, from + 6, from + 8), nanos);
  }

  // Whether s has the shape at from, where 'd' stands for an ASCII digit.
  private static boolean matches(String s, int from, String shape) {
    for (int i = 0; i < shape.length(); i++) {
      char c = peekIn(s, from + i);
      if (shape.charAt(i) == 'd' ? !isDigit(c) : c != shape.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int parseInt(String s, int from, int end) {
    return Integer.parseInt(s, from, end, 10);
  }

  private static char peekIn(String s, int at) {
    return at < s.length() ? s.charAt(at) : '\0';
  }

  private String invalidValue(int start) {
    int end = start;
    while (end < text.length() && " \t\r\n#,]}".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String s = text.substring(start, end);
    char c = peek(start);
    if (s.isEmpty()) {
      return atLineEnd()
          ? "missing value (write key = \"value\")"
          : "expected a value, found " + next();
    } else if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return "invalid value '" + s + "' (booleans are lowercase: true or false)";
    } else if (s.length() > 4 && s.charAt(4) == '-' || s.length() > 2 && s.charAt(2) == ':') {
      return "invalid date/time '"
          + s
          + "' (expected e.g. 1979-05-27T07:32:00Z,"
          + " 1979-05-27T07:32:00, 1979-05-27 or 07:32:00)";
    } else if (isDigit(c) || c == '+' || c == '-' || c == '.') {
      return "invalid number '" + s + "'";
    }
    return "invalid value '" + s + "' (strings need double or single quotes: key = \"value\")";
  }

  private void comment() {
    for (pos++; pos < text.length() && peek() != '\n' && peek() != '\r'; pos++) {
      if (isControl(peek())) {
        throw error(pos, "control character %s in a comment", codePoint(peek()));
      }
    }
  }

  private int skipSpaces() {
    while (peek() == ' ' || peek() == '\t') {
      pos++;
    }
    return pos;
  }

  // Arrays may span lines and hold comments between their values.
  private void skipBlankLines() {
    do {
      skipSpaces();
      if (peek() == '#') {
        comment();
      }
    } while (newline());
  }

  private boolean newline() {
    if (peek() == '\r' && peek(pos + 1) != '\n') {
      throw error(pos, "carriage return without a line feed");
    } else if (peek() != '\n' && peek() != '\r') {
      return false;
    }
    pos += peek() == '\r' ? 2 : 1;
    line++;
    lineStart = pos;
    return true;
  }

  private boolean atLineEnd() {
    char c = peek();
    return pos >= text.length() || c == '\n' || c == '\r' || c == '#';
  }

  private boolean atTripleQuote() {
    return text.startsWith(peek() == '"' ? "\"\"\"" : "'''", pos);
  }

  private boolean eat(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private char peek() {
    return peek(pos);
  }

  private char peek(int at) {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String next() {
    char c = peek();
    if (pos >= text.length()) {
      return "the end of the file";
    } else if (c == '\n' || c == '\r') {
      return "the end of the line";
    }
    return isControl(c) ? "control character " + codePoint(c) : "'" + c + "'";
  }

  private TomlException conflict(int offset, String what, Object existing, int definedAt) {
    String kind = TomlTable.typeName(existing);
    if (tableArrays.containsKey(existing)) {
      kind = "an array of tables";
    } else if (existing instanceof TomlTable table && table.kind == TomlTable.DOTTED) {
      kind = "a table defined by dotted keys";
    } else if (existing instanceof TomlTable table && table.kind != TomlTable.INLINE) {
      kind = "a table defined by a [header]";
    }
    return error(offset, "%s is already %s (defined at line %d)", what, kind, definedAt);
  }

  private static String join(List<Key> path) {
    StringBuilder sb = new StringBuilder();
    for (Key key : path) {
      String name = key.name();
      boolean bare = !name.isEmpty();
      for (int i = 0; i < name.length(); i++) {
        bare &= isBareKeyChar(name.charAt(i));
      }
      sb.append(sb.length() == 0 ? "" : ".").append(bare ? name : '"' + name + '"');
    }
    return sb.toString();
  }

  private static boolean isBareKeyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-';
  }

  private static boolean isBareValueChar(char c) {
    return isBareKeyChar(c) || c == '+' || c == '.' || c == ':';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isControl(char c) {
    return c < 0x20 && c != '\t' || c == 0x7F;
  }

  private static String codePoint(char c) {
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  private static <T> T put(TomlTable table, Key key, T value) {
    return table.put(key.name(), value, key.line(), key.column());
  }

  // Errors are rare, so their line and column are counted from the start instead of being tracked.
  private TomlException error(int offset, String format, Object... args) {
    int errorLine = 1;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        errorLine++;
        start = i + 1;
      }
    }
    String problem = String.format(Locale.ROOT, format, args);
    return new TomlException(source, errorLine, offset - start + 1, problem);
  }
}
