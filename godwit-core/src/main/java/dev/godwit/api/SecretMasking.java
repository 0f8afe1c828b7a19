package dev.godwit.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of text that may be shown: JDBC URLs and driver messages are masked before
 * Godwit prints, logs or throws them. Tools built on Godwit (its command line, build plugins) use
 * the same masking for what they print themselves.
 *
 * <p>Masking goes by structure, never by plain substring: the password part of a URL's user-info
 * ({@code //user:secret@host}), the value of a {@code password=} (or {@code pwd=}, {@code passwd=})
 * parameter, and a known secret where it stands as a whole token. A short password such as {@code
 * y} or {@code postgres} therefore leaves {@code MySQL} and {@code jdbc:postgresql:} alone, which
 * would otherwise give the password away by where the mask lands.
 */
public final class SecretMasking {
  /** What a secret is replaced with. */
  public static final String MASK = "******";

  // The value runs to the next parameter separator or white space; a quote ends it too, so that
  // a message quoting the URL keeps its closing quote.
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:password|pwd|passwd)\\s*=\\s*)([^&;\\s'\"]*)");
  // //user:secret@host: the secret may hold ':' or '/', so it runs to the last '@' of the token.
  private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s]*:)([^\\s]*)(@)");
  // Oracle-style user/secret@host right after the subprotocol (jdbc:oracle:thin:scott/tiger@db).
  private static final Pattern SLASH_USERINFO =
      Pattern.compile("(jdbc:[A-Za-z0-9]+:(?:[A-Za-z0-9]+:)?[^/:@\\s]+/)([^@\\s]*)(@)");

  private SecretMasking() {}

  /**
   * The URL with any password parameter ({@code password=}, {@code pwd=}, {@code passwd=}) or
   * user-info password ({@code //user:secret@host}, {@code user/secret@host}) masked; null for
   * null.
   */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String mask = Matcher.quoteReplacement(MASK);
    String out = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + mask);
    out = USERINFO.matcher(out).replaceAll("$1" + mask + "$3");
    return SLASH_USERINFO.matcher(out).replaceAll("$1" + mask + "$3");
  }

  /**
   * The secrets a URL carries (user-info passwords and {@code password=} values) together with the
   * configured password: what {@link #scrub(String, Collection)} must mask in a driver's message,
   * which may quote a piece of the URL out of its structure ("Incorrect port value : secret@host").
   *
   * @param url a JDBC URL, or null
   * @param password the configured password, or null
   */
  public static List<String> secrets(String url, String password) {
    Set<String> found = new LinkedHashSet<>();
    if (password != null && !password.isEmpty()) {
      found.add(password);
    }
    if (url != null) {
      for (Pattern p : List.of(PASSWORD_PARAMETER, USERINFO, SLASH_USERINFO)) {
        Matcher m = p.matcher(url);
        while (m.find()) {
          if (!m.group(2).isEmpty()) {
            found.add(m.group(2));
          }
        }
      }
    }
    return new ArrayList<>(found);
  }

  /**
   * The text with every URL in it masked as by {@link #maskUrl} and {@code password} masked where
   * it stands as a whole token; null for null.
   *
   * @param text a message, for example a driver's exception message
   * @param password the configured password, or null when there is none
   */
  public static String scrub(String text, String password) {
    return scrub(text, password == null ? List.of() : List.of(password));
  }

  /**
   * The text with every URL in it masked as by {@link #maskUrl} and each secret masked where it
   * stands as a whole token (not inside a longer word); null for null.
   *
   * @param text a message, for example a driver's exception message or a log line
   * @param secrets the secrets to mask, for example from {@link #secrets}
   */
  public static String scrub(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = maskUrl(text);
    for (String secret : secrets) {
      // The cheap test first: most text (every line of output) holds no secret at all.
      if (secret != null && !secret.isEmpty() && out.contains(secret)) {
        out = wholeToken(secret).matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
      }
    }
    return out;
  }

  // A secret that starts or ends with a letter or digit only counts where no letter or digit
  // continues it: "postgres" is not masked inside "postgresql".
  private static Pattern wholeToken(String secret) {
    String before = isWordChar(secret.charAt(0)) ? "(?<![\\p{L}\\p{N}_])" : "";
    String after = isWordChar(secret.charAt(secret.length() - 1)) ? "(?![\\p{L}\\p{N}_])" : "";
    return Pattern.compile(before + Pattern.quote(secret) + after);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
