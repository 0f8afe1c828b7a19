package dev.godwit.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of text that may be shown: JDBC URLs and driver messages are masked before
 * Godwit prints, logs or throws them. Tools built on Godwit (its command line, build plugins) use
 * the same masking for what they print themselves.
 */
public final class SecretMasking {
  /** What a secret is replaced with. */
  public static final String MASK = "******";

  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=\\s*)([^&;:,)\\s]*)");
  private static final Pattern USERINFO = Pattern.compile("(//[^/:@]+:)([^@/]*)(@)");

  private SecretMasking() {}

  /**
   * The URL with any password parameter ({@code password=}, {@code pwd=}, {@code passwd=}) or
   * user-info password ({@code //user:secret@host}) masked; null for null.
   */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String out = URL_PASSWORD.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return USERINFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
  }

  /**
   * The text with every occurrence of {@code password} masked, and any URL in it masked as by
   * {@link #maskUrl}; null for null.
   *
   * @param text a message, for example a driver's exception message
   * @param password the configured password, or null when there is none
   */
  public static String scrub(String text, String password) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (password != null && !password.isEmpty()) {
      out = out.replace(password, MASK);
    }
    return maskUrl(out);
  }
}
