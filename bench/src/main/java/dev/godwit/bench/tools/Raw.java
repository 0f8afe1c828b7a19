package dev.godwit.bench.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The raw JDBC baseline: the floor a migration tool could reach. The same statements as the tools
 * run, one transaction per file, plus one insert into a minimal history table.
 *
 * <ul>
 *   <li>migrate: lists the files, reads the history, checks the checksum of every applied file (as
 *       the tools validate on migrate), then runs each pending file in its own transaction: its
 *       statements one by one through one {@link Statement}, and one history row.
 *   <li>info: lists the files and reads the history (no file is read).
 *   <li>validate: lists the files, reads the history and compares every file's CRC-32.
 * </ul>
 *
 * <p>Statements are split the way the generated workloads are written: one statement ends at a
 * line ending in ';'. That is all the parsing a floor needs; it is not a general splitter.
 *
 * <p>Fresh JVM: {@code java -cp ... dev.godwit.bench.tools.Raw <migrate|info|validate> <url> <user>
 * <password> <dir>}.
 */
public final class Raw {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__.*\\.sql");
  static final String TABLE = "raw_history";

  private Raw() {}

  public static void main(String[] args) throws Exception {
    long n = run(args[0], args[1], args[2], args[3], Path.of(args[4]));
    System.out.println("raw " + args[0] + ": " + n);
  }

  /** Runs a command; returns what it counted (migrations applied, listed or validated). */
  public static long run(String command, String url, String user, String password, Path dir)
      throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return switch (command) {
        case "migrate" -> migrate(c, dir);
        case "info" -> info(c, dir);
        case "validate" -> validate(c, dir);
        default -> throw new IllegalArgumentException("unknown command " + command);
      };
    }
  }

  private record Script(long version, Path path) {}

  private static List<Script> list(Path dir) throws IOException {
    List<Script> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          p -> {
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (m.matches()) {
              out.add(new Script(Long.parseLong(m.group(1)), p));
            }
          });
    }
    out.sort((a, b) -> Long.compare(a.version, b.version));
    return out;
  }

  private static Map<Long, Integer> history(Connection c) throws SQLException {
    Map<Long, Integer> rows = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + TABLE)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getInt(2));
      }
    }
    return rows;
  }

  /** CRC-32 of the file's lines, each followed by '\n' (streamed, as migrate computes it). */
  private static int crc(Path p) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        crc.update('\n');
      }
    }
    return (int) crc.getValue();
  }

  static long migrate(Connection c, Path dir) throws SQLException, IOException {
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (version BIGINT PRIMARY KEY, script VARCHAR(1000) NOT NULL, checksum INT NOT"
              + " NULL, installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }
    Map<Long, Integer> applied = history(c);
    List<Script> pending = new ArrayList<>();
    for (Script s : list(dir)) {
      Integer sum = applied.get(s.version);
      if (sum == null) {
        pending.add(s);
      } else if (sum != crc(s.path)) {
        throw new IllegalStateException("checksum mismatch: " + s.path);
      }
    }
    c.setAutoCommit(false);
    try (Statement st = c.createStatement();
        PreparedStatement hist =
            c.prepareStatement(
                "INSERT INTO " + TABLE + " (version, script, checksum) VALUES (?, ?, ?)")) {
      for (Script s : pending) {
        CRC32 crc = new CRC32();
        StringBuilder sql = new StringBuilder();
        try (BufferedReader r = Files.newBufferedReader(s.path, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            crc.update('\n');
            if (line.isBlank() && sql.length() == 0) {
              continue;
            }
            sql.append(line).append('\n');
            String t = line.stripTrailing();
            if (t.endsWith(";")) {
              sql.setLength(sql.length() - (line.length() - t.length()) - 2);
              st.execute(sql.toString());
              sql.setLength(0);
            }
          }
        }
        if (!sql.toString().isBlank()) {
          st.execute(sql.toString());
        }
        hist.setLong(1, s.version);
        hist.setString(2, s.path.getFileName().toString());
        hist.setInt(3, (int) crc.getValue());
        hist.executeUpdate();
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
    c.setAutoCommit(true);
    return pending.size();
  }

  static long info(Connection c, Path dir) throws SQLException, IOException {
    Map<Long, Integer> applied = history(c);
    long pending = 0;
    for (Script s : list(dir)) {
      if (!applied.containsKey(s.version)) {
        pending++;
      }
    }
    return applied.size() + pending;
  }

  static long validate(Connection c, Path dir) throws SQLException, IOException {
    Map<Long, Integer> applied = history(c);
    long checked = 0;
    for (Script s : list(dir)) {
      Integer sum = applied.get(s.version);
      if (sum == null) {
        throw new IllegalStateException("pending: " + s.path);
      }
      if (sum != crc(s.path)) {
        throw new IllegalStateException("checksum mismatch: " + s.path);
      }
      checked++;
    }
    return checked;
  }
}
