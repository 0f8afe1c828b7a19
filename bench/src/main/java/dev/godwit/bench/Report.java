package dev.godwit.bench;

import dev.godwit.bench.Harness.Series;
import dev.godwit.bench.Harness.Table;
import dev.godwit.bench.Harness.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a run as Markdown. */
final class Report {
  private final Harness h;
  private final StringBuilder md = new StringBuilder();

  Report(Harness h) {
    this.h = h;
  }

  String render() throws IOException {
    Harness.Options o = h.o;
    String loadEnd = Harness.loadAverage();
    md.append("## ").append(o.quick ? "Smoke run" : "Run").append(" of ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append("\n\n");
    if (o.quick) {
      md.append("> **SMOKE RUN (`--quick`): small N, ").append(o.rounds)
          .append(" fresh rounds, ").append(o.warmRounds)
          .append(" warm rounds. It checks that the harness works; its figures are not results.**"
              + " Load average at the start ").append(h.loadStart).append(", at the end ")
          .append(loadEnd).append(" on ").append(nproc()).append(" cores.\n\n");
    } else {
      md.append("Load average at the start ").append(h.loadStart).append(", at the end ")
          .append(loadEnd).append(" on ").append(nproc()).append(" cores.\n\n");
    }
    md.append("- Command: `bench/run.sh").append(o.argv.isEmpty() ? "" : " " + String.join(" ", o.argv))
        .append("`\n");
    md.append("- Machine: ").append(nproc()).append(" cores (").append(cpuModel()).append("), ")
        .append(memTotal()).append(" memory, ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append('\n');
    md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" (")
        .append(System.getProperty("java.vendor")).append("); fresh-JVM options: Godwit CLI and"
            + " `java -version` `").append(String.join(" ", o.godwitJvmOpts))
        .append("` (what `./godwit` passes)")
        .append(h.cdsOpts().isEmpty() ? ", Godwit without a class data sharing archive"
            : ", Godwit's CLI also with `./godwit`'s class data sharing archive"
                + " (`-XX:SharedArchiveFile=godwit-cli/target/godwit.jsa`)")
        .append(", raw/Flyway/Liquibase `")
        .append(o.jvmOpts.isEmpty() ? "(defaults)" : String.join(" ", o.jvmOpts))
        .append("`; every JVM also gets `-Xlog:gc,gc+heap+exit` for its peak heap\n");
    md.append("- Databases: ");
    if (h.pg != null) {
      md.append(h.pg.version()).append("; ");
    }
    md.append(h.h2.version()).append('\n');
    md.append("- Tools: Godwit ").append(godwitVersion()).append(" (CLI `godwit-cli.jar` for the"
            + " fresh-JVM mode, `dev.godwit.api.Godwit` in-process), Flyway ")
        .append(h.versionOf("flyway-core")).append(" (flyway-core + flyway-database-postgresql,"
            + " Java API), Liquibase ").append(h.versionOf("liquibase-core"))
        .append(" (Java API, formatted-SQL changelogs), JDBC drivers pgjdbc ")
        .append(h.versionOf("postgresql")).append(" and H2 ").append(h.versionOf("h2"))
        .append(", ").append(psqlVersion()).append('\n');
    md.append("- Each measurement gets a fresh database (PostgreSQL: `CREATE DATABASE`, or"
        + " `CREATE DATABASE ... TEMPLATE` of a database the same tool migrated beforehand; H2: a"
        + " new file, or a copy of the template file). Tools run interleaved, round by round; the"
        + " ratio to raw is taken within each round, then its median and range are shown.\n");
    if (h.flywayTemplatesNote) {
      md.append("- Flyway's applied databases at N ≥ ").append(o.flywayTemplatesByGodwit)
          .append(" were built by Godwit writing `flyway_schema_history` (Flyway's own migrate is"
              + " quadratic in N); Flyway's info, validate and migrate then ran on them as on"
              + " its own.\n");
    }
    md.append('\n');

    String lastHeading = "";
    List<Table> ordered = new ArrayList<>(h.tables);
    ordered.sort(java.util.Comparator.comparing(Table::id)); // stable: run order within a workload
    for (Table t : ordered) {
      String heading = t.id() + " — " + t.title();
      if (!heading.equals(lastHeading)) {
        md.append("### ").append(heading).append("\n\n");
        lastHeading = heading;
      }
      table(t);
    }
    if (h.w5HeapReport != null) {
      md.append("### W5 under a bounded heap (fresh JVM, once each, PostgreSQL)\n\n")
          .append(h.w5HeapReport).append('\n');
    }
    linearity();
    goals();
    if (h.splitReport != null) {
      md.append("### Splitter (issue 3) — split throughput and memory\n\n").append(h.splitReport)
          .append('\n');
    }
    if (h.lintReport != null) {
      md.append("### Linter (issue 6) — 10,000 statements well under a second\n\n")
          .append(h.lintReport).append('\n');
    }
    if (!h.problems.isEmpty()) {
      md.append("### Problems in this run\n\n");
      for (String p : h.problems) {
        md.append("- ").append(Harness.firstLine(p).replace("|", "\\|")).append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  private void table(Table t) {
    boolean warm = t.mode().equals("warm");
    Series s = t.series();
    md.append("**").append(t.db()).append(", ")
        .append(warm ? "warm in-process loop" : "fresh JVM per operation")
        .append("**, ").append(s.seconds.values().stream().mapToInt(List::size).max().orElse(0))
        .append(" rounds").append(warm ? " after " + s.warmups + " warm-up round" + (s.warmups == 1 ? "" : "s") : "")
        .append(":\n\n");
    if (warm) {
      md.append("| tool | median | min–max | × raw (min–max) | allocated per op |\n"
          + "|---|---|---|---|---|\n");
    } else {
      md.append("| tool | median | min–max | × raw (min–max) | peak RSS | peak heap |\n"
          + "|---|---|---|---|---|---|\n");
    }
    for (Tool tool : t.tools()) {
      List<Double> xs = s.seconds.getOrDefault(tool, List.of());
      md.append("| ").append(tool.label).append(" | ");
      if (xs.isEmpty()) {
        String f = s.failures.getOrDefault(tool, "no result");
        md.append("failed: ").append(f.replace("|", "\\|")).append(warm ? " | | | |\n" : " | | | | |\n");
        continue;
      }
      md.append(Stats.secs(Stats.median(xs))).append(" | ").append(Stats.secs(Stats.min(xs)))
          .append("–").append(Stats.secs(Stats.max(xs))).append(" | ");
      List<Double> ratios = ratios(t, tool);
      if (t.baseline() == null || ratios.isEmpty()) {
        md.append("–");
      } else {
        md.append(Stats.num(Stats.median(ratios), 2)).append("x (")
            .append(Stats.num(Stats.min(ratios), 2)).append("–")
            .append(Stats.num(Stats.max(ratios), 2)).append(")");
      }
      if (warm) {
        md.append(" | ").append(Stats.num(Stats.median(s.alloc.getOrDefault(tool, List.of())), 1))
            .append(" MB |\n");
      } else {
        md.append(" | ").append(Stats.num(Stats.median(s.rss.getOrDefault(tool, List.of())), 0))
            .append(" MB | ")
            .append(tool == Tool.PSQL ? "–" : Stats.num(
                Stats.median(s.heap.getOrDefault(tool, List.of())), 0) + " MB")
            .append(" |\n");
      }
      if (s.failures.containsKey(tool)) {
        md.append("| ↳ ").append(tool.label).append(" then failed: ")
            .append(s.failures.get(tool).replace("|", "\\|")).append(warm ? " | | | |\n" : " | | | | |\n");
      }
    }
    md.append('\n');
  }

  /** Per-round ratios of {@code tool} to the table's baseline. */
  static List<Double> ratios(Table t, Tool tool) {
    List<Double> out = new ArrayList<>();
    if (t.baseline() == null) {
      return out;
    }
    List<Double> xs = t.series().seconds.getOrDefault(tool, List.of());
    List<Double> base = t.series().seconds.getOrDefault(t.baseline(), List.of());
    for (int i = 0; i < Math.min(xs.size(), base.size()); i++) {
      out.add(xs.get(i) / base.get(i));
    }
    return out;
  }

  /** W7: medians of info, validate and no-op migrate against N, on PostgreSQL. */
  private void linearity() {
    Map<String, TreeMap<Integer, Table>> byKey = new LinkedHashMap<>();
    for (Table t : h.tables) {
      if ((t.id().equals("W7") || t.id().equals("W2") || t.id().equals("W3")
          || t.id().equals("W4")) && t.db().equals("PostgreSQL")) {
        byKey.computeIfAbsent(t.mode() + " " + t.command(), k -> new TreeMap<>()).put(t.n(), t);
      }
    }
    boolean any = h.tables.stream().anyMatch(t -> t.id().equals("W7"));
    if (!any) {
      return;
    }
    md.append("### W7 — scale: time against N (PostgreSQL)\n\n"
        + "Median seconds; *exponent* is log(t₂/t₁)/log(N₂/N₁) between the two largest N (1.0 is"
        + " linear, 2.0 quadratic).\n\n");
    List<Integer> ns = new ArrayList<>();
    byKey.values().forEach(m -> m.keySet().forEach(n -> {
      if (!ns.contains(n)) {
        ns.add(n);
      }
    }));
    ns.sort(null);
    md.append("| mode | command | tool |");
    ns.forEach(n -> md.append(" N=").append(String.format(Locale.ROOT, "%,d", n)).append(" |"));
    md.append(" per migration at largest N | exponent |\n|---|---|---|");
    ns.forEach(n -> md.append("---|"));
    md.append("---|---|\n");
    for (var e : byKey.entrySet()) {
      String[] mc = e.getKey().split(" ");
      List<Tool> tools = e.getValue().lastEntry().getValue().tools();
      for (Tool tool : tools) {
        md.append("| ").append(mc[0]).append(" | ").append(mc[1]).append(" | ").append(tool.label)
            .append(" |");
        List<double[]> pts = new ArrayList<>();
        for (int n : ns) {
          Table t = e.getValue().get(n);
          double m = t == null ? Double.NaN
              : Stats.median(t.series().seconds.getOrDefault(tool, List.of()));
          md.append(' ').append(Stats.secs(m)).append(" |");
          if (!Double.isNaN(m)) {
            pts.add(new double[] {n, m});
          }
        }
        if (pts.size() >= 2) {
          double[] a = pts.get(pts.size() - 2);
          double[] b = pts.get(pts.size() - 1);
          md.append(' ').append(Stats.num(b[1] / b[0] * 1e6, 0)).append(" µs | ")
              .append(Stats.num(Math.log(b[1] / a[1]) / Math.log(b[0] / a[0]), 2)).append(" |\n");
        } else {
          md.append(" – | – |\n");
        }
      }
    }
    md.append('\n');
  }

  /** The goals of issue 7, checked against this run's figures. */
  private void goals() {
    List<String[]> rows = new ArrayList<>();
    for (Table t : h.tables) {
      if (t.baseline() == null || !t.tools().contains(Tool.GODWIT)) {
        continue;
      }
      List<Double> r = ratios(t, Tool.GODWIT);
      if (r.isEmpty()) {
        continue;
      }
      double med = Stats.median(r);
      double limit;
      if (t.id().equals("W5")) {
        limit = 0.3;
      } else if (t.db().equals("H2")) {
        if (!t.id().equals("W1")) {
          continue;
        }
        limit = 1.5;
      } else if (t.id().equals("W7")) {
        continue;
      } else {
        limit = 1.1;
      }
      rows.add(new String[] {t.id() + " " + t.db() + " " + t.mode() + " N=" + t.n(),
          "Godwit ≤ " + limit + "x raw", Stats.num(med, 2) + "x", med <= limit ? "met" : "NOT met"});
    }
    for (Table t : h.tables) {
      if (t.id().equals("W6")) {
        double jv = Stats.median(t.series().seconds.getOrDefault(Tool.JAVA_VERSION, List.of()));
        double gv = Stats.median(t.series().seconds.getOrDefault(Tool.GODWIT_VERSION, List.of()));
        rows.add(new String[] {"W6 --version", "godwit --version ≤ 3x java -version",
            Stats.num(gv / jv, 2) + "x", gv / jv <= 3 ? "met" : "NOT met"});
      }
      if (t.id().equals("W7") && t.mode().equals("warm") && t.command().equals("validate")
          && t.n() >= 50_000) {
        double v = Stats.median(t.series().seconds.getOrDefault(Tool.GODWIT, List.of()));
        rows.add(new String[] {"W7 validate warm N=" + t.n(), "< 2 s", Stats.secs(v),
            v < 2 ? "met" : "NOT met"});
      }
    }
    if (!Double.isNaN(h.lintSeconds)) {
      rows.add(new String[] {"lint " + h.o.lintStatements + " statements, fresh JVM",
          "well under 1 s (issue 6)", Stats.secs(h.lintSeconds), h.lintSeconds < 1 ? "met"
              : "NOT met"});
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("### Goals of issue 7 against this run\n\n");
    if (h.o.quick) {
      md.append("(Smoke run: small N on a loaded machine; these verdicts are indicative only.)\n\n");
    }
    md.append("| measurement | goal | Godwit (median of per-round ratios) | verdict |\n"
        + "|---|---|---|---|\n");
    for (String[] r : rows) {
      md.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    md.append('\n');
  }

  static String nproc() {
    return String.valueOf(Runtime.getRuntime().availableProcessors());
  }

  static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return Stats.num(kb / 1024.0 / 1024.0, 1) + " GiB";
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return "unknown";
  }

  private String godwitVersion() {
    String rev = h.exec(h.repo, "git", "rev-parse", "--short", "HEAD");
    String dirty = h.exec(h.repo, "git", "status", "--porcelain", "--untracked-files=no", "--",
        "godwit-sql", "godwit-core", "godwit-cli", "pom.xml");
    return "0.1.0-SNAPSHOT at " + rev.trim()
        + (dirty.isBlank() ? "" : " with uncommitted changes in the working tree");
  }

  private String psqlVersion() {
    String v = h.exec(h.repo, h.o.psql, "--version").trim();
    return v.isEmpty() ? "psql not found" : v;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
