package dev.godwit.api;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints for a name that is not known (a setting, a command, an environment), by edit
 * distance, case-insensitively. Godwit's messages about unknown names end with such a hint.
 */
public final class NameSuggestions {
  private NameSuggestions() {}

  /**
   * The candidate closest to {@code name}, or null when none is close enough to help: at most two
   * edits away, or a third of the name's length for longer names.
   */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(n, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /**
   * {@code " (did you mean 'x'?)"} for the {@link #closest} candidate, or {@code ""} when none is
   * close: ready to append to a message.
   */
  public static String hint(String name, Collection<String> candidates) {
    String c = closest(name, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
