package dev.godwit.bench;

import dev.godwit.bench.split.ScriptGen;
import dev.godwit.bench.split.SplitBench;
import dev.godwit.bench.split.Splitters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Issue 3's splitter benchmark: JMH split throughput of Godwit's SqlSplitter and Flyway's
 * PostgreSQL parser on the same generated script, then each splitter in child JVMs under a range of
 * -Xmx values: does it complete, and with how much heap.
 */
final class SplitRunner {
  private final Harness h;

  SplitRunner(Harness h) {
    this.h = h;
  }

  /** Where Flyway's parser gets its database version (it asks the server, as Flyway does). */
  private List<String> pgProps() {
    if (h.pg == null) {
      return List.of();
    }
    return List.of("-Dbench.split.pgUrl=" + h.pg.adminUrl(), "-Dbench.split.pgUser=" + h.pg.user(),
        "-Dbench.split.pgPassword=" + h.pg.password());
  }

  String run() throws Exception {
    Path file = h.work.resolve("split.sql");
    long statements = ScriptGen.generate(file, h.o.splitMb * 1_000_000L);
    long size = Files.size(file);
    double mb = size / 1e6;
    h.log("split: " + Stats.num(mb, 1) + " MB, " + statements + " statements; JMH");
    StringBuilder md = new StringBuilder();
    md.append("Script: ").append(Stats.num(mb, 1)).append(" MB (")
        .append(String.format("%,d", size)).append(" bytes), ")
        .append(String.format("%,d", statements))
        .append(" statements: INSERTs with quoted strings ('' escapes, semicolons and comment"
            + " markers inside), line and nested block comments, dollar-quoted UPDATEs, and a"
            + " plpgsql function with a `$fn$` body every 200 statements"
            + " (`dev.godwit.bench.split.ScriptGen`).\n\n");
    Map<String, double[]> jmh = new LinkedHashMap<>();
    try {
      var opts =
          new OptionsBuilder()
              .include(SplitBench.class.getName() + "\\.")
              .forks(1)
              .warmupIterations(3) // a 20 MB pass is too short for the JIT after only one
              .measurementIterations(h.o.splitIterations)
              .jvmArgs("-Xmx2g", "-Dbench.split.file=" + file)
              .jvmArgsAppend(pgProps().toArray(new String[0]))
              .build();
      Collection<RunResult> results = new Runner(opts).run();
      for (RunResult rr : results) {
        String name = rr.getParams().getBenchmark();
        name = name.substring(name.lastIndexOf('.') + 1);
        Statistics st = rr.getPrimaryResult().getStatistics();
        // Single-shot milliseconds per pass -> MB/s.
        jmh.put(name, new double[] {mb / (st.getMean() / 1000), mb / (st.getMax() / 1000),
            mb / (st.getMin() / 1000), st.getN()});
      }
    } catch (Exception e) {
      h.problems.add("split JMH failed: " + e);
      h.log("split JMH failed: " + e);
    }
    md.append("JMH (3 warm-up, ")
        .append(h.o.splitIterations).append(" measured single-shot passes, 1 fork, -Xmx2g):\n\n");
    md.append("| splitter | MB/s (mean) | min–max | passes | × Flyway |\n|---|---|---|---|---|\n");
    double fly = jmh.containsKey("flyway") ? jmh.get("flyway")[0] : Double.NaN;
    for (var e : jmh.entrySet()) {
      double[] v = e.getValue();
      md.append("| ").append(e.getKey().equals("godwit") ? "Godwit `SqlSplitter` (POSTGRES)"
              : "Flyway `PostgreSQLParser` " + h.versionOf("flyway-core"))
          .append(" | ").append(Stats.num(v[0], 1)).append(" | ").append(Stats.num(v[1], 1))
          .append("–").append(Stats.num(v[2], 1)).append(" | ").append((int) v[3]).append(" | ")
          .append(Stats.num(v[0] / fly, 2)).append("x |\n");
    }
    md.append("\nMemory: each splitter alone in a child JVM over the same file, under each -Xmx"
        + " (peak heap from the GC log, peak RSS from the kernel):\n\n");
    md.append("| splitter | -Xmx | completes | time | peak heap | peak RSS | statements |\n"
        + "|---|---|---|---|---|---|---|\n");
    List<Integer> heaps = new ArrayList<>(h.o.splitHeaps);
    heaps.add(0);
    for (String tool : List.of("godwit", "flyway")) {
      for (int heap : heaps) {
        List<String> cmd = new ArrayList<>(List.of(h.java));
        if (heap > 0) {
          cmd.add("-Xmx" + heap + "m");
        }
        cmd.addAll(pgProps());
        cmd.addAll(List.of("-cp", h.cp("all"), Splitters.class.getName(), tool, file.toString()));
        Proc.Result r = Proc.run(cmd, true, h.work.resolve("split-run"), h.childEnv, 600);
        String out = Proc.tail(r.log(), 3);
        String completes;
        String counted = "–";
        if (r.ok()) {
          completes = "yes";
          int i = out.lastIndexOf(": ");
          int j = out.indexOf(" statements", i);
          if (i >= 0 && j > i) {
            counted = out.substring(i + 2, j);
          }
        } else if (r.exit() == Proc.TIMEOUT) {
          completes = "no (killed after 600 s)";
        } else if (out.contains("OutOfMemoryError")) {
          completes = "no (OutOfMemoryError)";
        } else {
          completes = "no (exit " + r.exit() + ")";
          h.problems.add("split " + tool + " -Xmx" + heap + "m: " + Harness.firstLine(out));
        }
        h.log("split memory " + tool + " -Xmx" + (heap > 0 ? heap + "m" : " default") + ": "
            + completes + " " + Stats.secs(r.seconds()));
        md.append("| ").append(tool.equals("godwit") ? "Godwit" : "Flyway").append(" | ")
            .append(heap > 0 ? heap + " MB" : "default (¼ of RAM)").append(" | ")
            .append(completes).append(" | ").append(Stats.secs(r.seconds())).append(" | ")
            .append(Stats.num(r.heapMb(), 0)).append(" MB | ").append(Stats.num(r.rssMb(), 0))
            .append(" MB | ").append(counted).append(" |\n");
      }
    }
    return md.toString();
  }
}
