package dev.godwit.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What one setting accepts beyond its {@link ConfigKey.Kind}: the words an error message uses, and
 * the check that turns a value of the kind into its parsed form. Each {@link ConfigKey} is defined
 * with its own; this class only holds the shapes they share (text, a list of items, a map, a number
 * with a lower bound) and the few item checks used by more than one setting.
 */
final class Accepts {
  private enum Shape {
    /** The whole value is checked (text, a number, a boolean). */
    WHOLE,
    /** Each item of a list is checked; the parsed value is the list of parsed items. */
    EACH_ITEM,
    /** Each value of a map is checked. */
    EACH_VALUE
  }

  // A location prefix is a word of two or more letters and a colon; one letter is a Windows drive.
  private static final Pattern LOCATION_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private final String words;
  private final Shape shape;
  private final int minItems;
  private final Function<Object, Object> parse;

  private Accepts(String words, Shape shape, int minItems, Function<Object, Object> parse) {
    this.words = words;
    this.shape = shape;
    this.minItems = minItems;
    this.parse = parse;
  }

  /** Any text. */
  static Accepts anyText() {
    return new Accepts("text", Shape.WHOLE, 0, v -> v);
  }

  /** Text for which {@code ok} holds. */
  static Accepts text(String words, Predicate<String> ok) {
    return new Accepts(words, Shape.WHOLE, 0, v -> require(ok.test((String) v), v));
  }

  /** Text that is not blank. */
  static Accepts nonEmptyText(String words) {
    return text(words, Accepts::notBlank);
  }

  /** Text that {@code parse} turns into the setting's parsed value. */
  static Accepts parsed(String words, Function<String, Object> parse) {
    return new Accepts(words, Shape.WHOLE, 0, v -> parse.apply((String) v));
  }

  /** A boolean: the kind says it all. */
  static Accepts trueOrFalse() {
    return new Accepts("true or false", Shape.WHOLE, 0, v -> v);
  }

  /** A whole number no smaller than {@code min}. */
  static Accepts atLeast(int min, String words) {
    return new Accepts(words, Shape.WHOLE, 0, v -> require((Integer) v >= min, v));
  }

  /** A list whose every item satisfies {@code ok}. */
  static Accepts eachItem(String words, Predicate<String> ok) {
    return new Accepts(words, Shape.EACH_ITEM, 0, v -> require(ok.test((String) v), v));
  }

  /** A list of at least one item, every item satisfying {@code ok}. */
  static Accepts nonEmptyList(String words, Predicate<String> ok) {
    return new Accepts(words, Shape.EACH_ITEM, 1, v -> require(ok.test((String) v), v));
  }

  /** A list whose items {@code parse} turns into the parsed value's items. */
  static Accepts eachItemParsed(String words, Function<String, Object> parse) {
    return new Accepts(words, Shape.EACH_ITEM, 0, v -> parse.apply((String) v));
  }

  /** A map whose every value satisfies {@code ok}. */
  static Accepts eachValue(String words, Predicate<String> ok) {
    return new Accepts(words, Shape.EACH_VALUE, 0, v -> require(ok.test((String) v), v));
  }

  static boolean notBlank(String text) {
    return !text.isBlank();
  }

  /** {@code filesystem:<dir>}, {@code classpath:<package>}, or a directory with no prefix. */
  static boolean location(String location) {
    String l = location.trim();
    if (l.startsWith("filesystem:") || l.startsWith("classpath:")) {
      return true;
    }
    return !l.isEmpty() && !LOCATION_PREFIX.matcher(l).find();
  }

  /** The severities the linter knows, as {@code dev.godwit.lint.LintSettings} reads them. */
  static boolean lintSeverity(String level) {
    return List.of("info", "warn", "warning", "error")
        .contains(level.trim().toLowerCase(Locale.ROOT));
  }

  /** What the setting accepts, in words for a message. */
  String words() {
    return words;
  }

  /**
   * Checks a value already of the setting's kind and returns its parsed form.
   *
   * @throws GodwitException naming the setting, the value (or the item) and what is accepted
   */
  Object apply(ConfigKey key, Object value) {
    switch (shape) {
      case EACH_ITEM -> {
        List<?> items = (List<?>) value;
        if (items.size() < minItems) {
          throw key.notAccepted(String.join(",", items.stream().map(String::valueOf).toList()));
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
          out.add(one(key, item, String.valueOf(item)));
        }
        return Collections.unmodifiableList(out);
      }
      case EACH_VALUE -> {
        Map<?, ?> map = (Map<?, ?>) value;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.put(e.getKey(), one(key, e.getValue(), e.getKey() + "=" + e.getValue()));
        }
        return Collections.unmodifiableMap(out);
      }
      default -> {
        return one(key, value, String.valueOf(value));
      }
    }
  }

  private Object one(ConfigKey key, Object value, String shown) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw key.notAccepted(shown);
    }
  }

  private static Object require(boolean ok, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(String.valueOf(value));
    }
    return value;
  }
}
