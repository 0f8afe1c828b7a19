package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.util.Locale;

/**
 * A statement that does not fit in the JVM's heap. Godwit holds one statement whole as text while
 * it reads it (in a window of two bytes per character) and sends it, and the driver makes its own
 * copies to encode it: a 50 MB statement needs about 320 MB of heap (BENCHMARKS.md). The failure
 * names the file, the statement and the setting to raise, instead of an OutOfMemoryError's stack
 * trace (issue 17, defect 10).
 */
final class TooLarge {
  /** Heap per byte of statement, measured: 50 MB failed at -Xmx256m and ran at -Xmx320m. */
  private static final int HEAP_PER_BYTE = 7;

  private TooLarge() {}

  /**
   * @param script the file
   * @param number the statement's number in the file (1-based), or 0 when unknown
   * @param line its first line, or 0 when unknown
   * @param chars its size in characters, or a lower bound (see {@code atLeast}); negative when
   *     unknown
   * @param fileBytes the file's size, or a negative number when unknown
   * @param cause the OutOfMemoryError or the splitter's report
   */
  static GodwitException statement(
      String script,
      int number,
      int line,
      long chars,
      boolean atLeast,
      long fileBytes,
      Throwable cause) {
    StringBuilder sb = new StringBuilder(script);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": statement");
    if (number > 0) {
      sb.append(' ').append(number);
    }
    String size = chars >= 0 ? (atLeast ? "more than " : "") + megabytes(chars) + " MB" : null;
    String file = fileBytes >= 0 ? "the file is " + megabytes(fileBytes) + " MB" : null;
    if (size != null || file != null) {
      sb.append(" (")
          .append(size == null ? file : file == null || !atLeast ? size : size + "; " + file)
          .append(')');
    }
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    sb.append(" does not fit in the memory the JVM may use (")
        .append(heapMb)
        .append(" MB heap): Godwit holds a statement whole while it reads and sends it, and the")
        .append(" driver copies it to encode it, about ")
        .append(HEAP_PER_BYTE)
        .append(" times the statement's size in all. Give the JVM more heap: GODWIT_JAVA_OPTS=-Xmx")
        .append(suggestedMb(heapMb, atLeast || chars < 0 ? Math.max(chars, fileBytes) : chars))
        .append("m for the godwit command, MAVEN_OPTS for the Maven plugin, or the -Xmx of the")
        .append(" application that runs Godwit; or split the statement into smaller ones.");
    return new GodwitException(ErrorCode.MIGRATION_FAILED, sb.toString(), cause);
  }

  /** A power of two of megabytes above what the statement needs, and at least twice the heap. */
  static long suggestedMb(long heapMb, long statementBytes) {
    long need = Math.max(heapMb * 2, (Math.max(statementBytes, 0) * HEAP_PER_BYTE) >> 20);
    long mb = 256;
    while (mb < need) {
      mb *= 2;
    }
    return mb;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
