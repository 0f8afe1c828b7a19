package dev.godwit.lint.rules;

import dev.godwit.lint.Rules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code -- godwit:allow <rule-id>[,<rule-id>...] <reason>} comments from a statement's
 * leading comments. Block comments work too. Above the first statement of a file they cover the
 * whole file.
 */
final class Suppressions {
  static final String MARKER = "godwit:allow";

  private Suppressions() {}

  /**
   * One allow comment.
   *
   * @param ids the rule ids it names
   * @param reason the reason, empty when missing
   * @param line the comment's line in the file
   * @param problem why it is invalid, or null
   */
  record Allow(Set<String> ids, String reason, int line, String problem) {
    boolean covers(String rule) {
      return problem == null && ids.contains(rule);
    }
  }

  /** The allow comments in the leading comments of {@code s}. */
  static List<Allow> of(Stmt s, String fileText, int[] lineStarts) {
    String comments = s.statement().leadingComments();
    List<Allow> out = new ArrayList<>();
    if (comments.isEmpty() || !comments.contains(MARKER)) {
      return out;
    }
    int stmtOffset = offset(lineStarts, s.statement().line(), s.statement().column());
    int at = fileText.lastIndexOf(comments, Math.max(0, stmtOffset));
    int from = 0;
    int i;
    while ((i = comments.indexOf(MARKER, from)) >= 0) {
      int eol = comments.indexOf('\n', i);
      String rest = comments.substring(i + MARKER.length(), eol < 0 ? comments.length() : eol);
      from = i + MARKER.length();
      if (rest.endsWith("*/")) {
        rest = rest.substring(0, rest.length() - 2);
      }
      rest = rest.strip();
      int line = at < 0 ? s.statement().line() : lineOf(lineStarts, at + i);
      out.add(parse(rest, line));
    }
    return out;
  }

  private static Allow parse(String rest, int line) {
    if (rest.isEmpty()) {
      return new Allow(Set.of(), "", line, "names no rule id");
    }
    int sp = 0;
    while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
      sp++;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : rest.substring(0, sp).split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    String reason = rest.substring(sp).strip();
    for (String id : ids) {
      if (Rules.find(id).isEmpty()) {
        return new Allow(ids, reason, line, "names the unknown rule '" + id + "'");
      }
    }
    if (reason.isEmpty()) {
      return new Allow(ids, reason, line, "gives no reason");
    }
    return new Allow(ids, reason, line, null);
  }

  static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static int offset(int[] lineStarts, int line, int column) {
    if (line - 1 >= lineStarts.length) {
      return -1;
    }
    return lineStarts[line - 1] + column - 1;
  }

  static int lineOf(int[] lineStarts, int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }
}
