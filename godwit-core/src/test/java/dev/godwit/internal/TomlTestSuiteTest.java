package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against toml-test's TOML 1.0 cases (issue 17): a valid document parses to the values
 * its JSON expects, with their TOML types; an invalid one is a {@link TomlException} with a line
 * and column. The cases the reader still gets wrong are listed in {@code
 * toml-test/known-failures.txt} with their reasons: such a case must still fail (so that a fix
 * removes it from the list), and every other case must pass.
 */
class TomlTestSuiteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> KNOWN_FAILURES = knownFailures();

  static Stream<TomlTestSuite.Case> cases() {
    return TomlTestSuite.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passesUnlessListedAsAKnownFailure(TomlTestSuite.Case c) {
    String problem = c.valid() ? checkValid(c) : checkInvalid(c);
    if (KNOWN_FAILURES.containsKey(c.name())) {
      assertThat(problem)
          .as(
              "%s is listed in known-failures.txt (%s) but passes now: remove it from the list",
              c.name(), KNOWN_FAILURES.get(c.name()))
          .isNotNull();
    } else {
      assertThat(problem).as(c.name()).isNull();
    }
  }

  @Test
  void knownFailuresNameCasesOfTheSuite() {
    Set<String> names = new TreeSet<>();
    TomlTestSuite.cases().forEach(c -> names.add(c.name()));
    assertThat(names).hasSizeGreaterThan(700).containsAll(KNOWN_FAILURES.keySet());
  }

  @Test
  void comparisonTellsValuesAndTypesApart() throws IOException {
    TomlTable root = Toml.parse("i = 1\nf = 1.0\nd = 1979-05-27T07:32:00\na = [1]", "t.toml");
    String same =
        "{\"i\": {\"type\": \"integer\", \"value\": \"1\"},"
            + " \"f\": {\"type\": \"float\", \"value\": \"1\"},"
            + " \"d\": {\"type\": \"datetime-local\", \"value\": \"1979-05-27T07:32:00\"},"
            + " \"a\": [{\"type\": \"integer\", \"value\": \"1\"}]}";
    assertThat(difference("", JSON.readTree(same), root)).isNull();
    for (String[] change :
        new String[][] {
          {"\"integer\", \"value\": \"1\"}", "\"float\", \"value\": \"1\"}"},
          {"\"float\", \"value\": \"1\"", "\"float\", \"value\": \"nan\""},
          {"datetime-local", "datetime"},
          {"[{", "[{\"type\": \"integer\", \"value\": \"2\"}, {"},
          {"\"i\"", "\"j\""}
        }) {
      String other = same.replace(change[0], change[1]);
      assertThat(other).isNotEqualTo(same);
      assertThat(difference("", JSON.readTree(other), root)).as(other).isNotNull();
    }
  }

  private static String checkInvalid(TomlTestSuite.Case c) {
    try {
      TomlTable root = Toml.parse(c.text(), c.name());
      return "accepted: " + root;
    } catch (TomlException e) {
      // The bytes as text, replacing what is not UTF-8, to tell whether the position is in it.
      String[] lines = new String(c.bytes(), StandardCharsets.UTF_8).split("\n", -1);
      if (e.line() < 1 || e.line() > lines.length || e.column() < 1) {
        return "rejected at " + e.line() + ":" + e.column() + ", outside the text";
      }
      return null;
    } catch (RuntimeException e) {
      return "failed with " + e;
    }
  }

  private static String checkValid(TomlTestSuite.Case c) {
    try {
      TomlTable root = Toml.parse(c.text(), c.name());
      return difference("", JSON.readTree(c.expectedJson()), root);
    } catch (TomlException e) {
      return "rejected: " + e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return "failed with " + e;
    }
  }

  /** Where {@code actual} differs from toml-test's tagged JSON, or null. */
  private static String difference(String path, JsonNode expected, Object actual) {
    if (isTagged(expected)) {
      String type = expected.get("type").asText();
      String value = expected.get("value").asText();
      return matches(type, value, actual)
          ? null
          : path + ": expected " + type + " " + value + ", got " + describe(actual);
    } else if (expected.isObject()) {
      if (!(actual instanceof TomlTable table)) {
        return path + ": expected a table, got " + describe(actual);
      }
      Set<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      if (!keys.equals(new TreeSet<>(table.keys()))) {
        return path + ": expected keys " + keys + ", got " + new TreeSet<>(table.keys());
      }
      for (String key : keys) {
        String d = difference(path + "." + key, expected.get(key), table.get(key));
        if (d != null) {
          return d;
        }
      }
      return null;
    } else if (expected.isArray()) {
      if (!(actual instanceof List<?> list) || list.size() != expected.size()) {
        return path + ": expected an array of " + expected.size() + ", got " + describe(actual);
      }
      Iterator<JsonNode> elements = expected.elements();
      for (int i = 0; elements.hasNext(); i++) {
        String d = difference(path + "[" + i + "]", elements.next(), list.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    throw new IllegalStateException("not toml-test's JSON at " + path + ": " + expected);
  }

  // {"type": "integer", "value": "1"}: a table with such keys would hold objects, not strings.
  private static boolean isTagged(JsonNode node) {
    return node.isObject()
        && node.size() == 2
        && node.path("type").isTextual()
        && node.path("value").isTextual();
  }

  private static boolean matches(String type, String value, Object actual) {
    try {
      return matchesParsed(type, value, actual);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return false; // a value of another type than its tag says
    }
  }

  private static boolean matchesParsed(String type, String value, Object actual) {
    return switch (type) {
      case "string" -> value.equals(actual);
      case "integer" -> actual instanceof Long l && l == Long.parseLong(value);
      case "float" -> actual instanceof Double d && sameFloat(value, d);
      case "bool" -> Boolean.valueOf(value).equals(actual);
      case "datetime" -> OffsetDateTime.parse(nanos(value)).equals(actual);
      case "datetime-local" -> LocalDateTime.parse(nanos(value)).equals(actual);
      case "date-local" -> LocalDate.parse(value).equals(actual);
      case "time-local" -> LocalTime.parse(nanos(value)).equals(actual);
      default -> throw new IllegalStateException("unknown toml-test type " + type);
    };
  }

  private static boolean sameFloat(String value, double actual) {
    return switch (value) {
      case "nan", "+nan", "-nan" -> Double.isNaN(actual);
      case "inf", "+inf" -> actual == Double.POSITIVE_INFINITY;
      case "-inf" -> actual == Double.NEGATIVE_INFINITY;
      default -> Double.compare(Double.parseDouble(value), actual) == 0;
    };
  }

  // Java's date-time types keep nanoseconds; the reader drops digits past them, as TOML allows.
  private static String nanos(String value) {
    return value.replaceAll("(\\.\\d{9})\\d+", "$1");
  }

  private static String describe(Object actual) {
    return actual == null ? "nothing" : actual.getClass().getSimpleName() + " " + actual;
  }

  /** {@code <case>: <reason>} lines; {@code #} starts a comment line. */
  private static Map<String, String> knownFailures() {
    Map<String, String> known = new LinkedHashMap<>();
    for (String line : TomlTestSuite.lines("known-failures.txt")) {
      if (!line.startsWith("#")) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
          throw new IllegalStateException("known-failures.txt: no reason given in: " + line);
        }
        known.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
      }
    }
    return known;
  }
}
