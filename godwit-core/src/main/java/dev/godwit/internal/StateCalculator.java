package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the history rows against the resolved migrations and gives each its state, following
 * Flyway's rules. Linear in rows plus migrations: every lookup is a hash map.
 */
final class StateCalculator {

  /**
   * A line of the result.
   *
   * @param resolved the local migration, or null
   * @param row the history row, or null
   * @param state the state
   */
  record Entry(ResolvedMigration resolved, HistoryRow row, MigrationState state) {
    boolean repeatable() {
      return resolved != null ? resolved.isRepeatable() : row != null && row.version() == null;
    }
  }

  /**
   * The outcome.
   *
   * @param entries applied rows in rank order, then the rest in version order, then repeatables
   * @param pending what migrate would run, in run order
   * @param lastApplied the highest effectively applied version, or null
   */
  record States(
      List<Entry> entries, List<ResolvedMigration> pending, MigrationVersion lastApplied) {}

  private StateCalculator() {}

  static States compute(Resolution res, List<HistoryRow> rows, Target target, boolean outOfOrder) {
    Set<Integer> deleted = new HashSet<>();
    Set<Integer> undone = new HashSet<>();
    markHiddenRows(rows, deleted, undone);

    Map<MigrationVersion, ResolvedMigration> byVersion = new HashMap<>();
    res.versioned().forEach(m -> byVersion.put(m.version(), m));
    Map<MigrationVersion, ResolvedMigration> baselineFiles = new HashMap<>();
    res.baselines().forEach(m -> baselineFiles.put(m.version(), m));
    Map<String, ResolvedMigration> byDescription = new HashMap<>();
    res.repeatables().forEach(m -> byDescription.put(m.description(), m));

    MigrationVersion baseline = null;
    MigrationVersion lastApplied = null;
    Map<String, Integer> latestRepeatableRank = new HashMap<>();
    boolean anyVersionedApplied = false;
    for (HistoryRow r : rows) {
      if (deleted.contains(r.rank()) || r.type() == MigrationType.DELETE) {
        continue;
      }
      if (r.type().isBaseline() && r.version() != null) {
        baseline = r.parsedVersion();
      }
      if (r.version() == null) {
        if (r.type() == MigrationType.SQL || r.type() == MigrationType.JDBC) {
          latestRepeatableRank.put(r.description(), r.rank());
        }
        continue;
      }
      if (undone.contains(r.rank()) || r.type().isUndo() || r.type() == MigrationType.SCHEMA) {
        continue;
      }
      anyVersionedApplied = true;
      MigrationVersion v = r.parsedVersion();
      if (lastApplied == null || v.compareTo(lastApplied) > 0) {
        lastApplied = v;
      }
    }
    MigrationVersion lastResolved = res.latestVersion();

    List<Entry> entries = new ArrayList<>();
    Set<MigrationVersion> consumed = new HashSet<>();
    Set<String> consumedRepeatables = new HashSet<>();
    MigrationVersion highestSoFar = null;
    for (HistoryRow r : rows) {
      if (r.type() == MigrationType.DELETE) {
        continue;
      }
      if (deleted.contains(r.rank())) {
        entries.add(new Entry(null, r, MigrationState.DELETED));
        continue;
      }
      if (r.type() == MigrationType.SCHEMA || r.type().isUndo()) {
        entries.add(new Entry(null, r, MigrationState.SUCCESS));
        continue;
      }
      if (r.type() == MigrationType.BASELINE) {
        entries.add(new Entry(null, r, MigrationState.BASELINE));
        continue;
      }
      if (r.version() == null) {
        entries.add(repeatableEntry(r, byDescription, latestRepeatableRank, consumedRepeatables));
        continue;
      }
      MigrationVersion v = r.parsedVersion();
      ResolvedMigration file =
          r.type() == MigrationType.SQL_BASELINE ? baselineFiles.get(v) : byVersion.get(v);
      if (file != null && !sameKind(file.type(), r.type())) {
        file = null;
      }
      if (undone.contains(r.rank())) {
        entries.add(new Entry(file, r, MigrationState.UNDONE));
        continue;
      }
      boolean baselineRow =
          r.type() == MigrationType.SQL_BASELINE || r.type() == MigrationType.JDBC_BASELINE;
      if (file != null && !baselineRow) {
        consumed.add(v);
      }
      MigrationState state;
      if (baselineRow) {
        state = MigrationState.BASELINE;
      } else if (!r.success()) {
        state =
            file != null
                ? MigrationState.FAILED
                : lastResolved == null || v.compareTo(lastResolved) > 0
                    ? MigrationState.FUTURE_FAILED
                    : MigrationState.MISSING_FAILED;
      } else if (file == null) {
        state =
            lastResolved == null || v.compareTo(lastResolved) > 0
                ? MigrationState.FUTURE
                : MigrationState.MISSING;
      } else if (highestSoFar != null && v.compareTo(highestSoFar) < 0) {
        state = MigrationState.OUT_OF_ORDER;
      } else {
        state = MigrationState.SUCCESS;
      }
      if (highestSoFar == null || v.compareTo(highestSoFar) > 0) {
        highestSoFar = v;
      }
      entries.add(new Entry(file, r, state));
    }

    MigrationVersion bound = bound(target, lastApplied, res, consumed);
    List<ResolvedMigration> pending = new ArrayList<>();
    ResolvedMigration baselineMigration = null;
    if (!anyVersionedApplied && !res.baselines().isEmpty()) {
      for (ResolvedMigration b : res.baselines()) {
        if (bound == null || b.version().compareTo(bound) <= 0) {
          baselineMigration = b;
        }
      }
      if (baselineMigration != null) {
        baseline = baselineMigration.version();
        entries.add(new Entry(baselineMigration, null, MigrationState.PENDING));
        pending.add(baselineMigration);
      }
    }
    boolean nextTaken = false;
    for (ResolvedMigration m : res.versioned()) {
      if (consumed.contains(m.version())) {
        continue;
      }
      MigrationState state;
      int vsBaseline = baseline == null ? 1 : m.version().compareTo(baseline);
      if (vsBaseline < 0) {
        state = MigrationState.BELOW_BASELINE;
      } else if (vsBaseline == 0) {
        state = MigrationState.BASELINE_IGNORED;
      } else if (bound != null && m.version().compareTo(bound) > 0) {
        state = MigrationState.ABOVE_TARGET;
      } else if (lastApplied != null && m.version().compareTo(lastApplied) < 0 && !outOfOrder) {
        state = MigrationState.IGNORED;
      } else if (target.kind() == Target.Kind.NEXT && nextTaken) {
        state = MigrationState.ABOVE_TARGET;
      } else {
        state = MigrationState.PENDING;
        nextTaken = true;
        pending.add(m);
      }
      entries.add(new Entry(m, null, state));
    }
    for (ResolvedMigration m : res.repeatables()) {
      if (!consumedRepeatables.contains(m.description())) {
        entries.add(new Entry(m, null, MigrationState.PENDING));
        pending.add(m);
      }
    }
    return new States(entries, pending, lastApplied);
  }

