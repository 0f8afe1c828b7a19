package dev.godwit.bench;

import dev.godwit.bench.tools.LintLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 6's speed goal: linting 10,000 statements takes well under a second. A generated project
 * of files holding the statements a real schema history holds (tables, columns, indexes,
 * constraints, data fixes), linted by the command line in a fresh JVM ({@code godwit lint
 * --dialect pg --pg-version 15 --json}) and by {@code Linter.lint} in a warm loop ({@link LintLoop}). No other tool is timed:
 * Flyway's and Liquibase's checks are paid editions, not on Maven Central.
 */
final class LintRunner {
  private final Harness h;

  LintRunner(Harness h) {
    this.h = h;
  }

  String run() throws Exception {
    int statements = h.o.lintStatements;
    Path dir = Files.createDirectories(h.work.resolve("lint-" + statements));
    int written = generate(dir, statements);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    h.log("lint: " + written + " statements in " + files.size() + " files");

    List<Double> fresh = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    List<Double> heap = new ArrayList<>();
    String problem = null;
    for (int r = 0; r < h.o.rounds; r++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(h.java);
      cmd.addAll(h.o.godwitJvmOpts);
      cmd.addAll(h.cdsOpts());
      cmd.addAll(List.of("-jar", h.cliJar().toString(), "lint", "--dialect", "pg", "--pg-version",
          "15", "--json", dir.toString()));
      Proc.Result res = Proc.run(cmd, true, h.work.resolve("run"), h.childEnv);
      // Exit 8: findings at or above --fail-on (the project holds unsafe statements on purpose).
      if (res.exit() != 0 && res.exit() != 8) {
        problem = "godwit lint exited " + res.exit() + ":\n" + Proc.tail(res.log(), 15);
        h.problems.add("lint: " + problem);
        h.log(problem);
        break;
      }
      fresh.add(res.seconds());
      rss.add(res.rssMb());
      heap.add(res.heapMb());
      h.log("  lint round " + (r + 1) + ": " + Stats.secs(res.seconds()));
    }

    // Warm: Linter.lint in a loop, in a child JVM with the command line's class path.
    List<String> loop = new ArrayList<>(List.of(h.java, "-cp", h.bench.resolve("target/classes")
        + ":" + h.cliJar().resolveSibling("lib") + "/*", LintLoop.class.getName(), dir.toString(),
        String.valueOf(Math.max(3, h.o.warmups)), String.valueOf(h.o.warmRounds)));
    Proc.Result lr = Proc.run(loop, false, h.work.resolve("run"), h.childEnv);
    List<Double> warm = new ArrayList<>();
    long[] report = null;
    for (String line : Files.readAllLines(lr.log())) {
      if (line.startsWith("round ")) {
        warm.add(Double.parseDouble(line.substring(6).trim()));
      } else if (line.startsWith("report ")) {
        String[] f = line.substring(7).trim().split(" ");
        report = new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
            Long.parseLong(f[3])};
      }
    }
    if (!lr.ok() || warm.isEmpty()) {
      String p = "lint warm loop exited " + lr.exit() + ":\n" + Proc.tail(lr.log(), 15);
      h.problems.add("lint: " + p);
      h.log(p);
    }

