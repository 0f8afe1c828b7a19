package dev.godwit.lint.rules;

import java.util.Locale;

/** PostgreSQL's table lock modes, weakest first. */
enum PgLock {
  ACCESS_SHARE,
  ROW_SHARE,
  ROW_EXCLUSIVE,
  SHARE_UPDATE_EXCLUSIVE,
  SHARE,
  SHARE_ROW_EXCLUSIVE,
  EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  boolean atLeast(PgLock o) {
    return compareTo(o) >= 0;
  }

  /** As the documentation writes it: ACCESS EXCLUSIVE. */
  String label() {
    return name().replace('_', ' ');
  }

  /** As pg_locks.mode shows it: AccessExclusiveLock. */
  String pgLocksMode() {
    StringBuilder b = new StringBuilder();
    for (String part : name().split("_")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.append("Lock").toString();
  }

  static PgLock max(PgLock a, PgLock b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
