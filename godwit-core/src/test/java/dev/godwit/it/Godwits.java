package dev.godwit.it;

import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import java.nio.file.Path;
import java.sql.SQLException;

/** Godwit pointed at a test database by another way in (a fault proxy), and its lock's state. */
final class Godwits {
  private Godwits() {}

  /** Godwit for {@code db}'s migrations in {@code migrations}, connecting to {@code url}. */
  static GodwitConfig.Builder at(TestDatabase db, String url, Path migrations) {
    return Godwit.configure()
        .url(url, db.user(), db.password())
        .locations("filesystem:" + migrations);
  }

  /**
   * Whether any session holds Godwit's migration lock on {@code db} (a stale lock, after a run).
   */
  static boolean lockHeld(TestDatabase db) throws SQLException {
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      return !"0"
          .equals(
              db.query(
                  "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND"
                      + " database = (SELECT oid FROM pg_database WHERE datname ="
                      + " current_database())"));
    }
    // Flyway's lock name, which Godwit shares: "Flyway-" and the hash of the quoted table.
    String catalog = db.query("SELECT DATABASE()");
    String name = "Flyway-" + ("`" + catalog + "`.`godwit_schema_history`").hashCode();
    return db.query("SELECT IS_USED_LOCK('" + name + "')") != null;
  }
}
