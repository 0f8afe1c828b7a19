package dev.godwit.bench.tools;

import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.LintReport;
import dev.godwit.lint.Linter;
import dev.godwit.sql.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The linter's warm mode, in a JVM of its own with the command line's class path: {@code java -cp
 * ... dev.godwit.bench.tools.LintLoop <dir> <warmups> <rounds>}. Prints one line per round
 * ({@code round <seconds>}) and a summary of the last report ({@code report <errors> <warnings>
 * <infos> <statements>}).
 */
public final class LintLoop {
  private LintLoop() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int warmups = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<LintInput> inputs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().toList()) {
        inputs.add(LintInput.of(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    LintOptions options = LintOptions.builder(SqlDialect.POSTGRES).version("15").build();
    LintReport report = null;
    for (int i = 0; i < warmups; i++) {
      report = Linter.lint(inputs, options);
    }
    for (int r = 0; r < rounds; r++) {
      long t = System.nanoTime();
      report = Linter.lint(inputs, options);
      System.out.println("round " + (System.nanoTime() - t) / 1e9);
    }
    System.out.println("report " + report.errors() + " " + report.warnings() + " " + report.infos()
        + " " + report.statements());
  }
}
