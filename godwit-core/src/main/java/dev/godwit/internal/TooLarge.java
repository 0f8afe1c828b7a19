package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.util.Locale;

/**
 * A statement that does not fit in the JVM's heap. Godwit holds one statement whole as text while
 * it reads and sends it, and the driver encodes its own copy; a 50 MB statement under a 128 MB heap
 * does not fit. The failure names the file, the statement and the setting to raise, instead of an
 * OutOfMemoryError's stack trace (issue 17, defect 10).
 */
final class TooLarge {
  private TooLarge() {}

  /**
   * @param script the file
   * @param number the statement's number in the file (1-based), or 0 when unknown
   * @param line its first line, or 0 when unknown
   * @param chars its size in characters, or a lower bound; negative when unknown
   * @param cause the OutOfMemoryError or the splitter's report
   */
  static GodwitException statement(
      String script, int number, int line, long chars, boolean atLeast, Throwable cause) {
    StringBuilder sb = new StringBuilder(script);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": statement");
    if (number > 0) {
      sb.append(' ').append(number);
    }
    if (chars >= 0) {
      sb.append(" (").append(atLeast ? "more than " : "").append(megabytes(chars)).append(" MB)");
    }
    sb.append(" does not fit in the memory the JVM may use (")
        .append(Runtime.getRuntime().maxMemory() >> 20)
        .append(
            " MB heap): Godwit holds a statement whole while it reads and sends it, and the"
                + " driver makes its own copy, about three to four times the statement's size in"
                + " all. Give the JVM more heap (-Xmx): GODWIT_JAVA_OPTS=-Xmx1g for the godwit command,"
                + " MAVEN_OPTS for the Maven plugin, or the -Xmx of the application that runs Godwit;"
                + " or split the statement into smaller ones.");
    return new GodwitException(ErrorCode.MIGRATION_FAILED, sb.toString(), cause);
  }

  private static String megabytes(long chars) {
    return String.format(Locale.ROOT, "%.1f", chars / (1024.0 * 1024.0));
  }
}
