package dev.godwit.cli;

/** The {@code godwit} command. The only place that exits the JVM. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its documented exit code. */
  public static void main(String[] args) {
    configureLogging(args);
    // Everything printed goes through the masking, drivers' own logging included.
    System.setOut(Redaction.stream(System.out));
    System.setErr(Redaction.stream(System.err));
    int code = new Cli(System.out, System.err, System.getenv()).run(args);
    System.out.flush();
    System.exit(code);
  }

  private static void configureLogging(String[] args) {
    boolean quiet = false;
    boolean verbose = false;
    for (String a : args) {
      quiet |= a.equals("--quiet") || a.equals("-q");
      verbose |= a.equals("--verbose") || a.equals("-v") || a.equals("-X");
    }
    // Logs go to stderr so that stdout carries only results (and --json stays parseable).
    setDefault("org.slf4j.simpleLogger.logFile", "System.err");
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setDefault(
        "org.slf4j.simpleLogger.log.dev.godwit", quiet ? "warn" : verbose ? "debug" : "info");
    // The MariaDB driver logs each failing statement itself; Godwit reports it with more context.
    setDefault("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
    setDefault("org.slf4j.simpleLogger.showThreadName", "false");
    setDefault("org.slf4j.simpleLogger.showLogName", "false");
    setDefault("org.slf4j.simpleLogger.levelInBrackets", "false");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
