package dev.godwit.junit;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of {@code @GodwitTest}'s attributes: variables, and URLs as they may be shown. */
final class Urls {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::([^}]*))?}");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private Urls() {}

  /** A variable that {@link #expand} found neither set nor defaulted. */
  static final class MissingVariable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingVariable(String name) {
      super(name);
    }
  }

  /**
   * Replaces {@code ${NAME}} and {@code ${NAME:default}} with the value {@code lookup} gives NAME.
   *
   * @throws MissingVariable naming the first variable without value or default
   */
  static String expand(String text, UnaryOperator<String> lookup) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = lookup.apply(m.group(1));
      if (value == null || value.isEmpty()) {
        if (m.group(2) == null) {
          throw new MissingVariable(m.group(1));
        }
        value = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The lookup of system properties first, then environment variables. */
  static UnaryOperator<String> systemLookup(Map<String, String> env) {
    return name -> System.getProperty(name, env.get(name));
  }

  /** The URL with any {@code password=} parameter masked. */
  static String masked(String url) {
    return PASSWORD.matcher(url).replaceAll("$1******");
  }
}
