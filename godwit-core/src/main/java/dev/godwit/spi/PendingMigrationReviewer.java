package dev.godwit.spi;

import java.util.List;

/**
 * Looks at the migrations {@code migrate} is about to run, before any of them runs. The linter
 * ({@code godwit-lint}) is the stock implementation; list an implementation in {@code
 * META-INF/services/dev.godwit.spi.PendingMigrationReviewer}.
 */
public interface PendingMigrationReviewer {

  /**
   * Reviews the pending migrations.
   *
   * @param request the migrations, the database and the configuration
   * @return findings; {@code migrate} prints them, and in an environment marked production stops
   *     before anything runs when one is an unsuppressed {@link ReviewFinding.Severity#ERROR}
   */
  List<ReviewFinding> review(ReviewRequest request);
}
