package dev.godwit.sql;

/**
 * Streams a generated script through the splitter and prints the statement count, for {@link
 * StreamingTest}'s run in a JVM with a small heap. Arguments: dialect, size in chars.
 */
final class LargeScriptMain {
  private LargeScriptMain() {}

  public static void main(String[] args) {
    SqlDialect dialect = SqlDialect.valueOf(args[0]);
    GeneratedScriptReader script = new GeneratedScriptReader(dialect, Long.parseLong(args[1]));
    long count = 0;
    long chars = 0;
    long start = System.nanoTime();
    try (StatementStream stream = SqlSplitter.of(dialect).split(script, "generated.sql")) {
      while (stream.hasNext()) {
        chars += stream.next().sql().length();
        count++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("statements=" + count + " expected=" + script.statements());
    System.out.println("sqlChars=" + chars + " millis=" + millis);
  }
}
