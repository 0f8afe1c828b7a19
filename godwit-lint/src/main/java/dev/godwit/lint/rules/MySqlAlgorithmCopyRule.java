package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code mysql-algorithm-copy}: ALGORITHM=COPY and the operations only COPY can run. */
final class MySqlAlgorithmCopyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mysql-algorithm-copy",
          Dialects.MY,
          Severity.ERROR,
          true,
          true,
          "ALGORITHM=COPY, CONVERT TO CHARACTER SET, DROP PRIMARY KEY without ADD PRIMARY KEY,"
              + " partitioning changes: full table copy with writes blocked.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    Parsed p = ctx.parsed();
    if (p instanceof Parsed.CreateIndex ci
        && "copy".equals(ci.algorithm())
        && !ctx.isNew(ci.table())) {
      report(ctx, ci.table(), "CREATE INDEX ... ALGORITHM=COPY");
      return;
    }
    if (!(p instanceof Parsed.AlterTable a) || ctx.isNew(a.table())) {
      return;
    }
    boolean addsPk = false;
    for (Action action : a.actions()) {
      addsPk |=
          action instanceof Action.AddConstraint ac
              && ac.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY;
    }
    for (Action action : a.actions()) {
      String what = null;
      if (action instanceof Action.MySqlOption o
          && o.key().equals("algorithm")
          && o.value().equals("copy")) {
        what = "ALGORITHM=COPY";
      } else if (action instanceof Action.ConvertCharset c) {
        what = "CONVERT TO CHARACTER SET " + c.charset();
      } else if (action instanceof Action.DropPrimaryKey && !addsPk) {
        what = "DROP PRIMARY KEY without ADD PRIMARY KEY";
      } else if (action instanceof Action.Partitioning part) {
        what = part.what();
      }
      if (what != null) {
        report(ctx, a.table(), what);
        return;
      }
    }
  }

  private static void report(Ctx ctx, Name table, String what) {
    ctx.report(
        INFO,
        table,
        what
            + " on "
            + table
            + " runs with ALGORITHM=COPY: MySQL builds a new copy of the table"
            + " row by row while writes to "
            + table
            + " are blocked, for time proportional to its"
            + " size.",
        "Use the default algorithm, or INPLACE/INSTANT where the operation allows it; write"
            + " ALGORITHM=INPLACE, LOCK=NONE so MySQL refuses instead of silently copying.",
        "For operations that truly need COPY, use an online schema-change tool (gh-ost,"
            + " pt-online-schema-change) or a maintenance window.");
  }
}