    StringBuilder md = new StringBuilder();
    md.append("Project: ").append(files.size()).append(" files, ")
        .append(String.format("%,d", written)).append(" statements, ")
        .append(Stats.num(bytes / 1e6, 1)).append(" MB (`dev.godwit.bench.LintRunner`): per file"
            + " a CREATE TABLE, ADD COLUMN with and without defaults, CREATE INDEX with and"
            + " without CONCURRENTLY, foreign keys and checks with and without NOT VALID, SET NOT"
            + " NULL, a type change, a rename, UPDATE backfills and INSERTs. PostgreSQL 15 rules.");
    if (report != null) {
      md.append(" Findings: ").append(report[0]).append(" errors, ").append(report[1])
          .append(" warnings, ").append(report[2]).append(" infos over ")
          .append(String.format("%,d", report[3])).append(" statements.");
    }
    md.append("\n\n| mode | median | min–max | statements per second | peak RSS | peak heap |\n"
        + "|---|---|---|---|---|---|\n");
    if (!fresh.isEmpty()) {
      double m = Stats.median(fresh);
      md.append("| `godwit lint` in a fresh JVM (").append(fresh.size()).append(" rounds) | ")
          .append(Stats.secs(m)).append(" | ").append(Stats.secs(min(fresh))).append("–")
          .append(Stats.secs(max(fresh))).append(" | ").append(String.format("%,.0f", written / m))
          .append(" | ").append(Stats.num(Stats.median(rss), 0)).append(" MB | ")
          .append(Stats.num(Stats.median(heap), 0)).append(" MB |\n");
    } else if (problem != null) {
      md.append("| `godwit lint` in a fresh JVM | failed | | | | |\n");
    }
    if (warm.isEmpty()) {
      h.lintSeconds = fresh.isEmpty() ? Double.NaN : Stats.median(fresh);
      return md.append("| `Linter.lint` warm | failed | | | | |\n\n").toString();
    }
    double w = Stats.median(warm);
    md.append("| `Linter.lint` warm, in one JVM (").append(warm.size()).append(" rounds after ")
        .append(Math.max(3, h.o.warmups)).append(" warm-ups) | ").append(Stats.secs(w)).append(" | ")
        .append(Stats.secs(min(warm))).append("–").append(Stats.secs(max(warm))).append(" | ")
        .append(String.format("%,.0f", written / w)).append(" | | |\n\n");
    h.lintSeconds = fresh.isEmpty() ? Double.NaN : Stats.median(fresh);
    h.lintWarmSeconds = w;
    return md.toString();
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** Writes files of 20 statements each until {@code total}; returns how many were written. */
  static int generate(Path dir, int total) throws IOException {
    int written = 0;
    int file = 0;
    while (written < total) {
      file++;
      String t = "t" + file;
      String prev = "t" + Math.max(1, file - 1);
      String[] statements = {
        "CREATE TABLE " + t + " (id bigint PRIMARY KEY, owner_id bigint, name text, amount"
            + " numeric(12,2), created_at timestamptz NOT NULL DEFAULT now())",
        "ALTER TABLE " + t + " ADD COLUMN note text",
        "ALTER TABLE " + t + " ADD COLUMN status text NOT NULL DEFAULT 'new'",
        "ALTER TABLE " + prev + " ADD COLUMN flag boolean NOT NULL",
        "CREATE INDEX " + t + "_owner_idx ON " + t + " (owner_id)",
        "CREATE INDEX CONCURRENTLY " + prev + "_name_idx ON " + prev + " (name)",
        "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_owner_fk FOREIGN KEY (owner_id)"
            + " REFERENCES " + prev + " (id) NOT VALID",
        "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_owner_fk",
        "ALTER TABLE " + prev + " ADD CONSTRAINT " + prev + "_amount_ck CHECK (amount >= 0)",
        "ALTER TABLE " + t + " ALTER COLUMN name SET NOT NULL",
        "ALTER TABLE " + prev + " ALTER COLUMN amount TYPE numeric(14,2)",
        "ALTER TABLE " + prev + " RENAME COLUMN note TO remark",
        "UPDATE " + t + " SET status = 'old' WHERE created_at < now() - interval '1 year'",
        "UPDATE " + prev + " SET flag = false",
        "INSERT INTO " + t + " (id, owner_id, name, amount) VALUES (1, 1, 'a;b', 1.50)",
        "INSERT INTO " + t + " (id, owner_id, name, amount) VALUES (2, 1, 'it''s', 2.00)",
        "DELETE FROM " + t + " WHERE id = 2",
        "COMMENT ON TABLE " + t + " IS 'generated for the lint benchmark'",
        "CREATE UNIQUE INDEX " + t + "_name_uq ON " + t + " (name)",
        "ALTER TABLE " + prev + " DROP COLUMN remark",
      };
      StringBuilder sb = new StringBuilder("-- generated lint benchmark file ").append(file)
          .append('\n');
      for (String s : statements) {
        if (written == total) {
          break;
        }
        sb.append(s).append(";\n");
        written++;
      }
      Files.writeString(dir.resolve(String.format("V%05d__lint_%d.sql", file, file)),
          sb.toString(), StandardCharsets.UTF_8);
    }
    return written;
  }
}
