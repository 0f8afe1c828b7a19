package dev.godwit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI in process for the compatibility tests, which live in another package. */
public final class CliBridge {
  private CliBridge() {}

  /**
   * One run of {@code godwit}.
   *
   * @param exit the exit code
   * @param out what it printed on stdout
   * @param err what it printed on stderr
   */
  public record Run(int exit, String out, String err) {}

  /** Runs the command line with these environment variables. */
  public static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e, env).run(args);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
