package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlTest {

  private static TomlTable parse(String text) {
    return Toml.parse(text, "test.toml");
  }

  private static Object value(String toml) {
    return parse("v = " + toml).get("v");
  }

  @Test
  void emptyDocumentsAndCommentsGiveAnEmptyTable() {
    assertThat(parse("").isEmpty()).isTrue();
    assertThat(parse("# only a comment\n\n   \t\n# another").isEmpty()).isTrue();
    assertThat(parse("a = 1 # trailing # comment").get("a")).isEqualTo(1L);
    assertThat(parse("# a = 1 # nested # marks\nb = 2 #").keys()).containsExactly("b");
  }

  @Test
  void basicStringsUnescapeEverySequence() {
    assertThat(value("\"plain\"")).isEqualTo("plain");
    assertThat(value("\"\"")).isEqualTo("");
    assertThat(value("\"b\\b t\\t n\\n f\\f r\\r q\\\" bs\\\\\""))
        .isEqualTo("b\b t\t n\n f\f r\r q\" bs\\");
    assertThat(value("\"\\u00e9\\u00C9 \\U0001F600\"")).isEqualTo("éÉ \uD83D\uDE00");
    assertThat(value("\"tab\tinside # not a comment\"")).isEqualTo("tab\tinside # not a comment");
  }

  @Test
  void literalStringsKeepBackslashes() {
    assertThat(value("'C:\\Users\\godwit'")).isEqualTo("C:\\Users\\godwit");
    assertThat(value("'say \"hi\"'")).isEqualTo("say \"hi\"");
    assertThat(value("''")).isEqualTo("");
  }

  @Test
  void multiLineBasicStrings() {
    assertThat(value("\"\"\"\nRoses\nViolets\"\"\"")).isEqualTo("Roses\nViolets");
    assertThat(value("\"\"\"one\r\ntwo\"\"\"")).isEqualTo("one\ntwo");
    assertThat(value("\"\"\"\nThe quick \\\n\n   brown \\   \n  fox.\"\"\""))
        .isEqualTo("The quick brown fox.");
    assertThat(value("\"\"\"Here are two quotes: \"\". Simple.\"\"\""))
        .isEqualTo("Here are two quotes: \"\". Simple.");
    assertThat(value("\"\"\"\"quoted\"\"\"\"\"")).isEqualTo("\"quoted\"\"");
    assertThat(value("\"\"\"esc \\\"\"\" \\t\"\"\"")).isEqualTo("esc \"\"\" \t");
  }

  @Test
  void multiLineLiteralStrings() {
    assertThat(value("'''\nfirst\n  second \\n'''")).isEqualTo("first\n  second \\n");
    assertThat(value("''''That's it,' she said.'''")).isEqualTo("'That's it,' she said.");
    assertThat(value("'''two''''")).isEqualTo("two'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 0",
        "+99 | 99",
        "-17 | -17",
        "-0 | 0",
        "1_000_000 | 1000000",
        "0xDEAD_beef | 3735928559",
        "0x00ff | 255",
        "0o755 | 493",
        "0b1101_0110 | 214",
        "9223372036854775807 | 9223372036854775807",
        "-9223372036854775808 | -9223372036854775808",
        "0x7FFFFFFFFFFFFFFF | 9223372036854775807"
      })
  void integers(String toml, long expected) {
    assertThat(value(toml)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+1.0 | 1.0",
        "3.1415 | 3.1415",
        "-0.01 | -0.01",
        "5e+22 | 5e22",
        "1e06 | 1e6",
        "-2E-2 | -0.02",
        "6.626e-34 | 6.626e-34",
        "224_617.445_991 | 224617.445991",
        "0e0 | 0.0",
        "-0.0 | -0.0",
        "inf | Infinity",
        "+inf | Infinity",
        "-inf | -Infinity"
      })
  void floats(String toml, double expected) {
    assertThat(value(toml)).isEqualTo(expected);
  }

  @Test
  void notANumber() {
    assertThat(value("nan")).isEqualTo(Double.NaN);
    assertThat(value("+nan")).isEqualTo(Double.NaN);
    assertThat(value("-nan")).isEqualTo(Double.NaN);
  }

  @Test
  void booleans() {
    assertThat(value("true")).isEqualTo(true);
    assertThat(value("false")).isEqualTo(false);
  }

  @Test
  void datesAndTimes() {
    LocalDateTime local = LocalDateTime.of(1979, 5, 27, 7, 32);
    assertThat(value("1979-05-27T07:32:00Z")).isEqualTo(OffsetDateTime.of(local, ZoneOffset.UTC));
    assertThat(value("1979-05-27 07:32:00z")).isEqualTo(OffsetDateTime.of(local, ZoneOffset.UTC));
    assertThat(value("1979-05-27t00:32:00.999999-07:00"))
        .isEqualTo(OffsetDateTime.of(1979, 5, 27, 0, 32, 0, 999_999_000, ZoneOffset.ofHours(-7)));
    assertThat(value("1979-05-27T07:32:00+05:30"))
        .isEqualTo(OffsetDateTime.of(local, ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat(value("1979-05-27T07:32:00")).isEqualTo(local);
    assertThat(value("1979-05-27 07:32:00.5")).isEqualTo(local.withNano(500_000_000));
    assertThat(value("1979-05-27")).isEqualTo(LocalDate.of(1979, 5, 27));
    assertThat(value("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(value("07:32:00")).isEqualTo(LocalTime.of(7, 32));
    assertThat(value("00:32:00.1234567891")).isEqualTo(LocalTime.of(0, 32, 0, 123_456_789));
  }

  @Test
  void dateFollowedByCommentIsStillADate() {
    TomlTable table = parse("d = 1979-05-27 # birthday\nl = [1979-05-27 , 1]");
    assertThat(table.get("d")).isEqualTo(LocalDate.of(1979, 5, 27));
    assertThat(table.get("l")).isEqualTo(List.of(LocalDate.of(1979, 5, 27), 1L));
  }

  @Test
  void arrays() {
    assertThat(value("[]")).isEqualTo(List.of());
    assertThat(value("[ 1, 2, 3 ]")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(value("[ [1, 2], ['a', \"b\"], [] ]"))
        .isEqualTo(List.of(List.of(1L, 2L), List.of("a", "b"), List.of()));
    assertThat(value("[ 0.1, 'x', true, 1979-05-27 ]"))
        .isEqualTo(List.of(0.1, "x", true, LocalDate.of(1979, 5, 27)));
    assertThat(value("[\n  1, # one\n  # nothing here\n  2,\r\n]")).isEqualTo(List.of(1L, 2L));
  }

  @Test
  void inlineTables() {
    TomlTable point = (TomlTable) value("{ x = 1, y = -2, name.first = 'Tom', name.last = 'P' }");
    assertThat(point.keys()).containsExactly("x", "y", "name");
    assertThat(point.get("y")).isEqualTo(-2L);
    assertThat(point.getTable("name").get("last")).isEqualTo("P");
    assertThat(((TomlTable) value("{}")).isEmpty()).isTrue();
    List<?> points = (List<?>) value("[ { x = 1 }, { x = 2, nested = { deep = [1] } } ]");
    assertThat(((TomlTable) points.get(1)).getTable("nested").get("deep")).isEqualTo(List.of(1L));
  }

  @Test
  void keysMayBeBareQuotedOrDotted() {
    TomlTable table =
        parse(
            "bare_key-1 = 1\n"
                + "\"quoted key\" = 2\n"
                + "'literal \"key\"' = 3\n"
                + "\"\" = 4\n"
                + "1234 = 5\n"
                + "site . \"google.com\" . up = true\n"
                + "3.14 = 'pi'\n");
    assertThat(table.keys())
        .containsExactly("bare_key-1", "quoted key", "literal \"key\"", "", "1234", "site", "3");
    assertThat(table.getTable("site").getTable("google.com").get("up")).isEqualTo(true);
    assertThat(table.getTable("3").get("14")).isEqualTo("pi");
  }

  @Test
  void dottedKeysExtendTablesTheyCreated() {
    TomlTable table =
        parse("fruit.apple.color = 'red'\nfruit.apple.taste.sweet = true\nfruit.orange = 2\n");
    TomlTable apple = table.getTable("fruit").getTable("apple");
    assertThat(apple.keys()).containsExactly("color", "taste");
    assertThat(apple.getTable("taste").get("sweet")).isEqualTo(true);
    assertThat(table.getTable("fruit").get("orange")).isEqualTo(2L);
  }

  @Test
  void headersCreateNestedTablesInOrder() {
    TomlTable table =
        parse(
            "title = 'x'\n"
                + "[a.b.c]\n"
                + "d = 1\n"
                + "[ a . \"quoted\" ]\n"
                + "e = 2\n"
                + "[a]\n" // a was only implied by [a.b.c], so it may still be defined once
                + "f = 3\n"
                + "[fruit]\n"
                + "apple.color = 'red'\n"
                + "[fruit.apple.texture]\n" // sub-tables of dotted-key tables are allowed
                + "smooth = true\n");
    assertThat(table.keys()).containsExactly("title", "a", "fruit");
    TomlTable a = table.getTable("a");
    assertThat(a.keys()).containsExactly("b", "quoted", "f");
    assertThat(a.getTable("b").getTable("c").get("d")).isEqualTo(1L);
    assertThat(a.getTable("quoted").get("e")).isEqualTo(2L);
    TomlTable apple = table.getTable("fruit").getTable("apple");
    assertThat(apple.keys()).containsExactly("color", "texture");
    assertThat(apple.getTable("texture").get("smooth")).isEqualTo(true);
  }

  @Test
  void arraysOfTables() {
    TomlTable table =
        parse(
            "[[fruits]]\n"
                + "name = 'apple'\n"
                + "[fruits.physical]\n"
                + "color = 'red'\n"
                + "[[fruits.varieties]]\n"
                + "name = 'red delicious'\n"
                + "[[fruits.varieties]]\n"
                + "name = 'granny smith'\n"
                + "[[fruits]]\n"
                + "name = 'banana'\n"
                + "[[fruits.varieties]]\n"
                + "name = 'plantain'\n"
                + "[[empty]]\n"
                + "[[empty]]\n");
    List<?> fruits = (List<?>) table.get("fruits");
    assertThat(fruits).hasSize(2);
    TomlTable apple = (TomlTable) fruits.get(0);
    assertThat(apple.getTable("physical").get("color")).isEqualTo("red");
    assertThat((List<?>) apple.get("varieties"))
        .extracting(v -> ((TomlTable) v).get("name"))
        .containsExactly("red delicious", "granny smith");
    TomlTable banana = (TomlTable) fruits.get(1);
    assertThat(banana.get("name")).isEqualTo("banana");
    assertThat((List<?>) banana.get("varieties")).hasSize(1);
    assertThat((List<?>) table.get("empty"))
        .hasSize(2)
        .allSatisfy(t -> assertThat(((TomlTable) t).isEmpty()).isTrue());
  }

  @Test
  void keysRememberWhereTheyWereDefined() {
    TomlTable table =
        parse("\ntitle = 'x'\n  [server.http]\n\tport = 8080\n  name.first = 'a'\n'q' = 1\n");
    assertThat(table.line("title")).isEqualTo(2);
    assertThat(table.column("title")).isEqualTo(1);
    assertThat(table.line("server")).isEqualTo(3);
    assertThat(table.column("server")).isEqualTo(4);
    TomlTable http = table.getTable("server").getTable("http");
    assertThat(table.getTable("server").column("http")).isEqualTo(11);
    assertThat(http.line("port")).isEqualTo(4);
    assertThat(http.column("port")).isEqualTo(2);
    assertThat(http.getTable("name").line("first")).isEqualTo(5);
    assertThat(http.getTable("name").column("first")).isEqualTo(8);
    assertThat(http.column("q")).isEqualTo(1);
    assertThat(table.line("missing")).isEqualTo(-1);
    assertThat(table.column("missing")).isEqualTo(-1);
  }

  @Test
  void byteOrderMarkIsSkippedAndCrlfAccepted() {
    TomlTable table = parse("\uFEFFa = 1\r\nb = 'x'\r\n[t]\r\nc = [\r\n 1,\r\n]\r\n");
    assertThat(table.get("a")).isEqualTo(1L);
    assertThat(table.column("a")).isEqualTo(1);
    assertThat(table.line("b")).isEqualTo(2);
    assertThat(table.getTable("t").line("c")).isEqualTo(4);
    assertThat(table.getTable("t").get("c")).isEqualTo(List.of(1L));
  }

  @Test
  void resultIsImmutable() {
    TomlTable table = parse("a = [1, [2]]\n[[t]]\n");
    assertThatThrownBy(() -> table.keys().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) table.get("a");
    assertThatThrownBy(() -> list.add(3L)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> nested = (List<Object>) list.get(1);
    assertThatThrownBy(() -> nested.clear()).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> tables = (List<Object>) table.get("t");
    assertThatThrownBy(() -> tables.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void getTableReturnsNullWhenAbsentAndFailsOnOtherValues() {
    TomlTable table = parse("\n  name = 'x'\n");
    assertThat(table.getTable("absent")).isNull();
    assertThatThrownBy(() -> table.getTable("name"))
        .isInstanceOf(TomlException.class)
        .hasMessage("test.toml:2:3: 'name' must be a table, not a string");
  }

  @Test
  void toStringShowsTheContent() {
    assertThat(parse("a = 1\n[b]\nc = ['x']").toString()).isEqualTo("{a=1, b={c=[x]}}");
  }

  @Test
  void exceptionCarriesItsPosition() {
    TomlException e = new TomlException("godwit.toml", 12, 1, "unknown setting 'lcoations'");
    assertThat(e).hasMessage("godwit.toml:12:1: unknown setting 'lcoations'");
    assertThat(e.source()).isEqualTo("godwit.toml");
    assertThat(e.line()).isEqualTo(12);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void realisticGodwitConfig() {
    String text =
        "# Godwit settings\n"
            + "locations = [\"filesystem:examples/quickstart/migrations\"]\n"
            + "table = \"godwit_schema_history\"\n"
            + "[placeholders]\n"
            + "owner = \"app\"\n"
            + "[environments.dev]\n"
            + "url = \"jdbc:h2:file:./db/quickstart\"\n"
            + "user = \"sa\"\n"
            + "password = \"${env.DB_PASSWORD}\"\n"
            + "production = false\n"
            + "[environments.prod]\n"
            + "url = \"jdbc:postgresql://db/app\"\n"
            + "schemas = [\"app\", \"audit\"]\n"
            + "production = true\n"
            + "[environments.prod.placeholders]\n"
            + "owner = \"app_prod\"\n";
    TomlTable config = Toml.parse(text, "godwit.toml");
    assertThat(config.keys()).containsExactly("locations", "table", "placeholders", "environments");
    assertThat(config.get("locations"))
        .isEqualTo(List.of("filesystem:examples/quickstart/migrations"));
    assertThat(config.get("table")).isEqualTo("godwit_schema_history");
    assertThat(config.getTable("placeholders").get("owner")).isEqualTo("app");
    TomlTable environments = config.getTable("environments");
    assertThat(environments.keys()).containsExactly("dev", "prod");
    TomlTable dev = environments.getTable("dev");
    assertThat(dev.keys()).containsExactly("url", "user", "password", "production");
    assertThat(dev.get("url")).isEqualTo("jdbc:h2:file:./db/quickstart");
    assertThat(dev.get("password")).isEqualTo("${env.DB_PASSWORD}");
    assertThat(dev.get("production")).isEqualTo(false);
    assertThat(dev.line("user")).isEqualTo(8);
    TomlTable prod = environments.getTable("prod");
    assertThat(prod.get("schemas")).isEqualTo(List.of("app", "audit"));
    assertThat(prod.get("production")).isEqualTo(true);
    assertThat(prod.getTable("placeholders").get("owner")).isEqualTo("app_prod");
    assertThat(prod.getTable("placeholders").line("owner")).isEqualTo(16);
    assertThat(environments.line("prod")).isEqualTo(11);
    assertThat(environments.column("prod")).isEqualTo(15);
  }
}
