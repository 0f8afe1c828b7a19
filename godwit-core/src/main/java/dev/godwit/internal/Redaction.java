package dev.godwit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps passwords out of every message: URLs and driver messages are scrubbed before use. */
public final class Redaction {
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=\\s*)([^&;:,)\\s]*)");
  private static final Pattern USERINFO = Pattern.compile("(//[^/:@]+:)([^@/]*)(@)");
  static final String MASK = "******";

  private Redaction() {}

  /** The URL with any password parameter or user-info password masked. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String out = URL_PASSWORD.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    return USERINFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
  }

  /** The text with every occurrence of the password masked, and URLs in it masked too. */
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
