package dev.godwit.lint.rules;

import java.util.HashSet;
import java.util.Set;

/**
 * The table-swap pattern: a table created in this file takes the name of an existing table that the
 * file drops or renames away (SQLite's 12-step rebuild, shadow-table migrations). Renaming or
 * dropping the old table is then part of the swap, not a break for deployed code.
 */
final class Swaps {
  private Swaps() {}

  /** The names that a table created in this file ends up taking through a rename. */
  static Set<String> namesTakenByNewTables(Ctx ctx) {
    Set<String> created = new HashSet<>();
    Set<String> taken = new HashSet<>();
    for (Stmt s : ctx.statements) {
      Parsed p = s.parsed();
      if (p instanceof Parsed.CreateTable ct) {
        created.add(ct.table().key());
      } else if (p instanceof Parsed.AlterTable a) {
        for (Action action : a.actions()) {
          if (action instanceof Action.RenameTable r && r.to() != null) {
            rename(created, taken, a.table().key(), r.to().key());
          }
        }
      } else if (p instanceof Parsed.RenameTables rt) {
        for (int i = 0; i < rt.from().size(); i++) {
          if (rt.to().get(i) != null) {
            rename(created, taken, rt.from().get(i).key(), rt.to().get(i).key());
          }
        }
      }
    }
    return taken;
  }

  private static void rename(Set<String> created, Set<String> taken, String from, String to) {
    if (created.remove(from)) {
      created.add(to);
      taken.add(to);
    }
  }

  /** Whether renaming or dropping {@code table} is part of a swap. */
  static boolean isSwapped(Ctx ctx, Set<String> taken, Name table) {
    String origin = ctx.renamedFrom.getOrDefault(table.key(), table.key());
    return taken.contains(origin) || taken.contains(table.key());
  }
}
