package dev.godwit.spring.boot;

import dev.godwit.api.ConfigKey;
import java.util.Locale;

/**
 * How Godwit's settings are named under {@code spring.godwit}: the settings table's key in Spring's
 * kebab case ({@code baselineVersion} becomes {@code spring.godwit.baseline-version}). Both the
 * properties read at start-up and the IDE metadata generated at build time take their names from
 * here, so a setting added to {@link ConfigKey} is a Spring property with no change in this module.
 */
final class SpringSettings {
  static final String PREFIX = "spring.godwit";
  static final String ENABLED = PREFIX + ".enabled";

  /**
   * Spring applications keep migrations in the jar, as Spring Boot's Flyway support does; the
   * command line's default is a directory.
   */
  static final String DEFAULT_LOCATION = "classpath:db/migration";

  private SpringSettings() {}

  /** {@code baseline-version} for {@code baselineVersion}. */
  static String kebab(ConfigKey key) {
    StringBuilder sb = new StringBuilder();
    for (char c : key.key().toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code spring.godwit.baseline-version} for {@code baselineVersion}. */
  static String property(ConfigKey key) {
    return PREFIX + "." + kebab(key);
  }

  /** The default as a Spring application sees it (locations differ from the CLI's). */
  static String defaultText(ConfigKey key) {
    return key == ConfigKey.LOCATIONS ? DEFAULT_LOCATION : key.defaultText();
  }
}
