package dev.godwit.bench;

import dev.godwit.bench.Workloads.Workload;
import dev.godwit.bench.tools.FlywayTool;
import dev.godwit.bench.tools.GodwitTool;
import dev.godwit.bench.tools.LiquibaseTool;
import dev.godwit.bench.tools.Raw;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the workloads of issue 7 (W1-W7) and the splitter benchmark of issue 3, and writes the
 * results into BENCHMARKS.md between its results markers. Started by {@code bench/run.sh}; {@code
 * --help} lists the options.
 */
public final class Harness {
  static final String BEGIN = "<!-- results:begin (written by bench/run.sh; edits inside are lost) -->";
  static final String END = "<!-- results:end -->";

  /** The tools and reference commands measured. */
  enum Tool {
    RAW("raw JDBC"),
    GODWIT("Godwit"),
    FLYWAY("Flyway"),
    LIQUIBASE("Liquibase"),
    PSQL("psql -1 -f"),
    JAVA_VERSION("java -version"),
    GODWIT_VERSION("godwit --version");

    final String label;

    Tool(String label) {
      this.label = label;
    }
  }

  /** One table's worth of measurements: each tool's series, round by round. */
  static final class Series {
    final Map<Tool, List<Double>> seconds = new LinkedHashMap<>();
    final Map<Tool, List<Double>> rss = new LinkedHashMap<>();
    final Map<Tool, List<Double>> heap = new LinkedHashMap<>();
    final Map<Tool, List<Double>> alloc = new LinkedHashMap<>();
    final Map<Tool, String> failures = new LinkedHashMap<>();
    int warmups;

    void add(Map<Tool, List<Double>> m, Tool t, double v) {
      m.computeIfAbsent(t, k -> new ArrayList<>()).add(v);
    }
  }

  /** A finished table for the report. */
  record Table(String id, String title, String mode, String db, int n, String command,
      List<Tool> tools, Tool baseline, Series series) {}

  final Options o;
  final Path repo;
  final Path bench;
  final Path work;
  final String java;
  final List<Table> tables = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final Map<String, String> childEnv = new LinkedHashMap<>();
  Dbs.Postgres pg;
  Dbs.H2 h2;
  String loadStart;
  String splitReport;
  String lintReport;
  double lintSeconds = Double.NaN;
  double lintWarmSeconds = Double.NaN;
  String w5HeapReport;
  boolean flywayTemplatesNote;

  Harness(Options o) throws IOException {
    this.o = o;
    this.repo = o.repo.toAbsolutePath().normalize();
    this.bench = repo.resolve("bench");
    this.work = Files.createTempDirectory("godwit-bench-");
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    childEnv.put("REDGATE_DISABLE_TELEMETRY", "true");
    childEnv.put("FLYWAY_TELEMETRY_OPTOUT", "true");
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    if (o.help) {
      System.out.println(Options.HELP);
      return;
    }
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("liquibase").setLevel(Level.WARNING);
    Harness h = new Harness(o);
    try {
      h.runAll();
    } finally {
      h.close();
    }
  }

