package dev.godwit.lint.rules;

import dev.godwit.lint.RuleInfo;
import dev.godwit.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code prefer-bigint-over-int}: a 32-bit primary or foreign key runs out at 2,147,483,647, and
 * widening it later rewrites the table and every table that references it.
 */
final class PreferBigintOverIntRule implements Rule {
  static final RuleInfo INFO =
      new RuleInfo(
          "prefer-bigint-over-int",
          Dialects.PG_MY,
          Severity.WARN,
          false,
          false,
          "A primary or foreign key column of a 32-bit (or smaller) integer type, serial included:"
              + " it runs out of values, and widening it later rewrites the table. Opt-in.");

  /** PostgreSQL's canonical names and MySQL's, signed or not. */
  private static final Set<String> SMALL =
      Set.of(
          "int4",
          "int2",
          "serial",
          "smallserial",
          "int",
          "int unsigned",
          "mediumint",
          "mediumint unsigned",
          "smallint",
          "smallint unsigned",
          "tinyint",
          "tinyint unsigned");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Ctx ctx) {
    List<String> keys = new ArrayList<>();
    Name table = null;
    for (DefinedColumns.Column c : DefinedColumns.of(ctx.parsed())) {
      if ((c.primaryKey() || c.foreignKey())
          && !c.type().array()
          && SMALL.contains(c.type().base())) {
        keys.add(c.column() + " " + c.type());
        table = c.table();
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    ctx.report(
        INFO,
        null,
        "The key column"
            + (keys.size() == 1 ? " " : "s ")
            + String.join(", ", keys)
            + " of "
            + table
            + (keys.size() == 1 ? " is" : " are")
            + " a 32-bit or smaller integer: it stops at 2,147,483,647 (less for smaller types),"
            + " and changing the type later rewrites the table and every table whose foreign key"
            + " points at it.",
        ctx.pg()
            ? "Use bigint (or bigint GENERATED ... AS IDENTITY) for primary keys and for the"
                + " foreign keys that reference them."
            : "Use BIGINT (BIGINT UNSIGNED AUTO_INCREMENT) for primary keys and for the foreign"
                + " keys that reference them.");
  }
}
