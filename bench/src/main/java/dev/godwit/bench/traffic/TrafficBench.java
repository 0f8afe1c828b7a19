package dev.godwit.bench.traffic;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * The traffic-impact benchmark (issue 13): how long the application's queries are held up while a
 * migration waits for a table lock. A table of 100,000 rows; client threads read and write single
 * rows of it in a loop; a report transaction holds a lock on it for 10 s; 0.5 s into that window
 * the tool migrates {@code ALTER TABLE orders ADD COLUMN note VARCHAR(100) NULL}. Godwit and Flyway
 * run the same scenario one after the other, on PostgreSQL and on MariaDB, each with its default
 * settings. Writes its tables into BENCHMARKS.md between the traffic markers.
 *
 * <p>{@code bench/run.sh traffic [--db pg,mariadb] [--tools flyway,godwit] [--rows 100000]
 * [--clients 8] [--hold 10] [--pause-us 2000] [--pg 127.0.0.1:5432] [--mariadb 127.0.0.1:3306]
 * [--out BENCHMARKS.md | --no-write]}
 */
public final class TrafficBench {
  static final String BEGIN =
      "<!-- traffic:begin (written by bench/run.sh traffic; edits inside are lost) -->";
  static final String END = "<!-- traffic:end -->";

  /** One tool's run on one database. */
  record Result(
      String database,
      String tool,
      String bound,
      long boundMillis,
      int queries,
      double perSecond,
      double p50,
      double p99,
      double longest,
      double migrationSeconds,
      double afterReportSeconds,
      int retries,
      String retryLine,
      String failure) {}

  private final Options o;
  private final Path work;
  private final List<Result> results = new ArrayList<>();
  private final List<String> versions = new ArrayList<>();

