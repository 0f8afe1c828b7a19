package dev.godwit.internal;

/**
 * A test seam for the kill tests: the system property {@code godwit.test.halt} makes the process
 * halt (as {@code kill -9} would: no shutdown hooks, no rollback, sockets just close) at one point
 * of a migration without a transaction, which a timed kill hits only by luck. Its value is {@code
 * before:<script>:<k>} (statement k-1 recorded as done, k's intent not yet written), {@code
 * started:<script>:<k>} (k's intent recorded, k not yet run) or {@code after:<script>:<k>} (k
 * committed, its completion not yet recorded). Read once; unset in production, where each check is
 * one comparison with null.
 */
final class KillPoint {
  private static final String HALT = System.getProperty("godwit.test.halt");

  private KillPoint() {}

  static void before(String script, int statement) {
    check("before:", script, statement);
  }

  static void started(String script, int statement) {
    check("started:", script, statement);
  }

  static void after(String script, int statement) {
    check("after:", script, statement);
  }

  private static void check(String when, String script, int statement) {
    if (HALT != null && HALT.equals(when + script + ":" + statement)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
