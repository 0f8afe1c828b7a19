package dev.godwit.testkit;

import java.lang.System.Logger.Level;

/** The test kit's few log lines, through {@link System.Logger} (java.util.logging by default). */
final class Log {

  private static final System.Logger LOGGER = System.getLogger("dev.godwit.testkit");

  private Log() {}

  static void info(String message) {
    LOGGER.log(Level.INFO, message);
  }

  static void warn(String message) {
    LOGGER.log(Level.WARNING, message);
  }
}
