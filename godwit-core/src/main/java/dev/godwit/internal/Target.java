package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationVersion;
import java.util.Locale;

/**
 * The {@code target} setting: {@code latest}, {@code current}, {@code next}, or a version; a
 * trailing {@code ?} means "do not fail if no migration has that version".
 *
 * @param kind which form
 * @param version the version for {@link Kind#VERSION}
 * @param optional whether a missing version is accepted
 */
record Target(Kind kind, MigrationVersion version, boolean optional) {
  enum Kind {
    LATEST,
    CURRENT,
    NEXT,
    VERSION
  }

  static final Target LATEST = new Target(Kind.LATEST, null, false);

  static Target parse(String text) {
    if (text == null || text.isBlank()) {
      return LATEST;
    }
    String t = text.trim();
    boolean optional = t.endsWith("?");
    if (optional) {
      t = t.substring(0, t.length() - 1);
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "latest":
        return LATEST;
      case "current":
        return new Target(Kind.CURRENT, null, optional);
      case "next":
        return new Target(Kind.NEXT, null, optional);
      default:
        try {
          String v = t.startsWith("V") || t.startsWith("v") ? t.substring(1) : t;
          return new Target(Kind.VERSION, MigrationVersion.parse(v), optional);
        } catch (IllegalArgumentException e) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "Invalid target '" + text + "': use latest, current, next or a version such as 1.2",
              e);
        }
    }
  }
}
