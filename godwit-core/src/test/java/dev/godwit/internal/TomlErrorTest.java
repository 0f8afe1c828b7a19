package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TomlErrorTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        // structure
        arguments("a = 1\nb = 2\na = 3", "3:1: duplicate key 'a' (first defined at line 1)"),
        arguments("a = 1\n\"a\" = 2", "2:1: duplicate key 'a' (first defined at line 1)"),
        arguments("x.y = 1\n  x.y = 2", "2:3: duplicate key 'x.y' (first defined at line 1)"),
        arguments("[t]\n[u]\n[t]", "3:1: table [t] is already defined (first defined at line 1)"),
        arguments("[a.b]\nc = 1\n[a]\nb = 2", "4:1: duplicate key 'b' (first defined at line 1)"),
        arguments(
            "a = 1\na.b = 2",
            "2:1: cannot set 'a.b': 'a' is already an integer (defined at line 1)"),
        arguments(
            "[a]\nb.c = 1\n[a.b]",
            "3:1: cannot define [a.b]: it is already a table defined by dotted keys (defined at line 2)"),
        arguments(
            "a.b.c = 1\n[a]",
            "2:1: cannot define [a]: it is already a table defined by dotted keys (defined at line 1)"),
        arguments(
            "[a.b.c]\n[a]\nb.c.d = 1",
            "3:1: cannot set 'b.c.d': 'b' is already a table defined by a [header]"
                + " (defined at line 1)"),
        arguments(
            "x = {a = 1}\n[x]",
            "2:1: cannot define [x]: it is already an inline table (defined at line 1)"),
        arguments(
            "x = {a = 1}\n[x.b]",
            "2:1: cannot define [x.b]: 'x' is already an inline table (defined at line 1)"),
        arguments(
            "x = {a = 1}\nx.b = 2",
            "2:1: cannot set 'x.b': 'x' is already an inline table (defined at line 1)"),
        arguments(
            "x = {a = 1, a.b = 2}",
            "1:13: cannot set 'a.b': 'a' is already an integer (defined at line 1)"),
        arguments(
            "x = [1]\n[[x]]",
            "2:1: cannot append to [[x]]: it is already an array (defined at line 1)"),
        arguments(
            "[x]\n[[x]]",
            "2:1: cannot append to [[x]]: it is already a table defined by a [header]"
                + " (defined at line 1)"),
        arguments(
            "[[x]]\n[x]",
            "2:1: cannot define [x]: it is already an array of tables (defined at line 1)"),
        arguments(
            "s = 'v'\n[s.t]",
            "2:1: cannot define [s.t]: 's' is already a string (defined at line 1)"),
        // keys and headers
        arguments("key value", "1:5: expected '=' after key 'key', found 'v'"),
        arguments(
            "[t]\nkey",
            "2:4: expected '=' after key 'key', found the end of the file"
                + " (every setting needs a value: key = \"value\")"),
        arguments(
            "\"my key\".x # c",
            "1:12: expected '=' after key '\"my key\".x', found '#'"
                + " (every setting needs a value: key = \"value\")"),
        arguments(
            "= 1",
            "1:1: expected a key, found '='"
                + " (bare keys may only use A-Z a-z 0-9 _ -; quote others: \"my key\" = 1)"),
        arguments(
            "a. = 1",
            "1:4: expected a key, found '='"
                + " (bare keys may only use A-Z a-z 0-9 _ -; quote others: \"my key\" = 1)"),
        arguments("\"\"\"k\"\"\" = 1", "1:1: a key cannot be a multi-line string"),
        arguments("[a", "1:3: expected ']' to close the header, found the end of the file"),
        arguments("[[a]\n", "1:4: expected ']]' to close the header, found ']'"),
        arguments(
            "[a]]",
            "1:4: expected the end of the line, found ']'" + " (put each setting on its own line)"),
        arguments(
            "[]",
            "1:2: expected a key, found ']'"
                + " (bare keys may only use A-Z a-z 0-9 _ -; quote others: \"my key\" = 1)"),
        arguments(
            "a = 1 b = 2",
            "1:7: expected the end of the line, found 'b' (put each setting on its own line)"),
        // values
        arguments("x =", "1:4: missing value (write key = \"value\")"),
        arguments("x = # nothing", "1:5: missing value (write key = \"value\")"),
        arguments(
            "url = jdbc:h2:mem",
            "1:7: invalid value 'jdbc:h2:mem' (strings need double or single quotes: key = \"value\")"),
        arguments("path = ./db", "1:8: invalid number './db'"),
        arguments(
            "name = my app",
            "1:8: invalid value 'my' (strings need double or single quotes: key = \"value\")"),
        arguments(
            "x = @",
            "1:5: invalid value '@' (strings need double or single quotes: key = \"value\")"),
        arguments("b = True", "1:5: invalid value 'True' (booleans are lowercase: true or false)"),
        arguments("n = 0123", "1:5: invalid number '0123'"),
        arguments("n = 1__0", "1:5: invalid number '1__0'"),
        arguments("n = 1_", "1:5: invalid number '1_'"),
        arguments("n = +0x1", "1:5: invalid number '+0x1'"),
        arguments("n = 0x", "1:5: invalid number '0x'"),
        arguments("n = 0b102", "1:5: invalid number '0b102'"),
        arguments("n = 1.", "1:5: invalid number '1.'"),
        arguments("n = .5", "1:5: invalid number '.5'"),
        arguments("n = 1e", "1:5: invalid number '1e'"),
        arguments("n = +-1", "1:5: invalid number '+-1'"),
        arguments(
            "n = 9223372036854775808", "1:5: integer 9223372036854775808 does not fit in 64 bits"),
        arguments(
            "n = 0x8000000000000000", "1:5: integer 0x8000000000000000 does not fit in 64 bits"),
        arguments("n = 1e999", "1:5: float 1e999 does not fit in 64 bits"),
        arguments(
            "d = 1979-02-30", "1:5: invalid date/time 1979-02-30: Invalid date 'FEBRUARY 30'"),
        arguments(
            "t = 24:00:00",
            "1:5: invalid date/time 24:00:00: Invalid value for HourOfDay"
                + " (valid values 0 - 23): 24"),
        arguments(
            "t = 07:32",
            "1:5: invalid date/time '07:32' (expected e.g. 1979-05-27T07:32:00Z,"
                + " 1979-05-27T07:32:00, 1979-05-27 or 07:32:00)"),
        arguments(
            "d = 1979-05-27T07:32:00+7:00",
            "1:5: invalid date/time '1979-05-27T07:32:00+7:00' (expected e.g."
                + " 1979-05-27T07:32:00Z, 1979-05-27T07:32:00, 1979-05-27 or 07:32:00)"),
        // strings
        arguments("s = \"abc", "1:5: unterminated string (close it with \")"),
        arguments(
            "\n s = \"abc\nt = 1",
            "2:6: unterminated string: a single-line string cannot contain a newline"
                + " (close it on the same line, or use \"\"\" for multi-line text)"),
        arguments(
            "s = 'abc\r\n",
            "1:5: unterminated string: a single-line string cannot contain a newline"
                + " (close it on the same line, or use ''' for multi-line text)"),
        arguments("s = \"\"\"\nabc\n\"\"", "1:5: unterminated string (close it with \"\"\")"),
        arguments("s = '''abc''", "1:5: unterminated string (close it with ''')"),
        arguments(
            "s = \"C:\\db\"",
            "1:8: invalid escape '\\d' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX;"
                + " for Windows paths or regexes use a 'literal string')"),
        arguments(
            "s = \"a\\ b\"",
            "1:7: invalid escape '\\ ' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX;"
                + " for Windows paths or regexes use a 'literal string')"),
        arguments(
            "s = \"\"\"a\\ b\"\"\"",
            "1:9: invalid escape '\\ ' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX;"
                + " for Windows paths or regexes use a 'literal string')"),
        arguments(
            "s = \"a\\\nb\"",
            "1:5: unterminated string: a single-line string cannot contain a newline"
                + " (close it on the same line, or use \"\"\" for multi-line text)"),
        arguments("s = \"a\\", "1:5: unterminated string (close it with \")"),
        arguments(
            "s = \"\\\u0001\"",
            "1:7: control character U+0001 in a string (write it as an escape)"),
        arguments("s = \"\\u12\"", "1:6: invalid escape: \\u needs 4 hex digits"),
        arguments("s = \"\\U0001F60\"", "1:6: invalid escape: \\U needs 8 hex digits"),
        arguments("s = \"\\u+123\"", "1:6: invalid escape: \\u needs 4 hex digits"),
        arguments("s = \"\\uD800\"", "1:6: invalid escape: \\uD800 is not a Unicode scalar value"),
        arguments(
            "s = \"\\U00110000\"",
            "1:6: invalid escape: \\U00110000 is not a Unicode scalar value"),
        arguments(
            "s = \"a\u0001\"", "1:7: control character U+0001 in a string (write it as an escape)"),
        arguments(
            "s = 'a\u007f'", "1:7: control character U+007F in a string (write it as an escape)"),
        arguments("# bell \u0007", "1:8: control character U+0007 in a comment"),
        arguments("a = 1\rb = 2", "1:6: carriage return without a line feed"),
        // arrays and inline tables
        arguments("a = [1, 2", "1:5: unterminated array (close it with ])"),
        arguments("a = [1,\n 2,\n# c\n", "1:5: unterminated array (close it with ])"),
        arguments("a = [1 2]", "1:8: expected ',' or ']' in array, found '2'"),
        arguments("a = [1,,2]", "1:8: expected a value, found ','"),
        arguments("a = [,]", "1:6: expected a value, found ','"),
        arguments(
            "t = {a = 1,}", "1:12: trailing comma in inline table (TOML 1.0 does not allow it)"),
        arguments(
            "t = {a = 1\n}",
            "1:5: unterminated inline table"
                + " (TOML 1.0 inline tables must close with } on the same line)"),
        arguments(
            "t = {\na = 1}",
            "1:5: unterminated inline table"
                + " (TOML 1.0 inline tables must close with } on the same line)"),
        arguments("t = {a = 1 b = 2}", "1:12: expected ',' or '}' in inline table, found 'b'"),
        arguments("t = {a = 1, a = 2}", "1:13: duplicate key 'a' (first defined at line 1)"),
        // Issue 17, found while writing TomlFuzzTest: deep nesting was a StackOverflowError.
        arguments(
            "a = " + "[".repeat(5000),
            "1:105: arrays and inline tables nested more than 100 deep (look for a [ or { too many)"),
        arguments(
            "a = " + "{b = ".repeat(5000),
            "1:505: arrays and inline tables nested more than 100 deep (look for a [ or { too many)"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void reportsWhereAndWhat(String toml, String expected) {
    TomlException e =
        catchThrowableOfType(TomlException.class, () -> Toml.parse(toml, "test.toml"));
    assertThat(e).as("parsing %s", toml).isNotNull();
    assertThat(e.getMessage()).isEqualTo("test.toml:" + expected);
    assertThat(e.getMessage()).startsWith("test.toml:" + e.line() + ":" + e.column() + ": ");
    assertThat(e.source()).isEqualTo("test.toml");
  }

  // Issue 17, toml-test's invalid/encoding cases: a file that is not UTF-8 gets a position too.
  static Stream<Arguments> notUtf8() {
    return Stream.of(
        arguments(
            new byte[] {'a', ' ', '=', ' ', '1', '\n', 'b', ' ', '=', ' ', '"', (byte) 0xE9, '"'},
            "2:6: bytes that are not UTF-8 (0xE9); TOML files are UTF-8 (save the file as UTF-8)"),
        arguments(
            new byte[] {'#', ' ', (byte) 0xC3},
            "1:3: bytes that are not UTF-8 (0xC3); TOML files are UTF-8 (save the file as UTF-8)"),
        arguments(
            new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, ' ', 0},
            "1:1: the file is UTF-16, TOML files are UTF-8 (save it as UTF-8)"));
  }

  @ParameterizedTest
  @MethodSource("notUtf8")
  void reportsBytesThatAreNotUtf8(byte[] bytes, String expected) {
    TomlException e =
        catchThrowableOfType(TomlException.class, () -> Toml.decode(bytes, "test.toml"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo("test.toml:" + expected);
  }

  @Test
  void decodesUtf8AsIs() {
    byte[] bytes = "name = \"Zoë ✓\"\n".getBytes(StandardCharsets.UTF_8);
    assertThat(Toml.decode(bytes, "test.toml")).isEqualTo("name = \"Zoë ✓\"\n");
  }
}
