package dev.godwit.sql;

import java.util.NoSuchElementException;

/**
 * The iteration protocol of a {@link StatementStream} over a scanner that yields one statement per
 * call: the next statement is scanned when asked for, and a failure ends the stream.
 */
abstract class LazyStatements implements StatementStream {
  private Statement next;
  private boolean done;

  /** The next statement, or null at the end of the script. */
  abstract Statement scan();

  /** Releases the input; never throws. */
  abstract void release();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      try {
        next = scan();
      } catch (RuntimeException e) {
        done = true;
        throw e;
      }
      if (next == null) {
        done = true;
      }
    }
    return next != null;
  }

  @Override
  public final Statement next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Statement s = next;
    next = null;
    return s;
  }

  @Override
  public final void close() {
    done = true;
    next = null;
    release();
  }
}
