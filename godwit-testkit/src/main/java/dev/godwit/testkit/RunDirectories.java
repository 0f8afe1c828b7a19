package dev.godwit.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One directory per server start, {@code <cache>/run/pg<major>-<jvm pid>-<random>/}, holding the
 * data directory and the logs, and an {@code owner} file naming the JVM (pid and start time).
 *
 * <p>A JVM that is killed leaves its directory, and its server running, behind. {@link
 * #removeStale} finds the directories whose JVM is gone, stops their servers and deletes them; it
 * runs before each start, so a killed run costs the next one nothing but a moment.
 */
final class RunDirectories {

  private static final String OWNER = "owner";
  private static final Duration BEING_CREATED = Duration.ofMinutes(1);
  private static final Duration STOPPING = Duration.ofSeconds(10);

  private RunDirectories() {}

  static Path create(Path cache, int major) throws IOException {
    Path runs = Files.createDirectories(cache.resolve("run"));
    Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessHandle self = ProcessHandle.current();
    Path dir = Files.createTempDirectory(runs, "pg" + major + "-" + self.pid() + "-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    Files.writeString(
        dir.resolve(OWNER), self.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    return dir;
  }

  /** Stops the servers and deletes the run directories of JVMs that are gone. */
  static void removeStale(Path cache, ServerAccount account) {
    Path runs = cache.resolve("run");
    if (!Files.isDirectory(runs)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
      for (Path dir : dirs) {
        try {
          if (!ownerAlive(dir)) {
            Log.info("Removing " + dir + ", left behind by a JVM that is gone");
            stopServer(cache, dir, account);
            Trees.deleteQuietly(dir);
          }
        } catch (IOException | RuntimeException e) {
          Log.warn("Could not clean up " + dir + ": " + e);
        }
      }
    } catch (IOException e) {
      Log.warn("Could not look for stale servers in " + runs + ": " + e);
    }
  }

  private static boolean ownerAlive(Path dir) throws IOException {
    Path owner = dir.resolve(OWNER);
    if (!Files.exists(owner)) {
      Instant modified = Files.getLastModifiedTime(dir).toInstant();
      return modified.isAfter(Instant.now().minus(BEING_CREATED));
    }
    String[] fields = Files.readString(owner, StandardCharsets.UTF_8).trim().split(" ");
    long started = fields.length > 1 ? Long.parseLong(fields[1]) : -1;
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
    if (process.isEmpty() || !process.get().isAlive() || isZombie(process.get().pid())) {
      return false;
    }
    Optional<Instant> actual = process.get().info().startInstant();
    // Another process may have got the pid since: then the start times differ.
    return started < 0
        || actual.isEmpty()
        || Math.abs(actual.get().toEpochMilli() - started) < 1000;
  }

  /** A killed process that its parent has not reaped yet counts as alive for ProcessHandle. */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return state.startsWith("Z") || state.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return false; // no /proc (macOS), or gone
    }
  }

  /** Stops the postmaster whose pid is in the data directory, if it is still ours and running. */
  private static void stopServer(Path cache, Path dir, ServerAccount account) throws IOException {
    Path data = dir.resolve(PostgresInstance.DATA);
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      return;
    }
    Optional<ProcessHandle> server =
        ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
            .filter(ProcessHandle::isAlive)
            .filter(p -> isOurServer(p, cache, data));
    if (server.isPresent()) {
      ProcessHandle postmaster = server.get();
      // Immediate shutdown, as in PostgresInstance.stop(); signalled by pg_ctl as the server user.
      String pgCtl =
          Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl").toString();
      Commands.run(
          account.wrap(List.of(pgCtl, "stop", "-D", data.toString(), "-m", "immediate", "-W")),
          dir,
          dir.resolve("pg_ctl.log"));
      long deadline = System.nanoTime() + STOPPING.toNanos();
      // It removes its pid file last thing when exiting (its exit may be reaped much later).
      while (postmaster.isAlive() && Files.exists(pidFile) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (postmaster.isAlive() && Files.exists(pidFile)) {
        postmaster.destroyForcibly();
      }
    }
  }

  /** Never touch another program, nor a server of another data directory. */
  private static boolean isOurServer(ProcessHandle process, Path cache, Path data) {
    ProcessHandle.Info info = process.info();
    boolean ourBinary = info.command().map(c -> Path.of(c).startsWith(cache)).orElse(false);
    boolean ourData =
        info.arguments().map(args -> List.of(args).contains(data.toString())).orElse(true);
    return ourBinary && ourData;
  }
}