  void log(String msg) {
    System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + msg);
  }

  void runAll() throws Exception {
    loadStart = loadAverage();
    log("work folder " + work + "; load average " + loadStart);
    openDatabases();
    List<Dbs.Target> dbs = new ArrayList<>();
    if (o.dbs.contains("pg")) {
      dbs.add(pg);
    }
    if (o.dbs.contains("h2")) {
      dbs.add(h2);
    }
    if (o.runs("W1")) {
      for (Dbs.Target db : dbs) {
        for (int n : o.n1) {
          Workload w = Workloads.tiny(work.resolve("workloads"), n);
          for (String mode : o.modes) {
            measure("W1", "migrate " + n + " tiny migrations into an empty database", mode, db, n,
                "migrate", w, o.tools, false);
          }
        }
      }
    }
    List<Integer> appliedNs = new ArrayList<>();
    if (o.runs("W2") || o.runs("W3") || o.runs("W4")) {
      appliedNs.addAll(o.n2);
    }
    if (o.runs("W7")) {
      for (int n : o.n7) {
        if (!appliedNs.contains(n)) {
          appliedNs.add(n);
        }
      }
    }
    for (Dbs.Target db : dbs) {
      for (int n : appliedNs) {
        boolean scale = !o.n2.contains(n);
        if (scale && db != pg) {
          continue; // W7 on PostgreSQL only
        }
        Workload w = Workloads.tiny(work.resolve("workloads"), n);
        Map<Tool, String> templates = templates(db, w, o.tools);
        String[][] cmds = {{"W2", "info"}, {"W3", "validate"}, {"W4", "migrate"}};
        for (String[] c : cmds) {
          if (!scale && !o.runs(c[0])) {
            continue;
          }
          String id = scale ? "W7" : c[0];
          String title =
              switch (c[1]) {
                case "info" -> "info";
                case "validate" -> "validate";
                default -> "migrate with nothing to do";
              }
                  + " on a database with " + n + " applied";
          for (String mode : o.modes) {
            measureApplied(id, title, mode, db, n, c[1], w, templates);
          }
        }
        dropTemplates(db, templates);
      }
    }
    if (o.runs("W5") && o.dbs.contains("pg")) {
      Workload w = Workloads.big(work.resolve("workloads"), o.w5Rows);
      List<Tool> tools = new ArrayList<>(o.tools);
      if (Files.isExecutable(Path.of(o.psql))) {
        tools.add(Tool.PSQL);
      }
      for (String mode : o.modes) {
        List<Tool> t = mode.equals("warm") ? o.tools : tools;
        measure("W5", "one migration of " + o.w5Rows + " single-row INSERTs ("
                + Stats.num(w.bytes() / 1e6, 1) + " MB)", mode, pg, o.w5Rows, "migrate", w, t, false);
      }
      if (o.modes.contains("fresh")) {
        boundedHeap(w);
      }
    }
    if (o.runs("W6") && o.dbs.contains("pg")) {
      int n = o.n2.get(0);
      Workload w = Workloads.tiny(work.resolve("workloads"), n);
      List<Tool> tools = new ArrayList<>(List.of(Tool.JAVA_VERSION, Tool.GODWIT_VERSION));
      tools.addAll(o.tools);
      Map<Tool, String> templates = templates(pg, w, o.tools);
      measureWith("W6", "CLI start: info as a whole process (" + n + " applied) beside the JVM's own"
              + " floor", "fresh", pg, n, "info", w, tools, templates);
      dropTemplates(pg, templates);
    }
    if (o.runs("split")) {
      splitReport = new SplitRunner(this).run();
    }
    if (o.runs("lint")) {
      lintReport = new LintRunner(this).run();
    }
    writeReport();
  }

  /** W5 under a bounded heap: does each tool complete with -Xmx32m, 64m, 96m? (Once each.) */
  void boundedHeap(Workload w) throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("| tool | -Xmx | completes | time | peak heap | peak RSS |\n|---|---|---|---|---|---|\n");
    for (Tool t : o.tools) {
      for (int heap : o.w5Heaps) {
        String url = pg.fresh();
        try {
          Proc.Result r = Proc.run(
              freshCommand(t, "migrate", url, pg, w, List.of("-Xmx" + heap + "m")), true,
              work.resolve("run"), childEnv, 1800);
          String out = Proc.tail(r.log(), 40);
          String completes = r.ok() ? "yes"
              : r.exit() == Proc.TIMEOUT ? "no (killed after 1800 s)"
              : out.contains("OutOfMemoryError") ? "no (OutOfMemoryError)"
              : "no (exit " + r.exit() + ")";
          log("W5 " + t.label + " -Xmx" + heap + "m: " + completes + " " + Stats.secs(r.seconds()));
          md.append("| ").append(t.label).append(" | ").append(heap).append(" MB | ")
              .append(completes).append(" | ").append(Stats.secs(r.seconds())).append(" | ")
              .append(Stats.num(r.heapMb(), 0)).append(" MB | ").append(Stats.num(r.rssMb(), 0))
              .append(" MB |\n");
        } finally {
          pg.drop(url);
        }
      }
    }
    w5HeapReport = md.toString();
  }

  void openDatabases() throws Exception {
    if (o.dbs.contains("pg") || o.runs("split")) {
      try {
        try (Connection c = DriverManager.getConnection(o.pgUrl, o.pgUser, o.pgPassword)) {
          c.isValid(2);
        }
        pg = new Dbs.Postgres(o.pgUrl, o.pgUser, o.pgPassword, "local server at " + hostPort(o.pgUrl));
      } catch (SQLException e) {
        log("PostgreSQL at " + o.pgUrl + " is unreachable (" + e.getMessage()
            + "); starting the test kit's embedded server");
        var server = dev.godwit.testkit.PostgresServers.newest();
        pg = new Dbs.Postgres(server.adminUrl(), server.user(), server.password(),
            server.name() + ", the local server was unreachable");
      }
      log("PostgreSQL: " + pg.version());
    }
    h2 = new Dbs.H2(work);
  }

  static String hostPort(String url) {
    String rest = url.substring("jdbc:postgresql://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  void close() {
    if (pg != null) {
      pg.close();
    }
    if (h2 != null) {
      h2.close();
    }
    if (!o.keepWork) {
      try {
        Dbs.deleteTree(work);
      } catch (IOException e) {
        log("could not delete " + work + ": " + e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ templates

  /** One database per tool with the workload applied by that tool (in-process, not timed). */
  Map<Tool, String> templates(Dbs.Target db, Workload w, List<Tool> tools) throws Exception {
    Map<Tool, String> out = new LinkedHashMap<>();
    for (Tool t : tools) {
      long start = System.nanoTime();
      String url = db.fresh();
      try {
        if (t == Tool.FLYWAY && w.count() >= o.flywayTemplatesByGodwit) {
          // Flyway's own migrate is quadratic in N (346 s for 10,000 here; hours for 50,000).
          // Godwit writes Flyway's history table row for row (same columns, values and
          // checksums), so it builds Flyway's template; Flyway then reads it as its own.
          GodwitTool.run("migrate", url, db.user(), db.password(), w.sql(),
              "flyway_schema_history");
          flywayTemplatesNote = true;
        } else {
          warmOp(t, "migrate", url, db, w);
        }
        out.put(t, url);
      } catch (Exception | Error e) {
        problems.add(t.label + " could not apply " + w.name() + " on " + db.name() + ": " + e);
        log(t.label + " could not apply " + w.name() + ": " + e);
        db.drop(url);
      }
      log("template " + t.label + " " + w.name() + " on " + db.name() + " in "
          + Stats.secs((System.nanoTime() - start) / 1e9));
    }
    return out;
  }

  void dropTemplates(Dbs.Target db, Map<Tool, String> templates) throws Exception {
    for (String url : templates.values()) {
      db.drop(url);
    }
  }

  // ------------------------------------------------------------------ measuring

  void measure(String id, String title, String mode, Dbs.Target db, int n, String command,
      Workload w, List<Tool> tools, boolean applied) throws Exception {
    measureWith(id, title, mode, db, n, command, w, tools, null);
  }

  void measureApplied(String id, String title, String mode, Dbs.Target db, int n, String command,
      Workload w, Map<Tool, String> templates) throws Exception {
    measureWith(id, title, mode, db, n, command, w, new ArrayList<>(templates.keySet()), templates);
  }

  /**
   * Measures {@code tools} interleaved (A B C A B C ...), each on a fresh database (a copy of its
   * template when given), for the configured rounds after the warm-up rounds.
   */
  void measureWith(String id, String title, String mode, Dbs.Target db, int n, String command,
      Workload w, List<Tool> tools, Map<Tool, String> templates) throws Exception {
    boolean warm = mode.equals("warm");
    int rounds = warm ? o.warmRounds : o.rounds;
    if (n >= 10_000 && !id.equals("W5")) {
      rounds = Math.min(rounds, o.roundsLarge); // Flyway and Liquibase take minutes per round
    }
    int warmups = !warm ? 0 : n >= 10_000 && !id.equals("W5") ? Math.min(o.warmups, 1) : o.warmups;

    Series s = new Series();
    s.warmups = warmups;
    log(id + " " + mode + " " + db.name() + " N=" + n + " " + command + ": " + rounds
        + " rounds" + (warmups > 0 ? " after " + warmups + " warm-up rounds" : ""));
    for (int r = -warmups; r < rounds; r++) {
      for (Tool t : tools) {
        if (s.failures.containsKey(t)) {
          continue;
        }
        String url = null;
        try {
          if (t != Tool.JAVA_VERSION && t != Tool.GODWIT_VERSION) {
            url = templates != null && templates.containsKey(t)
                ? db.copyOf(templates.get(t)) : db.fresh();
          }
          if (warm) {
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long a0 = bean.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            warmOp(t, command, url, db, w);
            double secs = (System.nanoTime() - t0) / 1e9;
            long a1 = bean.getCurrentThreadAllocatedBytes();
            if (r >= 0) {
              s.add(s.seconds, t, secs);
              s.add(s.alloc, t, (a1 - a0) / 1e6);
            }
          } else {
            Proc.Result res = Proc.run(freshCommand(t, command, url, db, w), t != Tool.PSQL,
                work.resolve("run"), childEnv);
            if (!res.ok()) {
              throw new IllegalStateException("exit " + res.exit() + ":\n" + Proc.tail(res.log(), 15));
            }
            s.add(s.seconds, t, res.seconds());
            s.add(s.rss, t, res.rssMb());
            s.add(s.heap, t, res.heapMb());
          }
        } catch (Exception | Error e) {
          String msg = String.valueOf(e.getMessage());
          s.failures.put(t, firstLine(msg));
          problems.add(id + " " + mode + " " + db.name() + " N=" + n + ": " + t.label + " failed: "
              + msg);
          log(t.label + " FAILED: " + msg);
        } finally {
          if (url != null) {
            db.drop(url);
          }
        }
      }
      if (r >= 0) {
        StringBuilder line = new StringBuilder("  round " + (r + 1) + ":");
        for (Tool t : tools) {
          List<Double> xs = s.seconds.get(t);
          if (xs != null && xs.size() > r) {
            line.append(' ').append(t.label).append(' ').append(Stats.secs(xs.get(r)));
          }
        }
        log(line.toString());
      }
    }
    Tool baseline = tools.contains(Tool.RAW) ? Tool.RAW : null;
    tables.add(new Table(id, title, mode, db.name(), n, command, tools, baseline, s));
  }

  static String firstLine(String s) {
    int i = s.indexOf('\n');
    String line = i < 0 ? s : s.substring(0, i);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** Runs one command in this JVM. */
  void warmOp(Tool t, String command, String url, Dbs.Target db, Workload w) throws Exception {
    switch (t) {
      case RAW -> Raw.run(command, url, db.user(), db.password(), w.sql());
      case GODWIT -> GodwitTool.run(command, url, db.user(), db.password(), w.sql());
      case FLYWAY -> FlywayTool.run(command, url, db.user(), db.password(), w.sql());
      case LIQUIBASE -> LiquibaseTool.run(command, url, db.user(), db.password(), w.liquibase());
      default -> throw new IllegalArgumentException(t + " has no in-process mode");
    }
  }

  String cp(String tool) throws IOException {
    String deps = Files.readString(bench.resolve("target/cp-" + tool + ".txt")).trim();
    return bench.resolve("target/classes") + ":" + deps;
  }

  /** The command line of one fresh-JVM measurement. */
  List<String> freshCommand(Tool t, String command, String url, Dbs.Target db, Workload w)
      throws IOException {
    return freshCommand(t, command, url, db, w, List.of());
  }

  /** As above, with extra JVM options (such as -Xmx) first. */
  List<String> freshCommand(Tool t, String command, String url, Dbs.Target db, Workload w,
      List<String> extraJvm) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(extraJvm);
    switch (t) {
      case JAVA_VERSION -> {
        cmd.addAll(o.godwitJvmOpts);
        cmd.add("-version");
      }
      case GODWIT_VERSION -> {
        cmd.addAll(o.godwitJvmOpts);
        cmd.addAll(cdsOpts());
        cmd.addAll(List.of("-jar", cliJar().toString(), "--version"));
      }
      case GODWIT -> {
        cmd.addAll(o.godwitJvmOpts);
        cmd.addAll(cdsOpts());
        cmd.addAll(List.of("-jar", cliJar().toString(), "--url", url, "--user", db.user()));
        if (!db.password().isEmpty()) {
          cmd.addAll(List.of("--password", db.password()));
        }
        cmd.addAll(List.of("--locations", "filesystem:" + w.sql(), command));
      }
      case RAW, FLYWAY, LIQUIBASE -> {
        cmd.addAll(o.jvmOpts);
        String main =
            switch (t) {
              case RAW -> Raw.class.getName();
              case FLYWAY -> FlywayTool.class.getName();
              default -> LiquibaseTool.class.getName();
            };
        cmd.addAll(List.of("-cp", cp(t.name().toLowerCase(Locale.ROOT)), main, command, url,
            db.user(), db.password(),
            (t == Tool.LIQUIBASE ? w.liquibase() : w.sql()).toString()));
      }
      case PSQL -> {
        cmd.clear();
        String hp = hostPort(url);
        String host = hp.contains(":") ? hp.substring(0, hp.indexOf(':')) : hp;
        String port = hp.contains(":") ? hp.substring(hp.indexOf(':') + 1) : "5432";
        cmd.addAll(List.of(o.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-h", host, "-p",
            port, "-U", db.user(), "-d", url.substring(url.lastIndexOf('/') + 1), "-o",
            "/dev/null", "-f", w.bigScript().toString()));
      }
    }
    return cmd;
  }

  /** The class data sharing archive ./godwit makes (bench/run.sh asks it to), as it passes it. */
  List<String> cdsOpts() {
    Path jsa = cliJar().resolveSibling("godwit.jsa");
    return o.godwitCds && Files.isRegularFile(jsa)
        ? List.of("-XX:SharedArchiveFile=" + jsa)
        : List.of();
  }

  /** The version of a dependency, from its jar's name on the bench class path. */
  String versionOf(String artifact) {
    try {
      for (String jar : Files.readString(bench.resolve("target/cp-all.txt")).trim().split(":")) {
        String name = Path.of(jar).getFileName().toString();
        if (name.startsWith(artifact + "-") && name.endsWith(".jar")
            && Character.isDigit(name.charAt(artifact.length() + 1))) {
          return name.substring(artifact.length() + 1, name.length() - 4);
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "?";
  }

  /** Runs a short command and returns its output, or "" when it cannot run. */
  String exec(Path dir, String... command) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  Path cliJar() {
    return repo.resolve("godwit-cli/target/godwit-cli.jar");
  }

  // ------------------------------------------------------------------ report

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
    } catch (IOException e) {
      return "unknown";
    }
  }

  void writeReport() throws IOException {
    String body = new Report(this).render();
    Path out = o.out.isAbsolute() ? o.out : repo.resolve(o.out);
    String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    String result;
    if (b >= 0 && e > b) {
      result = text.substring(0, b) + BEGIN + "\n" + body + END + text.substring(e + END.length());
    } else {
      result = (text.isEmpty() ? "# Benchmarks\n\n" : text + "\n") + BEGIN + "\n" + body + END + "\n";
    }
    Files.writeString(out, result, StandardCharsets.UTF_8);
    log("wrote " + out);
    if (!problems.isEmpty()) {
      log(problems.size() + " problem(s); see the report");
    }
  }

  /** Command-line options. */
  static final class Options {
    static final String HELP =
        """
        bench/run.sh [options]   (or: java -cp ... dev.godwit.bench.Harness [options])

          --quick               smoke run: N=100, W5 with 20,000 rows, W7 at N=300 and 1,000,
                                a 20 MB splitter script, 2 fresh rounds, 2 warm rounds after 1
                                warm-up (about ten minutes on 2 cores, most of it Flyway and
                                Liquibase)
          --only LIST           workloads to run, of W1,W2,W3,W4,W5,W6,W7,split,lint (default: all)
          --db LIST             pg,h2 (default: both; W5-W7 run on PostgreSQL only)
          --modes LIST          fresh,warm (default: both)
          --tools LIST          raw,godwit,flyway,liquibase (default: all)
          --rounds R            fresh-JVM rounds (default 5)
          --warm-rounds R       warm rounds (default 10), after --warmups W (default 3)
          --rounds-large R      at most R rounds (either mode) at N >= 10,000 (default 3)
          --n1 LIST             W1 sizes (default 100,1000,10000)
          --n2 LIST             W2-W4 sizes (default 1000)
          --n7 LIST             W7 sizes (default 10000,50000)
          --w5-rows R           W5 INSERTs (default 200000)
          --flyway-templates-by-godwit N  from this N on (default 10000), Flyway's applied
                                databases for W2-W4/W7 are built by Godwit writing
                                flyway_schema_history (Flyway's own migrate is quadratic)
          --w5-heaps LIST       -Xmx values (MB) W5 is also run under once per tool (default
                                32,64,96; empty to skip)
          --lint-statements S   statements in the lint benchmark's project (default 10000)
          --split-mb M          splitter script size in MB (default 100)
          --split-iterations I  JMH measurement iterations (default 5; warm-up 2)
          --split-heaps LIST    -Xmx values (MB) tried for each splitter (default 32,64,96,128,256)
          --pg-url URL          admin database of the PostgreSQL server
                                (default jdbc:postgresql://127.0.0.1:5432/postgres; when it is
                                unreachable the test kit's embedded PostgreSQL 18 is used)
          --pg-user U, --pg-password P   (default postgres, empty)
          --psql PATH           psql for W5 (default /usr/bin/psql)
          --jvm-opts "..."      JVM options for the raw, Flyway and Liquibase processes (default none)
          --godwit-jvm-opts "..."  JVM options for Godwit's CLI and java -version (default: the
                                ./godwit launcher's: -XX:TieredStopAtLevel=1 -Xshare:auto)
          --no-cds              run Godwit's CLI without the class data sharing archive that
                                ./godwit makes (godwit-cli/target/godwit.jsa; used by default)
          --out FILE            report file (default BENCHMARKS.md in the repository)
          --keep-work           keep the temporary folder with workloads and logs
        """;

    boolean help;
    boolean quick;
    Path repo = Path.of(System.getProperty("bench.repo", "."));
    List<String> only = List.of();
    List<String> dbs = List.of("pg", "h2");
    List<String> modes = List.of("fresh", "warm");
    List<Tool> tools = List.of(Tool.RAW, Tool.GODWIT, Tool.FLYWAY, Tool.LIQUIBASE);
    int rounds = 5;
    int warmRounds = 10;
    int warmups = 3;
    int roundsLarge = 3;
    List<Integer> n1 = List.of(100, 1000, 10000);
    List<Integer> n2 = List.of(1000);
    List<Integer> n7 = List.of(10000, 50000);
    int w5Rows = 200_000;
    int flywayTemplatesByGodwit = 10_000;
    List<Integer> w5Heaps = List.of(32, 64, 96);
    int splitMb = 100;
    int lintStatements = 10_000;
    int splitIterations = 5;
    List<Integer> splitHeaps = List.of(32, 64, 96, 128, 256);
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
    String pgUser = "postgres";
    String pgPassword = "";
    String psql = "/usr/bin/psql";
    List<String> jvmOpts = List.of();
    List<String> godwitJvmOpts = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");
    boolean godwitCds = true;
    Path out = Path.of("BENCHMARKS.md");
    boolean keepWork;
    final List<String> argv = new ArrayList<>();

    boolean runs(String w) {
      return only.isEmpty() || only.contains(w);
    }

    static Options parse(String[] args) {
      Options o = new Options();
      o.argv.addAll(Arrays.asList(args));
      if (o.argv.contains("--quick")) {
        o.quick = true;
        o.rounds = 2;
        o.warmRounds = 2;
        o.warmups = 1;
        o.n1 = List.of(100);
        o.n2 = List.of(100);
        o.n7 = List.of(300, 1000);
        o.w5Rows = 20_000;
        o.w5Heaps = List.of(32, 64);
        o.splitIterations = 2;
        o.splitMb = 20;
        o.splitHeaps = List.of(32, 64);
      }
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--help", "-h" -> o.help = true;
          case "--quick" -> {}
          case "--keep-work" -> o.keepWork = true;
          case "--repo" -> o.repo = Path.of(args[++i]);
          case "--only" -> o.only = list(args[++i]);
          case "--db" -> o.dbs = list(args[++i]);
          case "--modes" -> o.modes = list(args[++i]);
          case "--tools" ->
              o.tools = list(args[++i]).stream()
                  .map(s -> Tool.valueOf(s.toUpperCase(Locale.ROOT))).toList();
          case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
          case "--warm-rounds" -> o.warmRounds = Integer.parseInt(args[++i]);
          case "--warmups" -> o.warmups = Integer.parseInt(args[++i]);
          case "--rounds-large" -> o.roundsLarge = Integer.parseInt(args[++i]);
          case "--n1" -> o.n1 = ints(args[++i]);
          case "--n2" -> o.n2 = ints(args[++i]);
          case "--n7" -> o.n7 = ints(args[++i]);
          case "--w5-rows" -> o.w5Rows = Integer.parseInt(args[++i]);
          case "--flyway-templates-by-godwit" ->
              o.flywayTemplatesByGodwit = Integer.parseInt(args[++i]);
          case "--w5-heaps" -> o.w5Heaps = ints(args[++i]);
          case "--split-mb" -> o.splitMb = Integer.parseInt(args[++i]);
          case "--split-iterations" -> o.splitIterations = Integer.parseInt(args[++i]);
          case "--split-heaps" -> o.splitHeaps = ints(args[++i]);
          case "--pg-url" -> o.pgUrl = args[++i];
          case "--pg-user" -> o.pgUser = args[++i];
          case "--pg-password" -> o.pgPassword = args[++i];
          case "--psql" -> o.psql = args[++i];
          case "--jvm-opts" -> o.jvmOpts = words(args[++i]);
          case "--godwit-jvm-opts" -> o.godwitJvmOpts = words(args[++i]);
          case "--no-cds" -> o.godwitCds = false;
          case "--lint-statements" -> o.lintStatements = Integer.parseInt(args[++i]);
          case "--out" -> o.out = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + a + "\n" + HELP);
        }
      }
      return o;
    }

    static List<String> list(String s) {
      return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    static List<String> words(String s) {
      return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
    }

    static List<Integer> ints(String s) {
      return list(s).stream().map(Integer::parseInt).toList();
    }
  }
}
