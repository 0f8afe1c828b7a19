package dev.godwit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one child process and measures it: wall time from start to exit, peak RSS (from {@code
 * /usr/bin/time}'s maximum resident set size, which the kernel counts exactly; else sampled from
 * {@code /proc/<pid>/status} VmHWM), and for a JVM its peak heap occupancy from its GC log (the
 * largest heap use before a collection, or at exit).
 */
final class Proc {
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern BEFORE_GC = Pattern.compile(" (\\d+)M->(\\d+)M\\(");
  private static final Pattern AT_EXIT = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  /** The exit code recorded for a process killed at its time limit. */
  static final int TIMEOUT = -999;

  private Proc() {}

  /** One measurement: seconds, peak RSS in MB (-1 unknown), peak heap in MB (-1 unknown). */
  record Result(double seconds, double rssMb, double heapMb, int exit, Path log) {
    boolean ok() {
      return exit == 0;
    }
  }

  /**
   * Runs {@code command}. When {@code java} is true, the command is a java launch with its
   * arguments after the executable, and a GC log option is added in front of them.
   */
  static Result run(List<String> command, boolean java, Path work, Map<String, String> env)
      throws IOException, InterruptedException {
    return run(command, java, work, env, 0);
  }

  /** As above; a process still running after {@code timeoutSeconds} (when positive) is killed. */
  static Result run(
      List<String> command, boolean java, Path work, Map<String, String> env, int timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path log = work.resolve("last-run.log");
    Path gc = work.resolve("gc.log");
    Path rss = work.resolve("rss.txt");
    Files.deleteIfExists(gc);
    Files.deleteIfExists(rss);
    List<String> cmd = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      cmd.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
    }
    cmd.add(command.get(0));
    if (java) {
      cmd.add("-Xlog:gc,gc+heap+exit:file=" + gc + ":uptime");
    }
    cmd.addAll(command.subList(1, command.size()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GODWIT_"));
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    long hwmKb = 0;
    if (!timed) {
      Path status = Path.of("/proc/" + p.pid() + "/status");
      while (p.isAlive()) {
        hwmKb = Math.max(hwmKb, vmHwm(status));
        Thread.sleep(10);
      }
    }
    int exit;
    if (timeoutSeconds > 0 && !p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      exit = TIMEOUT;
    } else {
      exit = p.waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rssMb = -1;
    if (timed && Files.exists(rss)) {
      List<String> lines = Files.readAllLines(rss);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
      if (last.matches("\\d+")) {
        rssMb = Long.parseLong(last) / 1024.0;
      }
    } else if (hwmKb > 0) {
      rssMb = hwmKb / 1024.0;
    }
    double heapMb = java ? peakHeap(gc) : -1;
    return new Result(seconds, rssMb, heapMb, exit, log);
  }

  private static long vmHwm(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between the check and the read.
    }
    return 0;
  }

  /** Peak heap occupancy in MB from a -Xlog:gc,gc+heap+exit log, or -1. */
  static double peakHeap(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    double peak = -1;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = BEFORE_GC.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Double.parseDouble(m.group(1)));
      }
      Matcher e = AT_EXIT.matcher(line);
      if (e.find()) {
        peak = Math.max(peak, Long.parseLong(e.group(1)) / 1024.0);
      }
    }
    return peak;
  }

  /** The last lines of a run's output, for an error message. */
  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
