package dev.godwit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between a client and a database server that cuts, resets or stalls the connections
 * passing through it, for tests of what a client does when the network fails it.
 *
 * <p>Point the client at {@link #url(String)} instead of the server. Each connection the proxy
 * accepts becomes a {@link Link}, numbered in the order they arrived, so a test can fault the
 * second connection a client opened (Godwit's lock connection) and leave the first alone. A fault
 * either lands at once ({@link Link#cut()}, {@link #cutAll()}, ...) or is {@linkplain #arm armed}
 * to land when a text (a statement, a lock query) passes from the client to the server, before or
 * after the proxy forwards it: so a test places a fault before, during or after a statement.
 *
 * <p>Faults: {@link Fault#CUT} closes both sides (each peer reads an orderly end of stream), {@link
 * Fault#RESET} aborts both (TCP RST: each peer reads "connection reset"), {@link Fault#STALL} stops
 * forwarding in both directions and holds what arrives, as a network partition does, until {@link
 * Link#heal()}; a stalled link does not pass on a close either, so the server keeps the session as
 * it would behind a partition.
 */
public final class FaultProxy implements AutoCloseable {

  /** What happens to a connection. */
  public enum Fault {
    /** Both sides closed: each peer sees the stream end. */
    CUT,
    /** Both sides aborted with a TCP reset. */
    RESET,
    /** Nothing forwarded in either direction until healed; a close is held back too. */
    STALL
  }

  /** Where an armed fault lands relative to the bytes that matched. */
  public enum Moment {
    /** Before they are forwarded: the server never sees them. */
    BEFORE,
    /** Right after they are forwarded: the server has them and is working on them. */
    AFTER
  }

  private static final Pattern HOST_PORT =
      Pattern.compile("^(jdbc:[a-z0-9]+://)([^/:?,]+)(?::(\\d+))?(.*)$");

  private final ServerSocket server;
  private final String host;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private volatile boolean closed;

  private FaultProxy(String host, int targetPort) throws IOException {
    this.host = host;
    this.targetPort = targetPort;
    for (Fault f : Fault.values()) {
      injected.put(f, new AtomicInteger());
    }
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept-" + port());
    accept.setDaemon(true);
    accept.start();
  }

  /**
   * Starts a proxy to a server.
   *
   * @param host the server's host
   * @param port the server's port
   * @return the running proxy, listening on a free loopback port
   * @throws UncheckedIOException when no port can be opened
   */
  public static FaultProxy to(String host, int port) {
    try {
      return new FaultProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a proxy to the server of a JDBC URL with a single {@code //host:port} (PostgreSQL,
   * MariaDB, MySQL).
   *
   * @param jdbcUrl the server's URL
   * @return the running proxy
   * @throws IllegalArgumentException for a URL without {@code //host}
   */
  public static FaultProxy forUrl(String jdbcUrl) {
    Matcher m = HOST_PORT.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a jdbc:<db>://host[:port]/... URL: " + jdbcUrl);
    }
    return to(m.group(2), m.group(3) != null ? Integer.parseInt(m.group(3)) : defaultPort(m));
  }

  private static int defaultPort(Matcher m) {
    return m.group(1).startsWith("jdbc:postgresql") ? 5432 : 3306;
  }

  /**
   * The URL that reaches the same database through this proxy.
   *
   * @param jdbcUrl a URL of the server this proxy forwards to
   * @return the URL with its host and port replaced by the proxy's
   */
  public String url(String jdbcUrl) {
    Matcher m = HOST_PORT.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a jdbc:<db>://host[:port]/... URL: " + jdbcUrl);
    }
    return m.group(1) + "127.0.0.1:" + port() + m.group(4);
  }

  /**
   * The loopback port the proxy listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * The connections accepted so far, in the order they arrived.
   *
   * @return a snapshot of the links
   */
  public List<Link> links() {
    return List.copyOf(links);
  }

  /**
   * One accepted connection.
   *
   * @param index its place in the order of arrival, from 0
   * @return the link
   * @throws IndexOutOfBoundsException when fewer connections arrived
   */
  public Link link(int index) {
    return links.get(index);
  }

  /** Cuts every open connection. */
  public void cutAll() {
    links.forEach(Link::cut);
  }

  /** Resets every open connection. */
  public void resetAll() {
    links.forEach(Link::reset);
  }

  /** Stalls every open connection. */
  public void stallAll() {
    links.forEach(Link::stall);
  }

  /** Lets every stalled connection go on. */
  public void healAll() {
    links.forEach(Link::heal);
  }

  /**
   * Arms a fault that lands the first time {@code text} passes from a client to the server.
   *
   * @param text what to wait for, e.g. a statement's text (matched in UTF-8, case-sensitive)
   * @param moment before or after the matching bytes are forwarded
   * @param fault what to do
   * @param target the link to fault, by index; -1 for the link that carried the text
   * @return the trigger, to ask whether it fired
   */
  public Trigger arm(String text, Moment moment, Fault fault, int target) {
    Trigger t = new Trigger(text, moment, fault, target, null);
    triggers.add(t);
    return t;
  }

  /**
   * Arms a fault that lands, when {@code text} passes, on the link another trigger or {@linkplain
   * #watch watch} saw its own text on: e.g. on the connection that took a lock.
   *
   * @param text what to wait for
   * @param moment before or after the matching bytes are forwarded
   * @param fault what to do
   * @param targetCarrier the trigger whose carrier is faulted; nothing happens if it has not fired
   * @return the trigger
   */
  public Trigger arm(String text, Moment moment, Fault fault, Trigger targetCarrier) {
    Trigger t = new Trigger(text, moment, fault, -1, targetCarrier);
    triggers.add(t);
    return t;
  }

  /**
   * Notes which link carries {@code text} first, without a fault.
   *
   * @param text what to look for
   * @return a trigger whose {@link Trigger#carrier()} names the link
   */
  public Trigger watch(String text) {
    Trigger t = new Trigger(text, Moment.AFTER, null, -1, null);
    triggers.add(t);
    return t;
  }

  /** Disarms every trigger that has not fired. */
  public void disarm() {
    triggers.clear();
  }

  /**
   * How many faults of a kind landed, by hand or by a trigger.
   *
   * @param fault the kind
   * @return the count since the proxy started
   */
  public int injected(Fault fault) {
    return injected.get(fault).get();
  }

  /** Stops listening and cuts every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // Closing: nothing left to do with it.
    }
    for (Link l : links) {
      l.close(false);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket upstream = new Socket(host, targetPort);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        Link link = new Link(links.size(), client, upstream);
        links.add(link);
        link.start();
      } catch (IOException e) {
        quietClose(client);
      }
    }
  }

  private static boolean contains(byte[] hay, int from, byte[] needle) {
    outer:
    for (int i = from; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  /** A fault armed to land when its text passes; it fires once. */
  public final class Trigger {
    private final byte[] text;
    private final Moment moment;
    private final Fault fault;
    private final int target;
    private final Trigger targetCarrier;
    private volatile Link firedOn;
    private int skips;

    private Trigger(String text, Moment moment, Fault fault, int target, Trigger targetCarrier) {
      this.text = text.getBytes(StandardCharsets.UTF_8);
      this.moment = moment;
      this.fault = fault;
      this.target = target;
      this.targetCarrier = targetCarrier;
    }

    /**
     * Lets the text pass {@code n} times before the trigger fires: for a text sent more than once,
     * as a trial write before the real one. Call before the traffic starts.
     *
     * @param n how many passes to let through
     * @return this trigger
     */
    public Trigger skipping(int n) {
      synchronized (this) {
        skips = n;
      }
      return this;
    }

    /**
     * Whether the text passed and the fault landed.
     *
     * @return true once fired
     */
    public boolean fired() {
      return firedOn != null;
    }

    /**
     * The link whose traffic carried the text.
     *
     * @return its index, or -1 before it fired
     */
    public int carrier() {
      Link l = firedOn;
      return l == null ? -1 : l.index;
    }

    @Override
    public String toString() {
      return (fault == null ? "WATCH" : fault)
          + " "
          + moment
          + " '"
          + new String(text, StandardCharsets.UTF_8)
          + "'"
          + (target < 0 ? "" : " on link " + target)
          + (fired() ? " (fired on link " + carrier() + ")" : " (not fired)");
    }
  }

  /** One client connection and its connection to the server. */
  public final class Link {
    private final int index;
    private final Socket client;
    private final Socket upstream;
    private final Object monitor = new Object();
    private boolean stalled;
    private volatile boolean open = true;
    private final AtomicInteger bytesUp = new AtomicInteger();
    // The last bytes sent up, so that a text split across two reads is still found.
    private byte[] tail = new byte[0];

    private Link(int index, Socket client, Socket upstream) {
      this.index = index;
      this.client = client;
      this.upstream = upstream;
    }

    private void start() {
      Thread up = new Thread(() -> pump(client, upstream, true), "fault-proxy-up-" + index);
      Thread down = new Thread(() -> pump(upstream, client, false), "fault-proxy-down-" + index);
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    /**
     * Its place in the order of arrival.
     *
     * @return the index, from 0
     */
    public int index() {
      return index;
    }

    /**
     * Whether neither side was closed yet.
     *
     * @return true while open
     */
    public boolean isOpen() {
      return open;
    }

    /**
     * Whether it is stalled now.
     *
     * @return true while stalled
     */
    public boolean isStalled() {
      synchronized (monitor) {
        return stalled && open;
      }
    }

    /**
     * Bytes forwarded from the client to the server.
     *
     * @return the count
     */
    public int bytesUp() {
      return bytesUp.get();
    }

    /** Closes both sides; a no-op on a closed link. */
    public void cut() {
      if (open) {
        injected.get(Fault.CUT).incrementAndGet();
        close(false);
      }
    }

    /** Aborts both sides with a TCP reset; a no-op on a closed link. */
    public void reset() {
      if (open) {
        injected.get(Fault.RESET).incrementAndGet();
        close(true);
      }
    }

    /** Stops forwarding in both directions until {@link #heal()}. */
    public void stall() {
      synchronized (monitor) {
        if (open && !stalled) {
          stalled = true;
          injected.get(Fault.STALL).incrementAndGet();
        }
      }
    }

    /** Forwards again what a stall held back, and from then on. */
    public void heal() {
      synchronized (monitor) {
        stalled = false;
        monitor.notifyAll();
      }
    }

    private void apply(Fault fault) {
      if (fault == null) {
        return; // a watch
      }
      switch (fault) {
        case CUT -> cut();
        case RESET -> reset();
        case STALL -> stall();
      }
    }

    private void close(boolean reset) {
      synchronized (monitor) {
        open = false;
        monitor.notifyAll();
      }
      for (Socket s : List.of(client, upstream)) {
        try {
          if (reset && !s.isClosed()) {
            s.setSoLinger(true, 0);
          }
        } catch (SocketException e) {
          // Closed meanwhile: it is gone either way.
        }
        quietClose(s);
      }
    }

    /** Waits while stalled; false once the link is closed. */
    private boolean passable() throws InterruptedException {
      synchronized (monitor) {
        while (stalled && open) {
          monitor.wait();
        }
        return open;
      }
    }

    private void pump(Socket from, Socket to, boolean up) {
      byte[] buf = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        while (true) {
          int n = in.read(buf);
          if (!passable()) {
            return;
          }
          if (n < 0) {
            break;
          }
          List<Trigger> fired = up ? matches(buf, n) : List.of();
          for (Trigger t : fired) {
            if (t.moment == Moment.BEFORE && targetOf(t) != null) {
              targetOf(t).apply(t.fault);
            }
          }
          if (!passable()) {
            return;
          }
          out.write(buf, 0, n);
          out.flush();
          if (up) {
            bytesUp.addAndGet(n);
          }
          for (Trigger t : fired) {
            if (t.moment == Moment.AFTER && targetOf(t) != null) {
              targetOf(t).apply(t.fault);
            }
          }
        }
      } catch (IOException e) {
        // A side went away, or a fault closed it: the link ends below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // One side ended its stream: end the other, as a TCP proxy does, unless stalled.
      try {
        if (passable()) {
          close(false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The link a trigger faults, or null when its target is another trigger's, not yet seen. */
    private Link targetOf(Trigger t) {
      if (t.targetCarrier != null) {
        return t.targetCarrier.firedOn;
      }
      return t.target < 0 ? this : links.get(t.target);
    }

    private List<Trigger> matches(byte[] buf, int n) {
      if (triggers.isEmpty()) {
        return List.of();
      }
      byte[] window = new byte[tail.length + n];
      System.arraycopy(tail, 0, window, 0, tail.length);
      System.arraycopy(buf, 0, window, tail.length, n);
      List<Trigger> fired = new ArrayList<>();
      for (Trigger t : triggers) {
        // Only a match ending in the new bytes: the tail was forwarded already.
        int from = Math.max(0, tail.length - t.text.length + 1);
        if (t.firedOn == null && contains(window, from, t.text)) {
          synchronized (t) {
            if (t.skips > 0) {
              t.skips--;
            } else if (t.firedOn == null) {
              t.firedOn = this;
              fired.add(t);
            }
          }
        }
      }
      int keep = Math.min(window.length, 4096);
      tail = Arrays.copyOfRange(window, window.length - keep, window.length);
      return fired;
    }

    @Override
    public String toString() {
      return "link "
          + index
          + (open ? (isStalled() ? " (stalled)" : " (open)") : " (closed)")
          + ", "
          + bytesUp()
          + " bytes up";
    }
  }
}