  private TrafficBench(Options o) throws IOException {
    this.o = o;
    this.work = Files.createTempDirectory("godwit-traffic-");
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    TrafficBench b = new TrafficBench(o);
    String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
        "yyyy-MM-dd HH:mm", Locale.ROOT));
    String load = loadAverage();
    for (String db : o.dbs) {
      Server server =
          db.equals("pg")
              ? new Server.Postgres(o.pg, o.pgUser, o.pgPassword)
              : new Server.MariaDb(o.mariaDb, o.mariaDbUser, o.mariaDbPassword);
      b.versions.add(server.version());
      for (String tool : o.tools) {
        b.results.add(b.run(server, tool));
      }
    }
    String report = b.report(started, load, String.join(" ", args));
    System.out.println(report);
    if (o.out != null) {
      write(o.out, report);
      System.out.println("[traffic] wrote " + o.out);
    }
  }

  private static void log(String msg) {
    System.out.println("[traffic " + java.time.LocalTime.now().withNano(0) + "] " + msg);
  }

  private Result run(Server server, String tool) throws Exception {
    String database = "gwtraffic_" + tool + "_" + ProcessHandle.current().pid();
    String url = server.fresh(database);
    Path dir = Files.createDirectories(work.resolve(server.name() + "-" + tool));
    Files.writeString(dir.resolve("V1__orders.sql"), server.createOrders(o.rows));
    Files.writeString(dir.resolve("V2__note.sql"), server.addColumn());
    log(server.name() + ", " + tool + ": creating orders with " + o.rows + " rows");
    migrate(server, tool, url, dir, "1");
    String bound = tool.equals("godwit") ? godwitBound(server) : "none (waits as long as it takes)";
    long boundMillis = tool.equals("godwit") ? godwitBoundMillis(server) : 0;
    try (Clients clients =
        new Clients(url, server.user, server.password, o.clients, o.rows, o.pauseMicros)) {
      Thread.sleep(2000); // traffic settles
      log(server.name() + ", " + tool + ": the report opens and holds " + server.reportHolds());
      Connection report = server.openReport(url);
      long reportStart = System.nanoTime();
      long[] reportEnd = {0};
      Thread closer =
          new Thread(
              () -> {
                try {
                  TimeUnit.MILLISECONDS.sleep(o.holdSeconds * 1000L);
                  report.commit();
                  reportEnd[0] = System.nanoTime();
                  report.close();
                } catch (InterruptedException | SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              "report");
      closer.start();
      Thread.sleep(500);
      log(server.name() + ", " + tool + ": migrating " + server.addColumn().trim());
      long migrationStart = System.nanoTime();
      String failure = null;
      String retryLine = null;
      int retries = 0;
      try (StderrCopy copy = new StderrCopy()) {
        migrate(server, tool, url, dir, null);
        String text = copy.text();
        for (String line : text.split("\n")) {
          if (line.contains("retrying the")) {
            retries++;
            retryLine = retryLine == null ? line.trim() : retryLine;
          }
        }
      } catch (RuntimeException e) {
        failure = String.valueOf(e.getMessage()).split("\n")[0];
        log("the migration failed: " + e.getMessage());
      }
      long migrationEnd = System.nanoTime();
      closer.join();
      Thread.sleep(2000); // traffic after both ended
      if (clients.failure() != null) {
        throw new IllegalStateException("a client failed", clients.failure());
      }
      long windowEnd = Math.max(migrationEnd, reportEnd[0]);
      List<Clients.Query> window = new ArrayList<>();
      for (Clients.Query q : clients.queries()) {
        if (q.startNanos() >= reportStart && q.startNanos() <= windowEnd) {
          window.add(q);
        }
      }
      double[] ms = window.stream().mapToDouble(q -> q.nanos() / 1e6).sorted().toArray();
      double windowSeconds = (windowEnd - reportStart) / 1e9;
      Result r =
          new Result(
              server.name(),
              tool.equals("godwit") ? "Godwit" : "Flyway",
              bound,
              boundMillis,
              ms.length,
              ms.length / windowSeconds,
              percentile(ms, 50),
              percentile(ms, 99),
              ms.length == 0 ? 0 : ms[ms.length - 1],
              (migrationEnd - migrationStart) / 1e9,
              (migrationEnd - reportEnd[0]) / 1e9,
              retries,
              retryLine,
              failure);
      log(String.format(Locale.ROOT,
          "%s, %s: %d queries, p50 %.1f ms, p99 %.1f ms, longest %.0f ms; migration %.2f s,"
              + " done %.2f s after the report ended; %d retries",
          r.database(), r.tool(), r.queries(), r.p50(), r.p99(), r.longest(),
          r.migrationSeconds(), r.afterReportSeconds(), r.retries()));
      return r;
    } finally {
      server.drop(database);
    }
  }

  private void migrate(Server server, String tool, String url, Path dir, String target) {
    if (tool.equals("flyway")) {
      var c = Flyway.configure()
          .dataSource(url, server.user, server.password)
          .locations("filesystem:" + dir.toAbsolutePath());
      if (target != null) {
        c = c.target(target);
      }
      c.load().migrate();
      return;
    }
    GodwitConfig.Builder b =
        Godwit.configure()
            .url(url, server.user, server.password)
            .locations("filesystem:" + dir.toAbsolutePath());
    if (target != null) {
      b.target(target);
    }
    if (o.godwitLockTimeout != null) {
      b.set(ConfigKey.LOCK_TIMEOUT, o.godwitLockTimeout);
    }
    b.load().migrate();
  }

  private String godwitBound(Server server) {
    String configured = o.godwitLockTimeout != null ? o.godwitLockTimeout : "500ms";
    return server.name().equals("MariaDB") && godwitBoundMillis(server) == 1000
        ? "lockTimeout " + configured + " (MariaDB waits whole seconds: 1 s)"
        : "lockTimeout " + configured;
  }

  private long godwitBoundMillis(Server server) {
    long ms = ((java.time.Duration) ConfigKey.LOCK_TIMEOUT.parse(
        o.godwitLockTimeout != null ? o.godwitLockTimeout : "500ms")).toMillis();
    return server.name().equals("MariaDB") ? Math.max(1000, (ms + 999) / 1000 * 1000) : ms;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private String report(String started, String load, String args) {
    StringBuilder sb = new StringBuilder();
    sb.append("### Traffic impact — run of ").append(started).append(" UTC\n\n");
    sb.append("- Machine: ").append(cpu()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB max heap;")
        .append(" load average at the start ").append(load).append(".\n");
    sb.append("- Java ").append(System.getProperty("java.version")).append("; ")
        .append(String.join("; ", versions)).append("; Flyway ")
        .append(Flyway.class.getPackage().getImplementationVersion() == null
            ? "13.12.0" : Flyway.class.getPackage().getImplementationVersion())
        .append(" (default settings); Godwit ").append(System.getProperty("bench.commit", "?"))
        .append(" (default settings: lockTimeout 500ms, lockRetries 30).\n");
    sb.append("- Scenario: orders with ").append(String.format(Locale.ROOT, "%,d", o.rows))
        .append(" rows; ").append(o.clients)
        .append(" client threads each reading or writing one row by primary key in a loop (")
        .append(o.pauseMicros / 1000.0).append(" ms pause between queries); after 2 s a report")
        .append(" transaction reads orders and stays open for ").append(o.holdSeconds)
        .append(" s; 0.5 s later the tool migrates `ALTER TABLE orders ADD COLUMN note")
        .append(" VARCHAR(100) NULL`. Latencies are of the queries that started between the")
        .append(" report's start and the later of the migration's end and the report's end.\n");
    sb.append("- Command: `bench/run.sh traffic").append(args.isEmpty() ? "" : " " + args)
        .append("`\n\n");
    sb.append("| database | tool | lock wait bound | queries | queries/s | p50 | p99 |")
        .append(" longest stall | migration wall time | migration done after the report ended |")
        .append(" retries |\n");
    sb.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Result r : results) {
      sb.append(String.format(Locale.ROOT,
          "| %s | %s | %s | %,d | %.0f | %.1f ms | %.1f ms | **%,.0f ms** | %.2f s | %s | %d |%n",
          r.database(), r.tool(), r.bound(), r.queries(), r.perSecond(), r.p50(), r.p99(),
          r.longest(), r.migrationSeconds(),
          r.failure() != null ? "failed: " + r.failure()
              : String.format(Locale.ROOT, "%+.2f s", r.afterReportSeconds()),
          r.retries()));
    }
    sb.append('\n');
    for (Result r : results) {
      if (r.tool().equals("Godwit") && r.failure() == null) {
        double goal = r.boundMillis() + 50;
        sb.append(String.format(Locale.ROOT,
            "- %s: Godwit's longest stall %,.0f ms against the goal of at most %,d ms (the"
                + " bound it waits, %,d ms, plus 50 ms): %s.%n",
            r.database(), r.longest(), (long) goal, r.boundMillis(),
            r.longest() <= goal ? "met" : "missed"));
      }
    }
    for (Result r : results) {
      if (r.retryLine() != null) {
        sb.append("\nOne of Godwit's retry lines on ").append(r.database()).append(":\n\n```text\n")
            .append(r.retryLine()).append("\n```\n");
      }
    }
    return sb.toString();
  }

  private static void write(Path file, String report) throws IOException {
    String text = Files.readString(file);
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b < 0 || e < b) {
      throw new IllegalStateException(file + " has no traffic markers " + BEGIN + " ... " + END);
    }
    Files.writeString(file, text.substring(0, b + BEGIN.length()) + "\n" + report + text.substring(e));
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // Not Linux.
    }
    return System.getProperty("os.arch");
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** A copy of what goes to stderr while it is open (Godwit's log lines), still shown. */
  private static final class StderrCopy implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    StderrCopy() {
      OutputStream tee = new OutputStream() {
        @Override
        public synchronized void write(int b) {
          buffer.write(b);
          original.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) {
          buffer.write(bytes, off, len);
          original.write(bytes, off, len);
        }
      };
      System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }

  /** The command line. */
  static final class Options {
    List<String> dbs = List.of("pg", "mariadb");
    List<String> tools = List.of("flyway", "godwit");
    int rows = 100_000;
    int clients = 8;
    int holdSeconds = 10;
    long pauseMicros = 2000;
    String pg = "127.0.0.1:5432";
    String pgUser = "postgres";
    String pgPassword = "";
    String mariaDb = "127.0.0.1:3306";
    String mariaDbUser = "root";
    String mariaDbPassword = "";
    String godwitLockTimeout;
    Path out = Path.of("BENCHMARKS.md");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--db" -> o.dbs = Arrays.asList(args[++i].split(","));
          case "--tools" -> o.tools = Arrays.asList(args[++i].split(","));
          case "--rows" -> o.rows = Integer.parseInt(args[++i]);
          case "--clients" -> o.clients = Integer.parseInt(args[++i]);
          case "--hold" -> o.holdSeconds = Integer.parseInt(args[++i]);
          case "--pause-us" -> o.pauseMicros = Long.parseLong(args[++i]);
          case "--pg" -> o.pg = args[++i];
          case "--mariadb" -> o.mariaDb = args[++i];
          case "--godwit-lock-timeout" -> o.godwitLockTimeout = args[++i];
          case "--out" -> o.out = Path.of(args[++i]);
          case "--no-write" -> o.out = null;
          default -> throw new IllegalArgumentException(
              "unknown option " + a + "; see the Javadoc of TrafficBench");
        }
      }
      return o;
    }
  }
}
