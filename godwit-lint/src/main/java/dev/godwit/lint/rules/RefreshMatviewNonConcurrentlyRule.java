package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code refresh-matview-non-concurrently}: REFRESH MATERIALIZED VIEW blocks its readers. */
final class RefreshMatviewNonConcurrentlyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "refresh-matview-non-concurrently",
          Dialects.PG,
          Severity.WARN,
          true,
          true,
          "REFRESH MATERIALIZED VIEW without CONCURRENTLY: ACCESS EXCLUSIVE on the view, readers"
              + " blocked for the whole recomputation.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.RefreshMatview r) || r.concurrently()) {
      return;
    }
    if (ctx.isNew(r.view())) {
      return;
    }
    ctx.report(
        INFO,
        r.view(),
        "REFRESH MATERIALIZED VIEW "
            + r.view()
            + " without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view while its query"
            + " runs again: every SELECT on "
            + r.view()
            + " blocks until the refresh commits.",
        "Create a unique index on the view once (CREATE UNIQUE INDEX CONCURRENTLY ... ON "
            + r.view()
            + " (...)).",
        "Then write REFRESH MATERIALIZED VIEW CONCURRENTLY "
            + r.view()
            + ": it takes EXCLUSIVE, so reads continue (allowed inside a transaction; the view must"
            + " have been populated once).");
  }
}
