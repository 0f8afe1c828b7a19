package dev.godwit.sql;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Statements of one script, read lazily: memory stays bounded by the largest statement. Both {@link
 * #hasNext()} and {@link #next()} may throw {@link SqlSplitException}.
 */
public interface StatementStream extends Iterator<Statement>, Closeable {
  /** Closes the underlying reader; never throws. */
  @Override
  void close();
}
