package dev.godwit.lint;

import dev.godwit.api.ScriptsResult;
import dev.godwit.spi.PendingMigrationReviewer;
import dev.godwit.spi.ReviewFinding;
import dev.godwit.spi.ReviewRequest;
import dev.godwit.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints the migrations {@code migrate} is about to run, with the live server version and table
 * sizes; the applied migrations are read as the schema they built. Registered through {@code
 * META-INF/services}.
 */
public final class LintReviewer implements PendingMigrationReviewer {

  /** Creates the reviewer; ServiceLoader needs a public no-argument constructor. */
  public LintReviewer() {}

  @Override
  public List<ReviewFinding> review(ReviewRequest request) {
    ScriptsResult scripts = request.scripts();
    SqlDialect dialect = scripts.dialect();
    if (!Rules.dialects().contains(dialect)) {
      return List.of(); // H2 has no rules: it is a development database.
    }
    LintOptions options =
        LintSettings.from(request.config(), dialect, ServerVersion.parse(scripts.serverVersion()))
            .tableSizes(scripts.tableSizes())
            .functionVolatility(FunctionVolatility.read(request.connection(), dialect))
            .indexTables(IndexTables.read(request.connection(), dialect))
            .build();
    List<ReviewFinding> out = new ArrayList<>();
    for (Finding f : Linter.lint(LintInput.of(scripts), options).findings()) {
      out.add(
          new ReviewFinding(
              f.rule(),
              ReviewFinding.Severity.valueOf(f.severity().name()),
              f.file(),
              f.line(),
              f.message(),
              f.suppressed(),
              f.recipe()));
    }
    return out;
  }
}
