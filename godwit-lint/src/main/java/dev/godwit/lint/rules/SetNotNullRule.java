package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code set-not-null}: SET NOT NULL scans the table under ACCESS EXCLUSIVE. */
final class SetNotNullRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "set-not-null",
          Dialects.PG,
          Severity.ERROR,
          true,
          true,
          "ALTER COLUMN ... SET NOT NULL on an existing column without a validated CHECK (col IS"
              + " NOT NULL): full scan under ACCESS EXCLUSIVE. On a column the same migration adds,"
              + " a pre-deploy migration breaks the old code's INSERTs: the recipe moves it to a"
              + " post-deploy one.");

  /**
   * A column this migration added: no scan to speak of, but in a pre-deploy migration the old code,
   * which does not know the column, still inserts rows without it, and they fail.
   */
  private static void newColumn(Ctx ctx, Parsed.AlterTable a, String c) {
    if (ctx.postPhase()) {
      return;
    }
    String t = a.table().toString();
    ctx.report(
        INFO,
        Severity.WARN,
        null,
        "SET NOT NULL on "
            + t
            + "."
            + c
            + ", which this migration adds: the old code still running during the deploy does"
            + " not write "
            + c
            + ", so its INSERTs into "
            + t
            + " fail from the moment this commits.",
        ctx.contract(
            "Pre-deploy: add " + c + " nullable; deploy code that writes it.",
            "Backfill the existing rows in batches (-- godwit:batch above the UPDATE).",
            "Post-deploy: add CHECK ("
                + c
                + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL."));
  }

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
      if (!(action instanceof Action.SetNotNull s)) {
        continue;
      }
      // A column added to this old table earlier in the file is not new for the scan (it reads
      // every old row); it gets its own finding, since the code still running cannot write it.
      if (ctx.isNewColumn(a.table(), s.column())) {
        newColumn(ctx, a, s.column());
        continue;
      }
      if (ctx.pgAtLeast(12) && ctx.schema.provenNotNull(a.table(), s.column())) {
        continue;
      }
      String c = s.column();
      String t = a.table().toString();
      if (ctx.pgAtLeast(12)) {
        ctx.report(
            INFO,
            a.table(),
            "ALTER TABLE "
                + t
                + " ALTER COLUMN "
                + c
                + " SET NOT NULL scans the whole table to"
                + " prove there is no NULL, holding an ACCESS EXCLUSIVE lock: no reads or writes on "
                + t
                + " until the scan ends. No validated CHECK ("
                + c
                + " IS NOT NULL) is known"
                + " that would let PostgreSQL skip the scan.",
            "Migration 1: ALTER TABLE "
                + t
                + " ADD CONSTRAINT "
                + c
                + "_not_null CHECK ("
                + c
                + " IS NOT NULL) NOT VALID; (instant).",
            "Backfill the NULLs in batches.",
            "Migration 2: ALTER TABLE "
                + t
                + " VALIDATE CONSTRAINT "
                + c
                + "_not_null; (SHARE UPDATE EXCLUSIVE: reads and writes continue).",
            "Then ALTER TABLE "
                + t
                + " ALTER COLUMN "
                + c
                + " SET NOT NULL; (instant now: the"
                + " validated check proves it).",
            "Then ALTER TABLE " + t + " DROP CONSTRAINT " + c + "_not_null;");
      } else {
        ctx.report(
            INFO,
            a.table(),
            "ALTER TABLE "
                + t
                + " ALTER COLUMN "
                + c
                + " SET NOT NULL scans the whole table under"
                + " an ACCESS EXCLUSIVE lock: no reads or writes on "
                + t
                + " until the scan ends."
                + " PostgreSQL "
                + ctx.version
                + " always scans (only 12+ can use a validated CHECK"
                + " to skip it).",
            "Add CHECK ("
                + c
                + " IS NOT NULL) NOT VALID, backfill, then VALIDATE CONSTRAINT in a"
                + " later migration.",
            "Keep the CHECK as the enforcement instead of SET NOT NULL until you run PostgreSQL"
                + " 12+.");
      }
    }
  }
}
