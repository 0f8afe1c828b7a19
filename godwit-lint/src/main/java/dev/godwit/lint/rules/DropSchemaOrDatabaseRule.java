package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;

/** {@code drop-schema-or-database}: DROP SCHEMA / DROP DATABASE in an application migration. */
final class DropSchemaOrDatabaseRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "drop-schema-or-database",
          Dialects.PG_MY,
          Severity.ERROR,
          false,
          true,
          "DROP SCHEMA (above all with CASCADE) or DROP DATABASE in a migration.");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    if (!(ctx.parsed() instanceof Parsed.DropSchema d)) {
      return;
    }
    for (Name n : d.names()) {
      if (ctx.createdSchemas.contains(n.key())) {
        continue;
      }
      String kind = d.kind().toUpperCase(java.util.Locale.ROOT);
      ctx.report(
          INFO,
          null,
          "DROP "
              + kind
              + " "
              + n
              + " destroys every object in it"
              + (d.cascade() ? " (CASCADE: and everything that depends on them)" : "")
              + ": all their data is lost and every application using it fails at once.",
          "Do not drop schemas or databases in application migrations.",
          "Do it by hand, after a backup, once nothing uses it.");
      return;
    }
  }
}
