package dev.godwit.internal;

import dev.godwit.api.SecretMasking;

/**
 * The engine's name for {@link SecretMasking}, which holds the one implementation. Kept so the
 * classes being split out of {@code Engine} in parallel compile unchanged; they can call {@link
 * SecretMasking} directly, and then this class goes.
 */
final class Redaction {
  private Redaction() {}

  static String maskUrl(String url) {
    return SecretMasking.maskUrl(url);
  }

  static String scrub(String text, String password) {
    return SecretMasking.scrub(text, password);
  }
}
