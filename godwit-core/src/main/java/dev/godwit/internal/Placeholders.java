package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Placeholder values: the configured ones plus the built-ins ({@code ${godwit:defaultSchema}},
 * {@code user}, {@code database}, {@code timestamp}, {@code table}, and {@code filename} per
 * script). Names are case-insensitive. The {@code flyway:} spellings resolve too, so Flyway scripts
 * run unchanged.
 */
final class Placeholders {
  private final Map<String, String> values;
  private final boolean enabled;
  private final String prefix;
  private final String suffix;

  Placeholders(GodwitConfig config, Map<String, String> builtIns) {
    Map<String, String> v = new HashMap<>();
    config.placeholders().forEach((k, val) -> v.put(k.toLowerCase(Locale.ROOT), val));
    builtIns.forEach(
        (k, val) -> {
          v.put("godwit:" + k.toLowerCase(Locale.ROOT), val);
          v.put("flyway:" + k.toLowerCase(Locale.ROOT), val);
        });
    this.values = v;
    this.enabled = config.flag(ConfigKey.PLACEHOLDER_REPLACEMENT);
    this.prefix = config.string(ConfigKey.PLACEHOLDER_PREFIX);
    this.suffix = config.string(ConfigKey.PLACEHOLDER_SUFFIX);
  }

  boolean enabled() {
    return enabled;
  }

  String prefix() {
    return prefix;
  }

  String suffix() {
    return suffix;
  }

  /** The resolver the splitter uses for one script: name to value, null when undefined. */
  Function<String, String> resolverFor(String fileName) {
    return name -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (key.equals("godwit:filename") || key.equals("flyway:filename")) {
        return fileName;
      }
      return values.get(key);
    };
  }

  /**
   * Replaces every defined placeholder in the whole text, as Flyway does before checksumming a
   * repeatable. Undefined ones are left as written; running the script reports them.
   */
  String replaceAll(String text, String fileName) {
    Function<String, String> resolver = resolverFor(fileName);
    if (!text.contains(prefix)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int at;
    while ((at = text.indexOf(prefix, from)) >= 0) {
      int end = text.indexOf(suffix, at + prefix.length());
      if (end < 0) {
        break;
      }
      String value = resolver.apply(text.substring(at + prefix.length(), end));
      if (value == null) {
        out.append(text, from, at + prefix.length());
        from = at + prefix.length();
        continue;
      }
      out.append(text, from, at).append(value);
      from = end + suffix.length();
    }
    return out.append(text, from, text.length()).toString();
  }
}
