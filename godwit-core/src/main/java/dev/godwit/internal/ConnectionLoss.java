package dev.godwit.internal;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A failure that took the connection with it (the network cut or reset it, it stalled past the
 * driver's socket timeout, the server ended the session), as opposed to a statement the server
 * refused. What was sent on such a connection has an outcome the client cannot see, so the messages
 * say so instead of blaming the script.
 *
 * @param how how the connection went, for the messages: "was cut", "was reset", "timed out"
 */
record ConnectionLoss(String how) {

  /** The loss behind {@code cause}, or null when the connection is still there. */
  static ConnectionLoss of(Throwable cause, Connection c) {
    boolean lost = false;
    boolean timedOut = false;
    boolean reset = false;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof SQLException e && e.getSQLState() != null) {
        lost |= e.getSQLState().startsWith("08");
      }
      lost |= t instanceof SocketException || t instanceof EOFException;
      // MariaDB's driver says "Socket timout error"; pgjdbc wraps a SocketTimeoutException.
      timedOut |= t instanceof SocketTimeoutException || text.contains("timout");
      timedOut |= text.contains("read timed out");
      reset |= text.contains("connection reset");
    }
    lost |= timedOut || reset || closed(c);
    if (!lost) {
      return null;
    }
    if (timedOut) {
      return new ConnectionLoss("timed out (no answer in time: a stalled network or server)");
    }
    return new ConnectionLoss(
        reset
            ? "was reset (by the network or the server)"
            : "was closed (by the network, the server or an administrator)");
  }

  private static boolean closed(Connection c) {
    try {
      return c != null && c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }
}
