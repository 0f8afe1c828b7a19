package dev.godwit.cli;

import dev.godwit.api.PlanResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** How plan shows a migration's lock policy: one line of text, or a JSON object. */
final class LockPolicyText {
  private LockPolicyText() {}

  static Map<String, Object> json(PlanResult.LockPolicy l) {
    if (l == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lockTimeoutMs", l.lockTimeoutMs());
    m.put("lockRetries", l.retries());
    m.put("retryUnit", l.retryUnit());
    m.put("backoff", l.backoff());
    m.put("statementTimeoutMs", l.statementTimeoutMs());
    m.put("sql", l.sql());
    m.put("source", l.source());
    return m;
  }

  /** One line: "lock_timeout 500ms, up to 30 retries of the whole migration (...)". */
  static String line(PlanResult.LockPolicy l) {
    String retries =
        l.retries() == 0
            ? "no retries"
            : "up to "
                + l.retries()
                + (l.retries() == 1 ? " retry of " : " retries of ")
                + (l.retryUnit().equals("migration")
                    ? "the whole migration"
                    : "the statement that timed out")
                + " (pauses "
                + l.backoff()
                + ")";
    return "lock_timeout "
        + millis(l.lockTimeoutMs())
        + ", "
        + retries
        + ", statement_timeout "
        + millis(l.statementTimeoutMs())
        + " ["
        + l.source()
        + "]";
  }

  private static String millis(long ms) {
    return ms == 0 ? "off" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
