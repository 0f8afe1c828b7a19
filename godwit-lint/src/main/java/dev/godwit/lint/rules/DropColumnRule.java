package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code drop-column}: dropping a column breaks deployed code that still reads it. */
final class DropColumnRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "drop-column",
          Dialects.ALL,
          Severity.WARN,
          false,
          true,
          "DROP COLUMN of an existing column in an up migration: deployed code (and ORM column"
              + " caches) may still use it; the data is gone. Only info in a post-deploy migration"
              + " (-- godwit:phase post); in a pre-deploy one the recipe moves it there.");

  /** Why a drop in a post-deploy migration is only info. */
  static final String POST_PHASE_NOTE =
      "Post-deploy migration: every instance runs the new code by now, so only code that still"
          + " names the column breaks. ";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (ctx.input.down()
        || !(ctx.parsed() instanceof Parsed.AlterTable a)
        || ctx.isNew(a.table())) {
      return;
    }
    for (Action action : a.actions()) {
      if (!(action instanceof Action.DropColumn d) || ctx.isNewColumn(a.table(), d.column())) {
        continue;
      }
      String t = a.table().toString();
      String lock;
      if (ctx.pg()) {
        lock =
            "It takes a brief ACCESS EXCLUSIVE lock (catalog only) and drops the indexes and"
                + " constraints on the column too.";
      } else if (ctx.sqlite()) {
        lock =
            "SQLite rewrites the whole table content, and refuses PRIMARY KEY, UNIQUE, indexed"
                + " or referenced columns.";
      } else {
        lock =
            ctx.atLeast(8, 0, 29)
                ? "MySQL 8.0.29+ drops it instantly."
                : "Before MySQL" + " 8.0.29 this rebuilds the table in place.";
      }
      ctx.report(
          INFO,
          ctx.postPhase() ? Severity.INFO : null,
          null,
          (ctx.postPhase() ? POST_PHASE_NOTE : "")
              + "Dropping "
              + t
              + "."
              + d.column()
              + " breaks any deployed code that still reads or"
              + " writes it (ORMs such as Hibernate or Rails cache the column list and fail as soon"
              + " as it disappears), and the data is lost for good. "
              + lock,
          ctx.contract(
              "Release 1: stop using the column in code (and mark it ignored in the ORM).",
              "Release 2: drop it in a post-deploy migration, with a short lock_timeout.",
              "Back up or archive the data first if it may be needed; confirm with -- godwit:allow"
                  + " drop-column <reason> once no code uses it."));
    }
  }
}
