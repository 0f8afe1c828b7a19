package dev.godwit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs short external commands. */
final class Commands {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private Commands() {}

  /** The exit code and the output (stdout and stderr together) of a finished command. */
  record Result(int exitCode, String output) {}

  /** Runs {@code command} and returns its exit code and output. */
  static Result run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Result(await(process, command), output);
  }

  /**
   * Runs {@code command} in {@code directory}, with the PostgreSQL-neutral environment of {@link
   * #configure}, writing its output to {@code log}; returns its exit code.
   */
  static int run(List<String> command, Path directory, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    configure(builder, directory, log);
    Process process = builder.start();
    process.getOutputStream().close();
    return await(process, command);
  }

  /**
   * Sets up {@code builder} to run a PostgreSQL program: in {@code directory} (which the server
   * user can enter, unlike perhaps the JVM's), output appended to {@code log}, the C locale, and
   * none of the {@code PG*} variables of libpq that could point it elsewhere.
   */
  static void configure(ProcessBuilder builder, Path directory, Path log) {
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PG"));
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    builder
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  /** The last lines of {@code log}, to explain a failure. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int await(Process process, List<String> command) throws IOException {
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException("Timed out after " + TIMEOUT + ": " + command);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("Interrupted while running " + command, e);
    }
  }
}
