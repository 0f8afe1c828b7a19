package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationScript;
import dev.godwit.spi.PendingMigrationReviewer;
import dev.godwit.spi.ReviewFinding;
import dev.godwit.spi.ReviewRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link PendingMigrationReviewer}s (the linter) over the pending migrations before
 * migrate runs them. In production an unsuppressed error stops migrate; elsewhere findings are
 * warnings.
 */
final class Reviews {
  private static final Logger LOG = LoggerFactory.getLogger(Reviews.class);

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
    List<String> warnings = new ArrayList<>();
    ScriptListing listing = new ScriptListing(s.config, s.dialect, new ScriptReader(s));
    List<MigrationScript> scripts = new ArrayList<>();
    for (MigrationScript m : listing.list(res, todo::contains)) {
      // What migrate runs: applied migrations are context, pending ones are reviewed.
      if (m.kind() == MigrationScript.Kind.UNDO || m.kind() == MigrationScript.Kind.BASELINE) {
        continue;
      }
      if (m.text() == null) {
        if (m.pending()) {
          warnings.add("Not linted (larger than 8 MB): " + m.name());
        }
        continue;
      }
      scripts.add(m);
    }
    ReviewRequest request =
        new ReviewRequest(
            ScriptsCommand.withServerFacts(s, scripts, List.of()), s.connection, s.config);
    List<ReviewFinding> blocking = new ArrayList<>();
    Set<String> rules = new LinkedHashSet<>();
    for (PendingMigrationReviewer r : reviewers) {
      for (ReviewFinding f : r.review(request)) {
        if (f.suppressed()) {
          continue;
        }
        warnings.add(line(f));
        rules.add(f.rule());
        // The recipe is several lines; migrate shows one line per finding and leaves the recipe
        // to godwit lint, or to --verbose.
        if (!f.recipe().isEmpty() && LOG.isDebugEnabled()) {
          StringBuilder recipe = new StringBuilder("Safe recipe for ").append(f.rule());
          recipe.append(" at ").append(f.script()).append(':').append(f.line()).append(':');
          for (int i = 0; i < f.recipe().size(); i++) {
            recipe.append("\n  ").append(i + 1).append(". ").append(f.recipe().get(i));
          }
          LOG.debug(recipe.toString());
        }
        if (f.severity() == ReviewFinding.Severity.ERROR) {
          blocking.add(f);
        }
      }
    }
    if (!rules.isEmpty()) {
      warnings.add(pointer(rules));
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
      sb.append('\n').append(pointer(rules));
      sb.append(
          "\nFollow the recipes, or suppress a finding you have checked with"
              + " '-- godwit:allow <rule> <reason>' on the line before the statement.");
      throw new GodwitException(ErrorCode.LINT, sb.toString());
    }
    return warnings;
  }

  /** Where the recipes are: migrate's output keeps one line per finding. */
  static String pointer(Set<String> rules) {
    return "Safe recipes: godwit lint --pending (or godwit lint <file>), or godwit lint --explain"
        + " <rule> for "
        + String.join(", ", rules)
        + "; migrate --verbose prints them here.";
  }

  static String line(ReviewFinding f) {
    return f.severity() + " " + f.rule() + " " + f.script() + ":" + f.line() + ": " + f.message();
  }
}