  private static Entry repeatableEntry(
      HistoryRow r,
      Map<String, ResolvedMigration> byDescription,
      Map<String, Integer> latestRank,
      Set<String> consumed) {
    ResolvedMigration file = byDescription.get(r.description());
    if (file != null && !sameKind(file.type(), r.type())) {
      file = null;
    }
    Integer latest = latestRank.get(r.description());
    if (latest == null || latest != r.rank()) {
      return new Entry(file, r, MigrationState.SUPERSEDED);
    }
    if (file == null) {
      return new Entry(
          null, r, r.success() ? MigrationState.MISSING : MigrationState.MISSING_FAILED);
    }
    if (!r.success()) {
      consumed.add(r.description());
      return new Entry(file, r, MigrationState.FAILED);
    }
    if (file.checksumMatches(r.checksum())) {
      consumed.add(r.description());
      return new Entry(file, r, MigrationState.SUCCESS);
    }
    return new Entry(file, r, MigrationState.OUTDATED);
  }

  private static boolean sameKind(MigrationType file, MigrationType row) {
    boolean fileJava = file == MigrationType.JDBC || file == MigrationType.JDBC_BASELINE;
    boolean rowJava = row == MigrationType.JDBC || row == MigrationType.JDBC_BASELINE;
    return fileJava == rowJava;
  }

  /**
   * Marks rows hidden by later DELETE rows and rows undone by later UNDO rows. Each DELETE or UNDO
   * row applies to the latest earlier row of the same version (or, for repeatables, description)
   * that is still visible: a stack per key keeps this linear.
   */
  private static void markHiddenRows(
      List<HistoryRow> rows, Set<Integer> deleted, Set<Integer> undone) {
    Map<Object, Deque<HistoryRow>> visible = new HashMap<>();
    for (HistoryRow r : rows) {
      Object key = r.version() != null ? r.parsedVersion() : "R:" + r.description();
      boolean isDelete = r.type() == MigrationType.DELETE;
      if (!isDelete && !r.type().isUndo()) {
        if (!r.type().isSynthetic()) {
          visible.computeIfAbsent(key, k -> new ArrayDeque<>()).push(r);
        }
        continue;
      }
      Deque<HistoryRow> stack = visible.get(key);
      if (stack == null || stack.isEmpty()) {
        continue;
      }
      HistoryRow target = stack.peek();
      if (isDelete) {
        deleted.add(stack.pop().rank());
      } else if (target.success()) {
        undone.add(stack.pop().rank());
      }
    }
  }

  private static MigrationVersion bound(
      Target target, MigrationVersion lastApplied, Resolution res, Set<MigrationVersion> consumed) {
    switch (target.kind()) {
      case CURRENT:
        return lastApplied == null ? MigrationVersion.parse("0") : lastApplied;
      case VERSION:
        MigrationVersion v = target.version();
        boolean known =
            consumed.contains(v) || res.versioned().stream().anyMatch(m -> m.version().equals(v));
        if (!known && !target.optional()) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "No migration has the target version "
                  + v
                  + ". Check 'target', or write it as "
                  + v
                  + "? to migrate as far as possible without it.");
        }
        return v;
      default:
        return null;
    }
  }
}
