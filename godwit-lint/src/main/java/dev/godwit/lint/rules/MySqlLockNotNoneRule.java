package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code mysql-lock-not-none}: LOCK=SHARED/EXCLUSIVE, FULLTEXT and SPATIAL indexes. */
final class MySqlLockNotNoneRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mysql-lock-not-none",
          Dialects.MY,
          Severity.WARN,
          true,
          true,
          "LOCK=SHARED or LOCK=EXCLUSIVE, or a FULLTEXT/SPATIAL index on an existing table: writes"
              + " (or reads and writes) blocked during the ALTER.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    Parsed p = ctx.parsed();
    Name table = null;
    String what = null;
    String lock = null;
    if (p instanceof Parsed.CreateIndex ci && !ctx.isNew(ci.table())) {
      table = ci.table();
      lock = ci.lock();
      what = ci.kind() == null ? null : ci.kind().toUpperCase(java.util.Locale.ROOT) + " index";
    } else if (p instanceof Parsed.DropIndex di && di.table() != null && !ctx.isNew(di.table())) {
      table = di.table();
      lock = di.lock();
    } else if (p instanceof Parsed.AlterTable a && !ctx.isNew(a.table())) {
      table = a.table();
      for (Action action : a.actions()) {
        if (action instanceof Action.MySqlOption o && o.key().equals("lock")) {
          lock = o.value();
        } else if (action instanceof Action.AddConstraint ac
            && (ac.constraint().kind() == ConstraintDef.Kind.FULLTEXT
                || ac.constraint().kind() == ConstraintDef.Kind.SPATIAL)) {
          what = ac.constraint().kind().name() + " index";
        }
      }
    }
    if (table == null) {
      return;
    }
    if ("shared".equals(lock) || "exclusive".equals(lock)) {
      boolean exclusive = lock.equals("exclusive");
      ctx.report(
          INFO,
          table,
          "LOCK="
              + lock.toUpperCase(java.util.Locale.ROOT)
              + " on "
              + table
              + " blocks "
              + (exclusive ? "reads and writes" : "writes")
              + " for the whole ALTER.",
          "Omit the LOCK clause or write LOCK=NONE, so concurrent reads and writes continue (MySQL"
              + " refuses if the operation cannot allow them).");
    } else if (what != null) {
      ctx.report(
          INFO,
          table,
          "Adding a "
              + what
              + " to "
              + table
              + " needs at least a shared lock: writes to "
              + table
              + " are blocked while it is built"
              + (what.startsWith("FULLTEXT")
                  ? " (the first FULLTEXT index also rebuilds the" + " table)."
                  : "."),
          "Schedule the change for a quiet time, or use an online schema-change tool (gh-ost,"
              + " pt-online-schema-change).");
    }
  }
}
