package dev.godwit.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Immutable flag sets, one per combination, built once. {@link Statement} copies its flags with
 * {@link Set#copyOf}, which returns an immutable set as is but hashes anything else: sharing these
 * keeps a script of millions of statements from building a hash set per statement.
 */
final class Flags {
  private static final StatementFlag[] ALL = StatementFlag.values();
  private static final List<Set<StatementFlag>> SETS = build();

  private Flags() {}

  private static List<Set<StatementFlag>> build() {
    List<Set<StatementFlag>> sets = new ArrayList<>();
    for (int mask = 0; mask < 1 << ALL.length; mask++) {
      EnumSet<StatementFlag> s = EnumSet.noneOf(StatementFlag.class);
      for (StatementFlag f : ALL) {
        if ((mask & bit(f)) != 0) {
          s.add(f);
        }
      }
      sets.add(Set.copyOf(s));
    }
    return List.copyOf(sets);
  }

  static int bit(StatementFlag f) {
    return 1 << f.ordinal();
  }

  /** The shared set holding the flags whose {@link #bit}s are set in {@code mask}. */
  static Set<StatementFlag> of(int mask) {
    return SETS.get(mask);
  }
}
