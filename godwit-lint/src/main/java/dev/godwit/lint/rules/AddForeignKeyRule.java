package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code add-foreign-key}: adding a validated FK scans the table and blocks writes on both. */
final class AddForeignKeyRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "add-foreign-key",
          Dialects.PG_MY,
          Severity.ERROR,
          true,
          true,
          "ADD FOREIGN KEY without NOT VALID (or ADD COLUMN ... REFERENCES) on an existing table:"
              + " SHARE ROW EXCLUSIVE on both tables during a scan; MySQL COPY.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.AlterTable a) || ctx.isNew(a.table())) {
      return;
    }
    for (Action action : a.actions()) {
      Name target = null;
      boolean inline = false;
      if (action instanceof Action.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
          && !ac.constraint().notValid()) {
        target = ac.constraint().references();
      } else if (action instanceof Action.AddColumn add
          && add.column().references() != null
          && ctx.pg()) {
        // MySQL parses and ignores inline REFERENCES in a column definition.
        target = add.column().references();
        inline = true;
      } else {
        continue;
      }
      String t = a.table().toString();
      String ref = target == null ? "the referenced table" : target.toString();
      if (ctx.pg()) {
        ctx.report(
            INFO,
            a.table(),
            "Adding a foreign key from "
                + t
                + " to "
                + ref
                + " takes SHARE ROW EXCLUSIVE locks on"
                + " both tables and keeps them while every row of "
                + t
                + " is checked: writes to"
                + " both tables are blocked for the whole scan"
                + (inline
                    ? " (and ADD COLUMN ... REFERENCES also takes ACCESS EXCLUSIVE on " + t + ")."
                    : "."),
            (inline ? "Add the column first without REFERENCES; then add" : "Add")
                + " the constraint as NOT VALID: ALTER TABLE "
                + t
                + " ADD CONSTRAINT name FOREIGN KEY (...) REFERENCES "
                + ref
                + " (...) NOT VALID; (no scan).",
            "In a later migration: ALTER TABLE "
                + t
                + " VALIDATE CONSTRAINT name; (SHARE UPDATE"
                + " EXCLUSIVE on "
                + t
                + ", ROW SHARE on "
                + ref
                + ": writes continue).",
            "Index the referencing column first, concurrently: deletes and cascades on "
                + ref
                + " need it.");
      } else {
        if (ctx.foreignKeyChecksOff) {
          continue;
        }
        ctx.report(
            INFO,
            a.table(),
            "Adding a foreign key to "
                + t
                + " while foreign_key_checks=1 can only run with"
                + " ALGORITHM=COPY: MySQL copies "
                + t
                + " with writes blocked, checking every"
                + " row.",
            "If the data is known to be clean, run SET foreign_key_checks = 0 before the ALTER"
                + " (in-place, no validation) and SET foreign_key_checks = 1 after it.",
            "Do not do that through a connection pooler that shares sessions.");
      }
    }
  }
}
