package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.spi.PendingMigrationReviewer;
import dev.godwit.spi.ReviewFinding;
import dev.godwit.spi.ReviewRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs the {@link PendingMigrationReviewer}s (the linter) over the pending migrations before
 * migrate runs them. In production an unsuppressed error stops migrate; elsewhere findings are
 * warnings.
 */
final class Reviews {
  // Larger scripts are data loads; reading them whole to lint them would cost more than it tells.
  private static final long MAX_REVIEWED_BYTES = 8L * 1024 * 1024;

  private Reviews() {}

  /** Returns the findings as warning lines; throws when production must stop. */
  static List<String> run(Session s, Resolution res, List<ResolvedMigration> pending) {
    List<PendingMigrationReviewer> reviewers = new ArrayList<>();
    ServiceLoader.load(PendingMigrationReviewer.class, s.config.classLoader())
        .forEach(reviewers::add);
    if (reviewers.isEmpty() || pending.isEmpty()) {
      return List.of();
    }
    Set<ResolvedMigration> todo = Set.copyOf(pending);
    List<ReviewRequest.Script> scripts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<ResolvedMigration> ordered = new ArrayList<>(res.versioned());
    ordered.addAll(res.repeatables());
    for (ResolvedMigration m : ordered) {
      if (m.resource() == null) {
        continue;
      }
      boolean isPending = todo.contains(m);
      if (m.resource().path() != null && sizeOf(m) > MAX_REVIEWED_BYTES) {
        if (isPending) {
          warnings.add("Not linted (larger than 8 MB): " + m.displayName());
        }
        continue;
      }
      String text =
          m.resource()
              .readText(MigrationResolver.charsetFor(s.config, m.scriptConfig(), m.resource()));
      scripts.add(
          new ReviewRequest.Script(
              m.displayName(),
              text,
              isPending,
              !Boolean.FALSE.equals(m.scriptConfig().executeInTransaction())));
    }
    String version;
    try {
      version = s.connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      version = "";
    }
    ReviewRequest request =
        new ReviewRequest(s.dialect.sqlDialect(), version, s.connection, scripts, s.config);
    List<ReviewFinding> blocking = new ArrayList<>();
    for (PendingMigrationReviewer r : reviewers) {
      for (ReviewFinding f : r.review(request)) {
        if (f.suppressed()) {
          continue;
        }
        warnings.add(line(f));
        if (f.severity() == ReviewFinding.Severity.ERROR) {
          blocking.add(f);
        }
      }
    }
    if (!blocking.isEmpty() && s.config.flag(ConfigKey.PRODUCTION)) {
      StringBuilder sb =
          new StringBuilder(
              "migrate stopped before running anything: this environment is marked production"
                  + " and the linter found "
                  + blocking.size()
                  + (blocking.size() == 1 ? " error:" : " errors:"));
      for (ReviewFinding f : blocking) {
        sb.append("\n  - ").append(line(f));
      }
      sb.append(
          "\nFollow the safe recipe in each message, or suppress a finding you have checked with"
              + " '-- godwit:allow <rule> <reason>' on the line before the statement.");
      throw new GodwitException(ErrorCode.LINT, sb.toString());
    }
    return warnings;
  }

  private static long sizeOf(ResolvedMigration m) {
    try {
      return java.nio.file.Files.size(m.resource().path());
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  static String line(ReviewFinding f) {
    return f.severity() + " " + f.rule() + " " + f.script() + ":" + f.line() + ": " + f.message();
  }
}
