package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Lists and names the migrations on another thread while the session connects. Both take a few
 * milliseconds (tens in a fresh JVM, where each loads its own classes), and a command waits for the
 * sum when they run one after the other.
 *
 * <p>For a command that compares every checksum (migrate validates on migrate), the thread then
 * goes on reading the files for their checksums while the session is still connecting and reading
 * the history: at an application's start, where that connection starts the application's pool, the
 * reads are otherwise all left for after it. The command never waits for this: a checksum it asks
 * for first is computed by the command itself, once (the checksums are memoised per migration).
 */
final class BackgroundResolution {
  private final CompletableFuture<Placeholders> placeholders = new CompletableFuture<>();
  private final FutureTask<Resolution> task;

  /**
   * @param readAhead whether to compute the checksums after listing (see the class comment)
   */
  BackgroundResolution(GodwitConfig config, boolean readAhead) {
    this.task = new FutureTask<>(() -> new MigrationResolver(config, this::placeholders).resolve());
    Thread t =
        new Thread(
            () -> {
              task.run();
              if (readAhead) {
                readAhead();
              }
            },
            "godwit-resolve");
    t.setDaemon(true);
    t.start();
  }

  private void readAhead() {
    Resolution res;
    try {
      res = task.get();
    } catch (ExecutionException | InterruptedException e) {
      return; // join() reports it
    }
    res.versioned().forEach(ResolvedMigration::readAhead);
    res.baselines().forEach(ResolvedMigration::readAhead);
  }

  private Placeholders placeholders() {
    // Only checksums of repeatable migrations ask, and they are computed after join().
    return placeholders.getNow(null);
  }

  /** The resolution, or what went wrong making it, thrown here as it would have been inline. */
  Resolution join(Placeholders sessionPlaceholders) {
    placeholders.complete(sessionPlaceholders);
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new GodwitException(ErrorCode.INTERNAL, "Resolving migrations failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GodwitException(ErrorCode.INTERNAL, "Interrupted while resolving migrations", e);
    }
  }
}
