package dev.godwit.lint.rules;

import dev.godwit.sql.SqlDialect;
import java.util.EnumSet;
import java.util.Set;

/** The dialect sets of the catalog's summary table. */
final class Dialects {
  private Dialects() {}

  static final Set<SqlDialect> PG = EnumSet.of(SqlDialect.POSTGRES);
  static final Set<SqlDialect> MY = EnumSet.of(SqlDialect.MYSQL, SqlDialect.MARIADB);
  static final Set<SqlDialect> SL = EnumSet.of(SqlDialect.SQLITE);
  static final Set<SqlDialect> PG_MY =
      EnumSet.of(SqlDialect.POSTGRES, SqlDialect.MYSQL, SqlDialect.MARIADB);
  static final Set<SqlDialect> PG_SL = EnumSet.of(SqlDialect.POSTGRES, SqlDialect.SQLITE);

  /** Every dialect the linter has rules for: not H2. */
  static final Set<SqlDialect> ALL =
      EnumSet.of(SqlDialect.POSTGRES, SqlDialect.MYSQL, SqlDialect.MARIADB, SqlDialect.SQLITE);
}
