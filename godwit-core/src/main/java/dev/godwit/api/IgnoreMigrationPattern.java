package dev.godwit.api;

import java.util.List;
import java.util.Locale;

/**
 * One entry of the {@code ignoreMigrationPatterns} setting, {@code <type>:<state>}: a problem that
 * {@code validate} lets pass. {@code *:missing} ignores every migration whose file is gone.
 *
 * @param type {@code versioned}, {@code repeatable} or {@code *}
 * @param state {@code missing}, {@code pending}, {@code ignored}, {@code future} or {@code *}
 */
public record IgnoreMigrationPattern(String type, String state) {
  /** The types a pattern may name. */
  public static final List<String> TYPES = List.of("*", "versioned", "repeatable");

  /** The states a pattern may name. */
  public static final List<String> STATES = List.of("*", "missing", "pending", "ignored", "future");

  /**
   * The forms accepted, for messages. (Written out: a constant built from the lists would cost a
   * string-concatenation bootstrap whenever the settings are first read.)
   */
  public static final String ACCEPTED =
      "<type>:<state> with type one of *, versioned, repeatable and state one of *, missing,"
          + " pending, ignored, future, e.g. *:missing";

  /**
   * Checks the type and state.
   *
   * @throws IllegalArgumentException when either is not one of {@link #TYPES} or {@link #STATES}
   */
  public IgnoreMigrationPattern {
    if (!TYPES.contains(type) || !STATES.contains(state)) {
      throw new IllegalArgumentException("not " + ACCEPTED + ": " + type + ":" + state);
    }
  }

  /**
   * Parses {@code type:state}, case-insensitively and ignoring spaces around either part.
   *
   * @throws IllegalArgumentException when the text is not of the {@link #ACCEPTED} form
   */
  public static IgnoreMigrationPattern parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("not " + ACCEPTED + ": " + text);
    }
    return new IgnoreMigrationPattern(parts[0].trim(), parts[1].trim());
  }

  /**
   * Whether this pattern lets a problem pass.
   *
   * @param repeatable whether the migration is repeatable
   * @param problemState the state validate found, in lower case: {@code missing}, {@code pending},
   *     {@code ignored} or {@code future}
   */
  public boolean ignores(boolean repeatable, String problemState) {
    boolean typeMatches = type.equals("*") || type.equals(repeatable ? "repeatable" : "versioned");
    return typeMatches && (state.equals("*") || state.equals(problemState));
  }

  @Override
  public String toString() {
    return type + ":" + state;
  }
}
