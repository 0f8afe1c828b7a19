package dev.godwit.api;

import java.util.Locale;

/**
 * When in a deploy a migration runs. {@link #PRE} migrations (the default) run before the new code
 * is deployed and must keep the old code working: they expand the schema. {@link #POST} migrations
 * run once every instance runs the new code: they contract it (drop the old column, set NOT NULL).
 * A script declares {@code post} with a {@code -- godwit:phase post} line above its first statement
 * or {@code phase=post} in its {@code .sql.conf}; a Java migration overrides {@link
 * JavaMigration#phase()}.
 */
public enum DeployPhase {
  /** Before the new code is deployed; the default. */
  PRE,
  /** After every instance runs the new code. */
  POST;

  /** What scripts, configuration and output call it: {@code pre} or {@code post}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The phase named {@code pre} or {@code post} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static DeployPhase parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (DeployPhase p : values()) {
      if (p.label().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException("the phase is pre or post, not '" + text + "'");
  }
}
