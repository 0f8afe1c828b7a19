package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.MigrationTarget;
import dev.godwit.api.MigrationVersion;

/**
 * The {@code target} as the state calculation takes it. {@link MigrationTarget} holds the parsing,
 * and the setting is checked when the configuration is built; this wrapper stays only until the
 * commands being split out of {@code Engine} take {@code config.target()} directly.
 *
 * @param value the parsed target
 */
record Target(MigrationTarget value) {
  static final Target LATEST = new Target(MigrationTarget.LATEST);

  /**
   * Parses a target written as the setting is.
   *
   * @throws dev.godwit.api.GodwitException with the setting's message when the text is not a target
   */
  static Target parse(String text) {
    ConfigKey.TARGET.validate(text == null ? "" : text);
    return new Target(MigrationTarget.parse(text));
  }

  MigrationTarget.Kind kind() {
    return value.kind();
  }

  MigrationVersion version() {
    return value.version();
  }

  boolean optional() {
    return value.optional();
  }
}
