package dev.godwit.bench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Time to hand each test a fresh migrated database, for a project of 200 migrations: godwit-junit's
 * copy of a template, against migrating a new database before each test with Godwit, against
 * Flyway's clean + migrate before each test. Each way is a real JUnit class run by the JUnit engine
 * (10 tests); the figure per test is the gap between one test's end and the next one's start
 * (tear-down, then a fresh database), the first test's wait is given apart.
 *
 * <p>{@code java ... PerTestDatabases pg|h2}, see bench/junit.sh.
 */
public final class PerTestDatabases {
  private PerTestDatabases() {}

  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "pg";
    Path migrations = generate(Files.createTempDirectory("bench-junit-migrations-"), 200);
    System.setProperty("bench.db", db);
    System.setProperty("bench.migrations", migrations.toString());
    if (Settings.postgres()) {
      Settings.server().createDatabase(); // the server starts outside the measurement
    }
    System.out.println("| " + db + " | first test waits (ms) | each later test: median (min-max) ms |");
    System.out.println("|---|---|---|");
    record Way(Class<?> tests, long workMillis) {}
    for (Way way :
        List.of(
            new Way(GodwitCopyTests.class, 0),
            new Way(GodwitCopyTests.class, 250),
            new Way(MigrateEachTests.class, 0),
            new Way(FlywayCleanMigrateTests.class, 0))) {
      Class<?> c = way.tests();
      System.setProperty("bench.work", Long.toString(way.workMillis()));
      Clock.TESTS.clear();
      long started = System.nanoTime();
      EngineExecutionResults results =
          EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute();
      long failed = results.testEvents().failed().count();
      if (failed > 0) {
        results.testEvents().failed().stream().forEach(e -> System.err.println(e));
        throw new IllegalStateException(c.getSimpleName() + ": " + failed + " tests failed");
      }
      List<long[]> tests = Clock.TESTS;
      double first = (tests.get(0)[0] - started) / 1e6;
      List<Double> gaps = new ArrayList<>();
      for (int i = 1; i < tests.size(); i++) {
        gaps.add((tests.get(i)[0] - tests.get(i - 1)[1]) / 1e6);
      }
      gaps.sort(null);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.1f (%.1f-%.1f) |%n",
          c.getSimpleName()
              + (way.workMillis() > 0 ? " (each test works " + way.workMillis() + " ms)" : ""),
          first,
          gaps.get(gaps.size() / 2),
          gaps.get(0),
          gaps.get(gaps.size() - 1));
    }
  }

  /**
   * 200 migrations over 50 tables, four each: the table with an index, a column added, ten rows,
   * a view. Plain SQL that PostgreSQL and H2 both run.
   */
  static Path generate(Path dir, int count) throws IOException {
    for (int i = 1; i <= count; i++) {
      int table = (i - 1) / 4 + 1;
      String t = "t" + table;
      String sql =
          switch ((i - 1) % 4) {
            case 0 ->
                "CREATE TABLE "
                    + t
                    + " (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);\n"
                    + "CREATE INDEX "
                    + t
                    + "_name ON "
                    + t
                    + " (name);\n";
            case 1 -> "ALTER TABLE " + t + " ADD COLUMN note VARCHAR(200);\n";
            case 2 -> {
              StringBuilder b = new StringBuilder("INSERT INTO " + t + " (id, name) VALUES ");
              for (int r = 1; r <= 10; r++) {
                b.append(r > 1 ? ", " : "").append("(").append(r).append(", 'row ").append(r).append("')");
              }
              yield b.append(";\n").toString();
            }
            default -> "CREATE VIEW v" + table + " AS SELECT id, name, note FROM " + t + ";\n";
          };
      String name = String.format(Locale.ROOT, "V%03d__step_%d.sql", i, i);
      Files.writeString(dir.resolve(name), sql, StandardCharsets.UTF_8);
    }
    return dir;
  }
}
