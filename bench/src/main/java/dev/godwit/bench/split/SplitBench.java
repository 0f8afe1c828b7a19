package dev.godwit.bench.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one iteration splits the whole generated script once (single-shot time); MB/s is the file
 * size over the time. The file is {@code -Dbench.split.file}, generated beforehand by the harness
 * (or here, at {@code -Dbench.split.mb} MB, when missing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SplitBench {
  Path file;
  Splitters.FlywayContext flywayContext;

  @Setup
  public void setup() throws IOException {
    String f = System.getProperty("bench.split.file");
    if (f != null && Files.exists(Path.of(f))) {
      file = Path.of(f);
    } else {
      file = Files.createTempFile("split", ".sql");
      file.toFile().deleteOnExit();
      ScriptGen.generate(file, Long.getLong("bench.split.mb", 100) * 1_000_000L);
    }
    flywayContext = Splitters.FlywayContext.fromSystemProperties();
  }

  @TearDown
  public void tearDown() {
    if (flywayContext != null) {
      flywayContext.close();
    }
  }

  @Benchmark
  public long godwit() {
    long[] r = Splitters.godwit(file);
    return r[0] + r[1];
  }

  @Benchmark
  public long flyway() {
    long[] r = Splitters.flyway(file, flywayContext);
    return r[0] + r[1];
  }
}
