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
 */
final class BackgroundResolution {
  private final CompletableFuture<Placeholders> placeholders = new CompletableFuture<>();
  private final FutureTask<Resolution> task;

  BackgroundResolution(GodwitConfig config) {
    this.task = new FutureTask<>(() -> new MigrationResolver(config, this::placeholders).resolve());
    Thread t = new Thread(task, "godwit-resolve");
    t.setDaemon(true);
    t.start();
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
