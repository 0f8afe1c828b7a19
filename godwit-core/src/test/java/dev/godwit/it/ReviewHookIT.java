package dev.godwit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrateResult;
import dev.godwit.api.MigrationScript;
import dev.godwit.spi.PendingMigrationReviewer;
import dev.godwit.spi.ReviewFinding;
import dev.godwit.spi.ReviewRequest;
import dev.godwit.sql.SqlDialect;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate asks the reviewers (the linter) before anything runs. */
class ReviewHookIT {
  @TempDir Path dir;

  /** Flags every pending DROP TABLE as an error; suppressed when the text says so. */
  public static final class DropTableReviewer implements PendingMigrationReviewer {
    static final List<ReviewRequest> SEEN = new ArrayList<>();

    @Override
    public List<ReviewFinding> review(ReviewRequest request) {
      SEEN.add(request);
      List<ReviewFinding> out = new ArrayList<>();
      for (MigrationScript s : request.scripts().scripts()) {
        if (s.pending() && s.text().contains("DROP TABLE")) {
          out.add(
              new ReviewFinding(
                  "drop-table",
                  ReviewFinding.Severity.ERROR,
                  s.name(),
                  1,
                  "dropping a table breaks the code still reading it",
                  s.text().contains("godwit:allow")));
        }
      }
      return out;
    }
  }

  private ClassLoader withReviewer() throws Exception {
    Path services = Files.createDirectories(dir.resolve("cp/META-INF/services"));
    Files.writeString(
        services.resolve(PendingMigrationReviewer.class.getName()),
        DropTableReviewer.class.getName() + "\n");
    return new URLClassLoader(
        new URL[] {dir.resolve("cp").toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void findingsAreWarningsOutsideProductionAndStopProductionBeforeAnythingRuns() throws Exception {
    Path sql = Files.createDirectories(dir.resolve("sql"));
    Files.writeString(sql.resolve("V1__t.sql"), "CREATE TABLE t (id INT);\n");
    Files.writeString(sql.resolve("V2__drop.sql"), "DROP TABLE t;\n");
    ClassLoader loader = withReviewer();

    TestDatabase prodDb = TestDatabase.h2();
    var prod = prodDb.configure(sql).classLoader(loader).set(ConfigKey.PRODUCTION, true).load();
    assertThatThrownBy(prod::migrate)
        .isInstanceOfSatisfying(
            GodwitException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.LINT);
              assertThat(e.getMessage())
                  .contains("stopped before running anything")
                  .contains("drop-table")
                  .contains("V2__drop.sql");
            });
    assertThat(prodDb.tableExists("t")).isFalse();
    ReviewRequest seen = DropTableReviewer.SEEN.get(DropTableReviewer.SEEN.size() - 1);
    assertThat(seen.scripts().dialect()).isEqualTo(SqlDialect.H2);
    assertThat(seen.scripts().dialect().label()).isEqualTo("h2");
    assertThat(seen.scripts().scripts())
        .extracting(MigrationScript::pending)
        .containsExactly(true, true);

    TestDatabase devDb = TestDatabase.h2();
    MigrateResult dev = devDb.configure(sql).classLoader(loader).load().migrate();
    assertThat(dev.applied()).hasSize(2);
    assertThat(dev.warnings())
        .anyMatch(w -> w.startsWith("ERROR drop-table") && w.contains("V2__drop.sql:1"));

    Files.writeString(
        sql.resolve("V2__drop.sql"), "-- godwit:allow drop-table retired\nDROP TABLE t;\n");
    TestDatabase suppressed = TestDatabase.h2();
    assertThat(
            suppressed
                .configure(sql)
                .classLoader(loader)
                .set(ConfigKey.PRODUCTION, true)
                .load()
                .migrate()
                .applied())
        .hasSize(2);
  }
}
