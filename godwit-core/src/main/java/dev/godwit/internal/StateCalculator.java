package dev.godwit.internal;

import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationTarget;
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

  static States compute(
      Resolution res, List<HistoryRow> rows, MigrationTarget target, boolean outOfOrder) {
    return compute(res, rows, target, outOfOrder, null);
  }

  /**
   * The states, for a run of one deploy phase.
   *
   * @param phase {@link DeployPhase#PRE}: post-phase migrations stay pending and out of the run
   *     list; {@link DeployPhase#POST} or null: everything pending runs. A post-phase migration
   *     below the latest applied version is pending, not ignored, whatever the phase: pre-phase
   *     runs were meant to pass it.
   */
  static States compute(
      Resolution res,
      List<HistoryRow> rows,
      MigrationTarget target,
      boolean outOfOrder,
      DeployPhase phase) {
    Set<Integer> deleted = new HashSet<>();
    Set<Integer> undone = new HashSet<>();
    // Each row's version, parsed once: three passes below need it, over tens of thousands of rows.
    MigrationVersion[] versions = new MigrationVersion[rows.size()];
    for (int i = 0; i < versions.length; i++) {
      versions[i] = rows.get(i).parsedVersion();
    }
    markHiddenRows(rows, versions, deleted, undone);

    Map<MigrationVersion, ResolvedMigration> byVersion = new HashMap<>();
    res.versioned().forEach(m -> byVersion.put(m.version(), m));
    Map<MigrationVersion, ResolvedMigration> baselineFiles = new HashMap<>();
    res.baselines().forEach(m -> baselineFiles.put(m.version(), m));
    Map<String, ResolvedMigration> byDescription = new HashMap<>();
    res.repeatables().forEach(m -> byDescription.put(m.description(), m));

    MigrationVersion baseline = null;
    MigrationVersion lastApplied = null;
    // Flyway counts every row without a version here, deleted ones and DELETE rows included: an
    // older run of a repeatable whose latest run was deleted stays superseded.
    Map<String, Integer> latestRepeatableRank = new HashMap<>();
    boolean anyVersionedApplied = false;
    for (int i = 0; i < rows.size(); i++) {
      HistoryRow r = rows.get(i);
      if (r.version() == null) {
        latestRepeatableRank.merge(r.description(), r.rank(), Math::max);
        continue;
      }
      // Flyway takes the highest baseline of any baseline row for the states (its baseline
      // command looks only at the first two rows; Engine.baseline does that).
      if (r.type().isBaseline()) {
        MigrationVersion b = versions[i];
        if (baseline == null || b.compareTo(baseline) > 0) {
          baseline = b;
        }
      }
      if (deleted.contains(r.rank())
          || r.type() == MigrationType.DELETE
          || undone.contains(r.rank())
          || r.type().isUndo()
          || r.type() == MigrationType.SCHEMA) {
        continue;
      }
      anyVersionedApplied = true;
      MigrationVersion v = versions[i];
      if (lastApplied == null || v.compareTo(lastApplied) > 0) {
        lastApplied = v;
      }
    }
    MigrationVersion lastResolved = res.latestVersion();
    if (!res.baselines().isEmpty()) {
      MigrationVersion b = res.baselines().get(res.baselines().size() - 1).version();
      if (lastResolved == null || b.compareTo(lastResolved) > 0) {
        lastResolved = b;
      }
    }

    List<Entry> entries = new ArrayList<>();
    Set<MigrationVersion> consumed = new HashSet<>();
    Set<MigrationVersion> consumedBaselines = new HashSet<>();
    Set<String> consumedRepeatables = new HashSet<>();
    MigrationVersion highestSoFar = null;
    for (int i = 0; i < rows.size(); i++) {
      HistoryRow r = rows.get(i);
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
      if (r.version() == null) {
        entries.add(repeatableEntry(r, byDescription, latestRepeatableRank, consumedRepeatables));
        continue;
      }
      MigrationVersion v = versions[i];
      // Flyway matches an applied row to the file of the same version and the same type.
      ResolvedMigration file =
          r.type() == MigrationType.SQL_BASELINE || r.type() == MigrationType.JDBC_BASELINE
              ? baselineFiles.get(v)
              : byVersion.get(v);
      if (file != null && file.type() != r.type()) {
        file = null;
      }
      if (undone.contains(r.rank())) {
        entries.add(new Entry(file, r, MigrationState.UNDONE));
        continue;
      }
      // Flyway flags a row applied at or below the highest version applied before it.
      boolean outOfOrderRow = highestSoFar != null && v.compareTo(highestSoFar) <= 0;
      if (highestSoFar == null || v.compareTo(highestSoFar) > 0) {
        highestSoFar = v;
      }
      if (r.type().isBaseline()) {
        if (file != null) {
          consumedBaselines.add(v);
        }
        entries.add(new Entry(file, r, MigrationState.BASELINE));
        continue;
      }
      if (file != null) {
        consumed.add(v);
      }
      boolean future = lastResolved == null || v.compareTo(lastResolved) >= 0;
      MigrationState state;
      if (file == null) {
        state =
            r.success()
                ? (future ? MigrationState.FUTURE : MigrationState.MISSING)
                : (future ? MigrationState.FUTURE_FAILED : MigrationState.MISSING_FAILED);
      } else if (!r.success()) {
        state = MigrationState.FAILED;
      } else if (outOfOrderRow) {
        state = MigrationState.OUT_OF_ORDER;
      } else {
        state = MigrationState.SUCCESS;
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
    // The other baseline migrations show as Flyway shows them: below or at the baseline, above
    // the target, or ignored once anything has been applied.
    for (ResolvedMigration b : res.baselines()) {
      if (b == baselineMigration || consumedBaselines.contains(b.version())) {
        continue;
      }
      int vs = baseline == null ? 1 : b.version().compareTo(baseline);
      MigrationState state =
          vs < 0
              ? MigrationState.BELOW_BASELINE
              : vs == 0
                  ? MigrationState.BASELINE_IGNORED
                  : bound != null && b.version().compareTo(bound) > 0
                      ? MigrationState.ABOVE_TARGET
                      : MigrationState.IGNORED;
      entries.add(new Entry(b, null, state));
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
      } else if (lastApplied != null
          && m.version().compareTo(lastApplied) < 0
          && !outOfOrder
          && m.phase() != DeployPhase.POST) {
        state = MigrationState.IGNORED;
      } else if (phase == DeployPhase.PRE && m.phase() == DeployPhase.POST) {
        // Waits for the post-deploy run; later pre-phase versions go ahead of it.
        state = MigrationState.PENDING;
      } else if (target.kind() == MigrationTarget.Kind.NEXT && nextTaken) {
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
        if (phase != DeployPhase.PRE || m.phase() != DeployPhase.POST) {
          pending.add(m);
        }
      }
    }
    return new States(entries, pending, lastApplied);
  }

  private static Entry repeatableEntry(
      HistoryRow r,
      Map<String, ResolvedMigration> byDescription,
      Map<String, Integer> latestRank,
      Set<String> consumed) {
    // Flyway matches repeatables by description alone; validate reports a type change.
    ResolvedMigration file = byDescription.get(r.description());
    Integer latest = latestRank.get(r.description());
    boolean isLatest = latest != null && latest == r.rank();
    if (isLatest && file == null) {
      return new Entry(
          null, r, r.success() ? MigrationState.MISSING : MigrationState.MISSING_FAILED);
    }
    if (!r.success()) {
      if (isLatest) {
        consumed.add(r.description());
      }
      return new Entry(file, r, MigrationState.FAILED);
    }
    if (!isLatest) {
      return new Entry(file, r, MigrationState.SUPERSEDED);
    }
    if (file.checksumMatches(r.checksum())) {
      consumed.add(r.description());
      return new Entry(file, r, MigrationState.SUCCESS);
    }
    return new Entry(file, r, MigrationState.OUTDATED);
  }

  /**
   * Marks rows hidden by later DELETE rows and rows undone by later UNDO rows, as Flyway does. A
   * DELETE row hides the latest earlier row of the same version (repeatables: description); when
   * that row is hidden already, Flyway reports a corrupted history for a version and does nothing
   * for a repeatable. An UNDO row undoes the latest earlier successful row that is still visible: a
   * stack per key keeps this linear.
   */
  private static void markHiddenRows(
      List<HistoryRow> rows,
      MigrationVersion[] versions,
      Set<Integer> deleted,
      Set<Integer> undone) {
    Map<Object, HistoryRow> latest = new HashMap<>();
    Map<Object, Deque<HistoryRow>> visible = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      HistoryRow r = rows.get(i);
      Object key = versions[i] != null ? versions[i] : "R:" + r.description();
      if (r.type() == MigrationType.DELETE) {
        HistoryRow target = latest.get(key);
        if (target == null) {
          continue;
        }
        if (deleted.contains(target.rank())) {
          if (r.version() != null) {
            throw new GodwitException(
                ErrorCode.VALIDATION,
                "Corrupted history table: version "
                    + r.version()
                    + " is marked deleted twice (the DELETE row at installed_rank "
                    + r.rank()
                    + " hides nothing). Flyway refuses this history too; delete the extra"
                    + " DELETE row.");
          }
          continue;
        }
        deleted.add(target.rank());
        Deque<HistoryRow> stack = visible.get(key);
        if (stack != null) {
          stack.remove(target);
        }
        continue;
      }
      if (r.type().isUndo()) {
        Deque<HistoryRow> stack = visible.get(key);
        if (stack != null && !stack.isEmpty() && stack.peek().success()) {
          undone.add(stack.pop().rank());
        }
        continue;
      }
      if (!r.type().isSynthetic()) {
        latest.put(key, r);
        visible.computeIfAbsent(key, k -> new ArrayDeque<>()).push(r);
      }
    }
  }

  private static MigrationVersion bound(
      MigrationTarget target,
      MigrationVersion lastApplied,
      Resolution res,
      Set<MigrationVersion> consumed) {
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
