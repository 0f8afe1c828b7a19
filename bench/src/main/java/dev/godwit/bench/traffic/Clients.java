package dev.godwit.bench.traffic;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The application: client threads that each run short reads and writes of single rows of the
 * orders table in a loop (autocommit, a short pause between queries so that two cores keep room
 * for the server and the migration), and record when each query started and how long it took.
 */
final class Clients implements AutoCloseable {
  /** One query: when it started (nanoTime) and how long it took. */
  record Query(long startNanos, long nanos) {}

  private final List<Worker> workers = new ArrayList<>();

  Clients(String url, String user, String password, int threads, int rows, long pauseMicros)
      throws SQLException {
    for (int i = 0; i < threads; i++) {
      Worker w = new Worker(DriverManager.getConnection(url, user, password), rows, pauseMicros);
      workers.add(w);
    }
    for (Worker w : workers) {
      w.thread.start();
    }
  }

  /** Every query recorded so far, by start time. */
  List<Query> queries() {
    List<Query> all = new ArrayList<>();
    for (Worker w : workers) {
      all.addAll(w.snapshot());
    }
    all.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    return all;
  }

  /** The first failure of a client, or null. */
  Throwable failure() {
    for (Worker w : workers) {
      if (w.failure != null) {
        return w.failure;
      }
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    for (Worker w : workers) {
      w.stop = true;
    }
    for (Worker w : workers) {
      w.thread.join(30_000);
      try {
        w.connection.close();
      } catch (SQLException e) {
        // The run is over.
      }
    }
  }

  private static final class Worker {
    final Connection connection;
    final Thread thread;
    final int rows;
    final long pauseMicros;
    volatile boolean stop;
    volatile Throwable failure;
    private long[] starts = new long[1 << 16];
    private long[] durations = new long[1 << 16];
    private int count;

    Worker(Connection connection, int rows, long pauseMicros) {
      this.connection = connection;
      this.rows = rows;
      this.pauseMicros = pauseMicros;
      this.thread = new Thread(this::loop, "client");
      thread.setDaemon(true);
    }

    private void loop() {
      try (PreparedStatement read =
              connection.prepareStatement("SELECT amount, status FROM orders WHERE id = ?");
          PreparedStatement write =
              connection.prepareStatement("UPDATE orders SET amount = amount + 1 WHERE id = ?")) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop) {
          long id = 1 + random.nextInt(rows);
          long start = System.nanoTime();
          if (random.nextBoolean()) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
              rs.next();
            }
          } else {
            write.setLong(1, id);
            write.executeUpdate();
          }
          record(start, System.nanoTime() - start);
          LockSupport.parkNanos(pauseMicros * 1000);
        }
      } catch (SQLException | RuntimeException e) {
        failure = e;
      }
    }

    private synchronized void record(long start, long nanos) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        durations = Arrays.copyOf(durations, count * 2);
      }
      starts[count] = start;
      durations[count] = nanos;
      count++;
    }

    synchronized List<Query> snapshot() {
      List<Query> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(new Query(starts[i], durations[i]));
      }
      return out;
    }
  }
}
