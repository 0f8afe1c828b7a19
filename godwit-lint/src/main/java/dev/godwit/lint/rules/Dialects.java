package dev.godwit.lint.rules;

import dev.godwit.lint.LintDialect;
import java.util.EnumSet;
import java.util.Set;

/** The dialect sets of the catalog's summary table. */
final class Dialects {
  private Dialects() {}

  static final Set<LintDialect> PG = EnumSet.of(LintDialect.POSTGRES);
  static final Set<LintDialect> MY = EnumSet.of(LintDialect.MYSQL, LintDialect.MARIADB);
  static final Set<LintDialect> SL = EnumSet.of(LintDialect.SQLITE);
  static final Set<LintDialect> PG_MY =
      EnumSet.of(LintDialect.POSTGRES, LintDialect.MYSQL, LintDialect.MARIADB);
  static final Set<LintDialect> PG_SL = EnumSet.of(LintDialect.POSTGRES, LintDialect.SQLITE);
  static final Set<LintDialect> ALL = EnumSet.allOf(LintDialect.class);
}
