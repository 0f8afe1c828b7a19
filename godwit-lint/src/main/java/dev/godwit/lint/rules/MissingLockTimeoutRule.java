package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.Map;

/** {@code missing-lock-timeout}: a strong lock requested with no lock timeout set (opt-in). */
final class MissingLockTimeoutRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "missing-lock-timeout",
          Dialects.PG_MY,
          Severity.WARN,
          false,
          false,
          "A lock of SHARE or stronger (MySQL: any ALTER/DROP/RENAME) on an existing table with no"
              + " lock_timeout / lock_wait_timeout set earlier in the file. Opt-in.");

  private boolean reported;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (reported || ctx.lockTimeoutSet) {
      return;
    }
    Name table = ctx.pg() ? pgTable(ctx) : mysqlTable(ctx);
    if (table == null) {
      return;
    }
    reported = true;
    if (ctx.pg()) {
      ctx.report(
          INFO,
          null,
          "This statement locks "
              + table
              + " in SHARE mode or stronger, and no lock_timeout is"
              + " set before it. If it has to wait for the lock (behind a long query or an idle"
              + " transaction), every later query on "
              + table
              + " queues behind it and the"
              + " application stalls.",
          "Start the migration with SET lock_timeout = '2s'; (or have the runner set it on the"
              + " session or role).",
          "Retry the migration with back-off when it fails with SQLSTATE 55P03.");
    } else {
      ctx.report(
          INFO,
          null,
          "This statement needs the exclusive metadata lock on "
              + table
              + ", and"
              + " lock_wait_timeout is not set (the default is one year). While it waits behind an"
              + " open transaction, every later query on "
              + table
              + " queues behind it.",
          "Start the migration with SET SESSION lock_wait_timeout = 5;"
              + (ctx.dialect == SqlDialect.MARIADB ? " (MariaDB: or ALTER TABLE ... WAIT 5)." : ""),
          "Retry with back-off on error 1205.");
    }
  }

  private static Name pgTable(Ctx ctx) {
    Map<String, PgLock> locks = Locks.of(ctx.parsed(), ctx);
    for (Map.Entry<String, PgLock> e : locks.entrySet()) {
      Name n = new Name(null, e.getKey());
      if (e.getValue().atLeast(PgLock.SHARE) && !ctx.isNew(n)) {
        return n;
      }
    }
    return null;
  }

  private static Name mysqlTable(Ctx ctx) {
    for (Token t : ctx.stmt().tokens()) {
      if (t.is("nowait") || t.is("wait")) {
        return null;
      }
    }
    Parsed p = ctx.parsed();
    Name n = null;
    if (p instanceof Parsed.AlterTable a) {
      n = a.table();
    } else if (p instanceof Parsed.DropTable d) {
      n = d.tables().get(0);
    } else if (p instanceof Parsed.RenameTables r) {
      n = r.from().get(0);
    } else if (p instanceof Parsed.CreateIndex ci) {
      n = ci.table();
    } else if (p instanceof Parsed.DropIndex di) {
      n = di.table();
    } else if (p instanceof Parsed.Truncate t && !t.tables().isEmpty()) {
      n = t.tables().get(0);
    }
    return n == null || ctx.isNew(n) ? null : n;
  }
}
