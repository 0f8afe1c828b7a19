package dev.godwit.api;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one setting accepts beyond its {@link ConfigKey.Kind}: the words an error message uses, and
 * the {@link Check} that turns a value of the kind into its parsed form. Each {@link ConfigKey} is
 * defined with its own; this class holds the shapes they share (one value, each item of a list,
 * each value of a map) and the checks.
 *
 * <p>Checks are an enum rather than lambdas: {@code ConfigKey} is initialised by every command, and
 * a lambda's first call costs a method-handle bootstrap that showed in {@code godwit info}'s
 * start-up time; an enum switch costs nothing.
 */
final class Accepts {
  /** A check of one value (or one item); returns the parsed value, or throws IAE. */
  enum Check {
    /** Anything of the kind. */
    NONE,
    /** Text that is not blank. */
    NOT_BLANK,
    /** A JDBC URL (blank counts as unset: a data source may be used instead). */
    JDBC_URL,
    /** {@code filesystem:<dir>}, {@code classpath:<package>}, or a directory with no prefix. */
    LOCATION,
    /** A charset this runtime has; parsed to a {@link Charset}. */
    CHARSET,
    /** Parsed to a {@link MigrationTarget}. */
    TARGET,
    /** Parsed to a {@link MigrationVersion}. */
    VERSION,
    /** Parsed to an {@link IgnoreMigrationPattern}. */
    IGNORE_PATTERN,
    /** A Java class name: dotted identifiers. */
    JAVA_CLASS,
    /** A whole number, 0 or more. */
    NOT_NEGATIVE,
    /** A whole number, 1 or more. */
    POSITIVE,
    /**
     * A fully qualified Java class or package name, such as {@code com.example.AuditCallback}, or a
     * package as Flyway writes one: {@code db/callback}, {@code classpath:db/callback}.
     */
    CLASS_NAME,
    /** A severity the linter knows, as {@code dev.godwit.lint.LintSettings} reads it. */
    LINT_SEVERITY;

    Object apply(Object value) {
      return switch (this) {
        case NONE -> value;
        case NOT_BLANK -> require(!((String) value).isBlank(), value);
        case JDBC_URL -> {
          String url = (String) value;
          yield require(url.isBlank() || url.startsWith("jdbc:"), value);
        }
        case LOCATION -> require(isLocation((String) value), value);
        case CHARSET -> Charset.forName((String) value);
        case TARGET -> MigrationTarget.parse((String) value);
        case VERSION -> MigrationVersion.parse((String) value);
        case IGNORE_PATTERN -> IgnoreMigrationPattern.parse((String) value);
        case JAVA_CLASS -> require(JAVA_CLASS_TEXT.matcher((String) value).matches(), value);
        case NOT_NEGATIVE -> require((Integer) value >= 0, value);
        case POSITIVE -> require((Integer) value >= 1, value);
        case CLASS_NAME -> {
          String name = (String) value;
          yield require(
              name.startsWith("classpath:")
                  ? isLocation(name)
                  : CLASS_NAME_PATTERN.matcher(name.replace('/', '.')).matches(),
              value);
        }
        case LINT_SEVERITY -> require(LINT_SEVERITIES.contains(lower((String) value)), value);
      };
    }
  }

  private enum Shape {
    /** The whole value is checked (text, a number, a boolean). */
    ONE,
    /** Each item of a list is checked; the parsed value is the list of parsed items. */
    EACH_ITEM,
    /** Each value of a map is checked. */
    EACH_VALUE
  }

  private static final java.util.regex.Pattern CLASS_NAME_PATTERN =
      java.util.regex.Pattern.compile(
          "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
              + "(?:\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(?:\\$[\\w$]+)?");
  private static final java.util.regex.Pattern JAVA_CLASS_TEXT =
      java.util.regex.Pattern.compile(
          "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  private static final List<String> LINT_SEVERITIES = List.of("info", "warn", "warning", "error");

  private final String words;
  private final Shape shape;
  private final int minItems;
  private final Check check;

  private Accepts(String words, Shape shape, int minItems, Check check) {
    this.words = words;
    this.shape = shape;
    this.minItems = minItems;
    this.check = check;
  }

  /** Any text. */
  static Accepts anyText() {
    return new Accepts("text", Shape.ONE, 0, Check.NONE);
  }

  /** Text that is not blank. */
  static Accepts notBlank(String words) {
    return new Accepts(words, Shape.ONE, 0, Check.NOT_BLANK);
  }

  /** A boolean: the kind says it all. */
  static Accepts trueOrFalse() {
    return new Accepts("true or false", Shape.ONE, 0, Check.NONE);
  }

  /** One value that passes {@code check}. */
  static Accepts one(String words, Check check) {
    return new Accepts(words, Shape.ONE, 0, check);
  }

  /** A list whose every item passes {@code check}. */
  static Accepts eachItem(String words, Check check) {
    return new Accepts(words, Shape.EACH_ITEM, 0, check);
  }

  /** A list of at least one item, every item passing {@code check}. */
  static Accepts nonEmptyList(String words, Check check) {
    return new Accepts(words, Shape.EACH_ITEM, 1, check);
  }

  /** A map whose every value passes {@code check}. */
  static Accepts eachValue(String words, Check check) {
    return new Accepts(words, Shape.EACH_VALUE, 0, check);
  }

  /**
   * Whether a location is one Godwit reads. Anything before a colon that looks like a URI scheme (a
   * letter, then letters, digits, {@code +}, {@code .} or {@code -}) is a prefix, and only two are
   * known; one letter is a Windows drive. Written out rather than as a regex, whose character
   * classes cost lambdas at start-up.
   */
  private static boolean isLocation(String location) {
    String l = location.trim();
    if (l.startsWith("filesystem:") || l.startsWith("classpath:")) {
      return true;
    }
    int colon = l.indexOf(':');
    if (colon < 2) {
      return !l.isEmpty();
    }
    if (!isAsciiLetter(l.charAt(0))) {
      return true;
    }
    for (int i = 1; i < colon; i++) {
      char c = l.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String lower(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
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
          throw key.notAccepted(items.isEmpty() ? "" : items.toString());
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
      return check.apply(value);
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
