package dev.godwit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.testkit.FaultProxy.Fault;
import dev.godwit.testkit.FaultProxy.Moment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy itself, against an echo server that also records what reached it. */
class FaultProxyIT {
  private ServerSocket echo;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private FaultProxy proxy;

  @BeforeEach
  void echoServer() throws IOException {
    echo = new ServerSocket();
    echo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t =
        new Thread(
            () -> {
              while (true) {
                Socket s;
                try {
                  s = echo.accept();
                } catch (IOException e) {
                  return;
                }
                Thread each = new Thread(() -> echoAll(s));
                each.setDaemon(true);
                each.start();
              }
            });
    t.setDaemon(true);
    t.start();
    proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
  }

  private void echoAll(Socket s) {
    byte[] buf = new byte[1024];
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        received.add(new String(buf, 0, n, StandardCharsets.UTF_8));
        out.write(buf, 0, n);
        out.flush();
      }
      received.add("<EOF>");
    } catch (IOException e) {
      received.add("<" + e.getClass().getSimpleName() + ": " + e.getMessage() + ">");
    }
  }

  @AfterEach
  void close() throws IOException {
    proxy.close();
    echo.close();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", proxy.port());
    s.setSoTimeout(5000);
    return s;
  }

  private static String exchange(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
    return read(s, text.length());
  }

  private static String read(Socket s, int length) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buf = new byte[1024];
    while (got.size() < length) {
      int n = s.getInputStream().read(buf);
      if (n < 0) {
        break;
      }
      got.write(buf, 0, n);
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  /** Waits until the echo server saw {@code what}; bounded, so a missing event fails the test. */
  private void awaitReceived(String what) throws InterruptedException {
    for (int i = 0; i < 100 && received.stream().noneMatch(r -> r.startsWith(what)); i++) {
      Thread.sleep(50);
    }
    assertThat(received).as("what the server received").anyMatch(r -> r.startsWith(what));
  }

  @Test
  void forwardsBothWaysAndNumbersTheConnectionsInOrder() throws IOException {
    try (Socket a = connect();
        Socket b = connect()) {
      assertThat(exchange(a, "hello")).isEqualTo("hello");
      assertThat(exchange(b, "world")).isEqualTo("world");
      assertThat(proxy.links()).hasSize(2);
      assertThat(proxy.link(0).bytesUp()).isEqualTo(5);
      assertThat(proxy.link(1).isOpen()).isTrue();
    }
  }

  @Test
  void aCutEndsBothStreams() throws Exception {
    try (Socket a = connect()) {
      exchange(a, "x");
      proxy.link(0).cut();
      assertThat(a.getInputStream().read()).isEqualTo(-1);
      awaitReceived("<EOF>");
      assertThat(proxy.injected(Fault.CUT)).isEqualTo(1);
      assertThat(proxy.link(0).isOpen()).isFalse();
    }
  }

  @Test
  void aResetAbortsBothSides() throws Exception {
    try (Socket a = connect()) {
      exchange(a, "x");
      proxy.resetAll();
      assertThatThrownBy(() -> a.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      awaitReceived("<SocketException: Connection reset");
      assertThat(proxy.injected(Fault.RESET)).isEqualTo(1);
    }
  }

  @Test
  void aStallHoldsTheBytesAndTheCloseUntilHealed() throws Exception {
    try (Socket a = connect()) {
      exchange(a, "x");
      proxy.link(0).stall();
      a.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
      a.setSoTimeout(300);
      assertThatThrownBy(() -> a.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(received).containsExactly("x");
      assertThat(proxy.link(0).isStalled()).isTrue();

      a.setSoTimeout(5000);
      proxy.healAll();
      assertThat(read(a, 4)).isEqualTo("held");
      assertThat(proxy.injected(Fault.STALL)).isEqualTo(1);
    }
  }

  @Test
  void aClosedClientOfAStalledLinkLeavesTheServerSideOpenUntilHealed() throws Exception {
    Socket a = connect();
    exchange(a, "x");
    proxy.link(0).stall();
    a.close();
    Thread.sleep(200); // a close the proxy passed on would reach the server in this time
    assertThat(received).containsExactly("x");
    proxy.link(0).heal();
    awaitReceived("<EOF>");
  }

  @Test
  void anArmedFaultLandsBeforeTheMatchingBytesReachTheServer() throws Exception {
    FaultProxy.Trigger t = proxy.arm("DROP TABLE", Moment.BEFORE, Fault.CUT, -1);
    try (Socket a = connect()) {
      assertThat(exchange(a, "SELECT 1")).isEqualTo("SELECT 1");
      assertThat(t.fired()).isFalse();
      a.getOutputStream().write("DROP TABLE t".getBytes(StandardCharsets.UTF_8));
      assertThat(a.getInputStream().read()).isEqualTo(-1);
      awaitReceived("<EOF>");
      assertThat(received).containsExactly("SELECT 1", "<EOF>");
      assertThat(t.fired()).isTrue();
      assertThat(t.carrier()).isZero();
    }
  }

  @Test
  void anArmedFaultLandsAfterTheMatchingBytesReachedTheServer() throws Exception {
    proxy.arm("DROP TABLE", Moment.AFTER, Fault.RESET, -1);
    try (Socket a = connect()) {
      a.getOutputStream().write("DROP TABLE t".getBytes(StandardCharsets.UTF_8));
      awaitReceived("DROP TABLE t");
      awaitReceived("<SocketException");
      assertThatThrownBy(() -> read(a, 100)).isInstanceOf(SocketException.class);
    }
  }

  @Test
  void aTextSplitAcrossTwoWritesIsFoundAndAnotherLinkCanBeTheTarget() throws Exception {
    FaultProxy.Trigger lockLink = proxy.watch("idle");
    FaultProxy.Trigger t = proxy.arm("pg_try_advisory_lock", Moment.AFTER, Fault.CUT, lockLink);
    try (Socket main = connect();
        Socket lock = connect()) {
      exchange(lock, "idle");
      exchange(main, "SELECT pg_try_");
      main.getOutputStream().write("advisory_lock(1)".getBytes(StandardCharsets.UTF_8));
      assertThat(read(main, 16)).isEqualTo("advisory_lock(1)");
      assertThat(lock.getInputStream().read()).isEqualTo(-1);
      assertThat(t.fired()).isTrue();
      assertThat(lockLink.carrier()).isEqualTo(1);
      assertThat(proxy.link(0).isOpen()).isTrue();
      assertThat(proxy.injected(Fault.CUT)).isEqualTo(1);
    }
  }

  @Test
  void bytesAlreadyForwardedDoNotFireALaterTrigger() throws Exception {
    try (Socket a = connect()) {
      exchange(a, "INSERT INTO h");
      FaultProxy.Trigger t = proxy.arm("INSERT INTO h", Moment.BEFORE, Fault.CUT, -1);
      assertThat(exchange(a, "x")).isEqualTo("x");
      assertThat(t.fired()).isFalse();
    }
  }

  @Test
  void rewritesAUrlToThePortOfTheProxy() {
    assertThat(proxy.url("jdbc:postgresql://localhost:5432/db?x=1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/db?x=1");
    assertThat(proxy.url("jdbc:mariadb://127.0.0.1/db"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:" + proxy.port() + "/db");
  }

  @Test
  void carriesARealPostgresSessionAndCutsIt() throws Exception {
    PostgresServer pg = PostgresServers.newest();
    String url = pg.createDatabase();
    try (FaultProxy db = FaultProxy.forUrl(url);
        Connection c = DriverManager.getConnection(db.url(url), pg.user(), pg.password());
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT 41 + 1")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
      db.arm("SELECT 2", Moment.BEFORE, Fault.CUT, -1);
      assertThatThrownBy(() -> st.executeQuery("SELECT 2"))
          .isInstanceOf(java.sql.SQLException.class)
          .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).startsWith("08"));
    }
  }
}
