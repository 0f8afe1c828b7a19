package dev.godwit.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running postgres process: a fresh data directory made by initdb in its own run directory,
 * served on a free port of 127.0.0.1 with settings for speed over durability.
 */
final class PostgresInstance {

  static final String DATA = "data";
  static final String SUPERUSER = "postgres";
  private static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path install;
  private final Path runDir;
  private final ServerAccount account;
  private final Process process;
  private final int port;
  private boolean stopped;

  private PostgresInstance(
      Path install, Path runDir, ServerAccount account, Process process, int port) {
    this.install = install;
    this.runDir = runDir;
    this.account = account;
    this.process = process;
    this.port = port;
  }

  /** Creates a cluster in {@code runDir} with the binaries in {@code install} and starts it. */
  static PostgresInstance start(Path install, Path runDir, ServerAccount account)
      throws IOException {
    Path data = runDir.resolve(DATA);
    Files.createDirectory(
        data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    account.handOver(data);
    initdb(install, runDir, account);
    Path log = runDir.resolve("postgres.log");
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      ProcessBuilder builder = new ProcessBuilder(account.wrap(postgres(install, data, port)));
      Commands.configure(builder, runDir, log);
      Process process = builder.start();
      process.getOutputStream().close();
      if (awaitReady(process, data, port, log)) {
        return new PostgresInstance(install, runDir, account, process, port);
      }
      if (attempt == PORT_ATTEMPTS) {
        throw new IOException(
            "postgres could not bind a free port in "
                + attempt
                + " attempts:\n"
                + Commands.tail(log));
      }
    }
  }

  int port() {
    return port;
  }

  String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
  }

  /**
   * Stops the server at once (immediate shutdown: its data is thrown away, so nothing needs to be
   * flushed, and open connections do not delay it) and deletes its run directory.
   */
  synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    List<String> pgCtl =
        List.of(
            install.resolve("bin/pg_ctl").toString(),
            "stop",
            "-D",
            runDir.resolve(DATA).toString(),
            "-m",
            "immediate",
            "-W");
    try {
      if (Files.isDirectory(runDir)) {
        Commands.run(account.wrap(pgCtl), runDir, runDir.resolve("pg_ctl.log"));
      } else {
        process.destroy(); // already cleaned up as stale (in tests)
      }
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      Log.warn("pg_ctl stop failed, killing postgres: " + e);
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    Trees.deleteQuietly(runDir);
  }

  private static void initdb(Path install, Path runDir, ServerAccount account) throws IOException {
    List<String> command =
        List.of(
            install.resolve("bin/initdb").toString(),
            "-D",
            runDir.resolve(DATA).toString(),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync");
    Path log = runDir.resolve("initdb.log");
    int exit = Commands.run(account.wrap(command), runDir, log);
    if (exit != 0) {
      throw new IOException("initdb failed with exit code " + exit + ":\n" + Commands.tail(log));
    }
  }

  private static List<String> postgres(Path install, Path data, int port) {
    List<String> command = new ArrayList<>();
    command.add(install.resolve("bin/postgres").toString());
    command.add("-D");
    command.add(data.toString());
    command.add("-p");
    command.add(Integer.toString(port));
    for (String setting :
        List.of(
            "listen_addresses=" + HOST,
            "unix_socket_directories=",
            "fsync=off",
            "synchronous_commit=off",
            "full_page_writes=off",
            "shared_buffers=16MB",
            "huge_pages=off",
            "jit=off",
            "max_connections=100")) {
      command.add("-c");
      command.add(setting);
    }
    return command;
  }

  /**
   * Waits until the server accepts connections, and returns true; or returns false if it exited
   * because its port was taken meanwhile. Checks the data directory of the server that answers, in
   * case another one holds the port.
   */
  private static boolean awaitReady(Process process, Path data, int port, Path log)
      throws IOException {
    String url = "jdbc:postgresql://" + HOST + ":" + port + "/postgres?connectTimeout=5";
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String tail = Commands.tail(log);
        if (tail.contains("could not bind") || tail.contains("could not create any TCP/IP")) {
          return false;
        }
        throw new IOException("postgres exited with code " + process.exitValue() + ":\n" + tail);
      }
      try (Connection connection = Databases.connect(url, SUPERUSER, "");
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SHOW data_directory")) {
        if (rs.next() && data.toString().equals(rs.getString(1))) {
          return true;
        }
      } catch (SQLException notYet) {
        // starting up, or not listening yet
      }
      sleep(25);
    }
    process.destroyForcibly();
    throw new IOException(
        "postgres did not accept connections within " + READY_TIMEOUT + ":\n" + Commands.tail(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for postgres", e);
    }
  }
}
