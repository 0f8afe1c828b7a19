package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code drop-table}: dropping a table breaks code that uses it and locks its FK targets. */
final class DropTableRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "drop-table",
          Dialects.ALL,
          Severity.WARN,
          false,
          true,
          "DROP TABLE of an existing table in an up migration (table swaps exempt): deployed code"
              + " breaks; ACCESS EXCLUSIVE on the table and every table it references. Only info in a"
              + " post-deploy migration (-- godwit:phase post); in a pre-deploy one the recipe moves"
              + " it there.");

  private Set<String> taken;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (ctx.input.down() || !(ctx.parsed() instanceof Parsed.DropTable d)) {
      return;
    }
    List<Name> dropped = new ArrayList<>();
    Set<String> targets = new TreeSet<>();
    for (Name table : d.tables()) {
      if (ctx.isNew(table)) {
        continue;
      }
      if (taken == null) {
        taken = Swaps.namesTakenByNewTables(ctx);
      }
      if (Swaps.isSwapped(ctx, taken, table)) {
        continue;
      }
      dropped.add(table);
      Schema.Table info = ctx.table(table);
      if (info != null) {
        targets.addAll(info.fkTargets);
      }
    }
    if (dropped.isEmpty()) {
      return;
    }
    String names = dropped.stream().map(Name::toString).collect(Collectors.joining(", "));
    String lock = "";
    if (ctx.pg()) {
      lock =
          targets.isEmpty()
              ? " PostgreSQL locks it ACCESS EXCLUSIVE, and also every table it references (to drop"
                  + " their foreign-key triggers), so a busy referenced table stalls too."
              : " PostgreSQL locks it ACCESS EXCLUSIVE, and also "
                  + String.join(", ", targets)
                  + ", the tables it references (to drop their foreign-key triggers).";
    }
    ctx.report(
        INFO,
        ctx.postPhase() ? Severity.INFO : null,
        null,
        (ctx.postPhase() ? DropColumnRule.POST_PHASE_NOTE.replace("the column", "the table") : "")
            + "Dropping "
            + (dropped.size() == 1 ? "the table " : "the tables ")
            + names
            + " breaks any deployed code that still uses "
            + (dropped.size() == 1 ? "it" : "them")
            + ", and the data is lost for good."
            + lock
            + (d.cascade()
                ? " CASCADE also drops the views and constraints that depend on it."
                : ""),
        ctx.contract(
            "Release 1: remove every use of " + names + " from the code.",
            "If it references busy tables, drop its foreign keys first (short lock_timeout, with"
                + " retries).",
            "Release 2: drop the table; back it up first if the data may be needed, and confirm"
                + " with -- godwit:allow drop-table <reason>."));
  }
}
