package dev.godwit.sql;

import static dev.godwit.sql.Kw.*;

/**
 * The PostgreSQL statements that cannot run inside a transaction block, by their leading keywords:
 * the one list of them in Godwit. The runner reads the flag to run such a migration without a
 * transaction; the linter reads the reason for its message.
 *
 * <p>The names are those the linter's statement-not-allowed-in-transaction messages use; most are
 * PostgreSQL's own ({@code PreventInTransactionBlock} calls in {@code utility.c}, {@code vacuum.c},
 * {@code indexcmds.c}...).
 */
final class PostgresNonTransactional {
  private PostgresNonTransactional() {}

  /** Why the statement cannot run in a transaction, or null when it can. */
  static String reason(StatementInfo s, Kw w0, Kw w1) {
    Kw w2 = s.word(2);
    return switch (w0) {
      case CREATE -> create(w1, w2, s.word(3));
      case DROP -> drop(w1, w2);
      case ALTER -> alter(s, w1);
      case REINDEX -> reindex(s, w1);
      case VACUUM -> "VACUUM";
      case DISCARD -> w1 == ALL ? "DISCARD ALL" : null;
      case COMMIT -> w1 == PREPARED ? "COMMIT PREPARED" : null;
      case ROLLBACK -> w1 == PREPARED ? "ROLLBACK PREPARED" : null;
      default -> null;
    };
  }

  private static String create(Kw w1, Kw w2, Kw w3) {
    if ((w1 == INDEX && w2 == CONCURRENTLY)
        || (w1 == UNIQUE && w2 == INDEX && w3 == CONCURRENTLY)) {
      return "CREATE INDEX CONCURRENTLY";
    }
    return w1 == DATABASE
        ? "CREATE DATABASE"
        : w1 == TABLESPACE
            ? "CREATE TABLESPACE"
            // With its default create_slot = true; without a slot it could, but that is rare.
            : w1 == SUBSCRIPTION ? "CREATE SUBSCRIPTION" : null;
  }

  private static String drop(Kw w1, Kw w2) {
    if (w1 == INDEX && w2 == CONCURRENTLY) {
      return "DROP INDEX CONCURRENTLY";
    }
    return w1 == DATABASE
        ? "DROP DATABASE"
        : w1 == TABLESPACE ? "DROP TABLESPACE" : w1 == SUBSCRIPTION ? "DROP SUBSCRIPTION" : null;
  }

  private static String alter(StatementInfo s, Kw w1) {
    if (w1 == SYSTEM) {
      return "ALTER SYSTEM";
    }
    if (w1 == TABLE && s.detachConcurrently()) {
      return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
    }
    // Before 12, a new enum value could not be added inside a transaction at all.
    int version = s.serverMajorVersion();
    if (w1 == TYPE && version > 0 && version < 12 && s.hasSequence(ADD, VALUE)) {
      return "ALTER TYPE ... ADD VALUE before PostgreSQL 12";
    }
    return null;
  }

  private static String reindex(StatementInfo s, Kw w1) {
    if (s.has(CONCURRENTLY) || s.reindexConcurrently()) {
      return "REINDEX CONCURRENTLY";
    }
    return w1 == SCHEMA
        ? "REINDEX SCHEMA"
        : w1 == DATABASE ? "REINDEX DATABASE" : w1 == SYSTEM ? "REINDEX SYSTEM" : null;
  }
}
