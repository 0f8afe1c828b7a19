package dev.godwit.junit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes the copying off the tests' path: one copy is always being made ahead, while a test runs, so
 * the next test finds it ready; a used copy is dropped in the background instead of before the next
 * test starts. One background thread does both, in order. The template is immutable once migrated,
 * so a copy made early is the same as one made on demand.
 */
final class ReadyCopies implements Template {

  private final Template template;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "godwit-junit-copies");
            t.setDaemon(true);
            return t;
          });
  private Future<DatabaseCopy> spare;
  private RuntimeException dropFailure;

  ReadyCopies(Template template) {
    this.template = template;
  }

  @Override
  public synchronized DatabaseCopy copy() {
    Future<DatabaseCopy> next = spare != null ? spare : background.submit(template::copy);
    spare = background.submit(template::copy);
    DatabaseCopy copy = join(next);
    return new DatabaseCopy(
        copy.url(), copy.user(), copy.password(), copy.setup(), () -> dropLater(copy));
  }

  @Override
  public synchronized void close() {
    try {
      if (spare != null) {
        join(spare).close();
        spare = null;
      }
      background.shutdown();
      if (!background.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Dropping the test databases took over two minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dropping the test databases", e);
    } finally {
      template.close();
    }
    if (dropFailure != null) {
      throw dropFailure;
    }
  }

  private void dropLater(DatabaseCopy copy) {
    background.submit(
        () -> {
          try {
            copy.close();
          } catch (RuntimeException e) {
            synchronized (this) {
              if (dropFailure == null) {
                dropFailure = e;
              } else {
                dropFailure.addSuppressed(e);
              }
            }
          }
        });
  }

  private static DatabaseCopy join(Future<DatabaseCopy> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Cannot copy the template database: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while copying the template database", e);
    }
  }
}
