package dev.godwit.internal;

import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import java.io.IOException;
import java.io.StringReader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends statements one at a time, never as one multi-statement string. Consecutive plain DML is
 * sent as a JDBC batch when allowed; a failure inside a batch is still pinned on its own statement.
 */
final class StatementExecutor implements AutoCloseable {
  /**
   * A migration's body failed: the statement that broke (null for a Java migration) and the
   * exception it raised.
   */
  static final class StatementFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Statement statement;
    final Exception cause;

    StatementFailure(Statement statement, Exception cause) {
      super(cause);
      this.statement = statement;
      this.cause = cause;
    }
  }

  private final Connection connection;
  private final int batchSize;
  private final List<Statement> batch = new ArrayList<>();
  private java.sql.Statement jdbc;
  private int executed;

  StatementExecutor(Connection connection, int batchSize) {
    this.connection = connection;
    this.batchSize = batchSize;
  }

  /** How many statements completed. */
  int executed() {
    return executed;
  }

  /** Counts a statement that ran outside this executor (a batched backfill). */
  void ranElsewhere() {
    executed++;
  }

  void run(Statement s) throws StatementFailure {
    if (s.has(StatementFlag.COMMENT_ONLY)) {
      return;
    }
    if (batchSize > 1 && s.has(StatementFlag.PLAIN_DML)) {
      batch.add(s);
      if (batch.size() >= batchSize) {
        flush();
      }
      return;
    }
    flush();
    try {
      if (s.has(StatementFlag.COPY_FROM_STDIN)) {
        copyIn(s);
      } else {
        statement().execute(s.sql());
      }
      executed++;
    } catch (SQLException e) {
      throw new StatementFailure(s, e);
    }
  }

  void flush() throws StatementFailure {
    if (batch.isEmpty()) {
      return;
    }
    List<Statement> pending = List.copyOf(batch);
    batch.clear();
    if (pending.size() == 1) {
      try {
        statement().execute(pending.get(0).sql());
        executed++;
        return;
      } catch (SQLException e) {
        throw new StatementFailure(pending.get(0), e);
      }
    }
    try {
      java.sql.Statement st = statement();
      for (Statement s : pending) {
        st.addBatch(s.sql());
      }
      st.executeBatch();
      executed += pending.size();
    } catch (BatchUpdateException e) {
      int failed = failedIndex(e, pending.size());
      executed += failed;
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      throw new StatementFailure(pending.get(failed), cause);
    } catch (SQLException e) {
      throw new StatementFailure(pending.get(0), e);
    } finally {
      clearBatch();
    }
  }

  private static final Pattern PGJDBC_ENTRY = Pattern.compile("Batch entry (\\d+) ");

  /**
   * Drivers report a batch failure differently. pgjdbc marks every entry EXECUTE_FAILED but names
   * the failing one in its message ("Batch entry 3 ..."); others return the counts up to the
   * failure, or mark only the failing entry.
   */
  private static int failedIndex(BatchUpdateException e, int size) {
    Matcher m = PGJDBC_ENTRY.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index >= 0 && index < size) {
        return index;
      }
    }
    int[] counts = e.getUpdateCounts();
    if (counts == null) {
      return 0;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == java.sql.Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    return Math.min(counts.length, size - 1);
  }

  private void clearBatch() {
    try {
      if (jdbc != null) {
        jdbc.clearBatch();
      }
    } catch (SQLException e) {
      // The statement is closed with the executor anyway.
    }
  }

  private java.sql.Statement statement() throws SQLException {
    if (jdbc == null) {
      jdbc = connection.createStatement();
      // Migration SQL goes to the server as written. With escape processing on, drivers rewrite
      // {fn ...}/{d ...} syntax first, and pgjdbc's scan for it misreads E'' strings ('a''b\'c'
      // was "Unterminated string literal") and would change braces inside literals.
      jdbc.setEscapeProcessing(false);
    }
    return jdbc;
  }

  private void copyIn(Statement s) throws SQLException {
    try {
      org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
      pg.getCopyAPI().copyIn(s.sql(), new StringReader(s.copyData()));
    } catch (IOException e) {
      throw new SQLException("COPY data could not be sent: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    Jdbc.closeQuietly(jdbc);
  }
}
