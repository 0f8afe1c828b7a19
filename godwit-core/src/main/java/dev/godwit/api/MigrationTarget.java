package dev.godwit.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code target} setting, parsed: where {@code migrate} stops. Written {@code latest}, {@code
 * current}, {@code next} or a version ({@code 1.2}, also {@code V1.2}); a trailing {@code ?}
 * (Flyway's form) means "do not fail when no migration has that version".
 *
 * @param kind which form
 * @param version the version for {@link Kind#VERSION}, else null
 * @param optional whether a target version that no migration has is accepted (the trailing {@code
 *     ?})
 */
public record MigrationTarget(Kind kind, MigrationVersion version, boolean optional) {
  /** What the text names. */
  public enum Kind {
    /** Every pending migration (the default). */
    LATEST,
    /** The current version: nothing new is applied. */
    CURRENT,
    /** Only the next pending version. */
    NEXT,
    /** Up to and including {@link MigrationTarget#version()}. */
    VERSION
  }

  /** The forms accepted, for messages. */
  public static final String ACCEPTED =
      "latest, current, next or a version such as 1.2 (also V1.2), optionally followed by ? to"
          + " accept a version no migration has";

  /** The default: every pending migration. */
  public static final MigrationTarget LATEST = new MigrationTarget(Kind.LATEST, null, false);

  /**
   * Checks that a version is given exactly for {@link Kind#VERSION}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public MigrationTarget {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.VERSION) != (version != null)) {
      throw new IllegalArgumentException("a version goes with Kind.VERSION, and only with it");
    }
  }

  /**
   * Parses the text of the setting; blank means {@link #LATEST}. Case-insensitive.
   *
   * @throws IllegalArgumentException when the text is none of the {@link #ACCEPTED} forms
   */
  public static MigrationTarget parse(String text) {
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
        return LATEST; // Nothing can be missing, so a ? changes nothing.
      case "current":
        return new MigrationTarget(Kind.CURRENT, null, optional);
      case "next":
        return new MigrationTarget(Kind.NEXT, null, optional);
      default:
        String v = t.startsWith("V") || t.startsWith("v") ? t.substring(1) : t;
        return new MigrationTarget(Kind.VERSION, MigrationVersion.parse(v), optional);
    }
  }
}
