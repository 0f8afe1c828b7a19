package dev.godwit.bench.split;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlSplitter;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * The two splitters over the same file, each streaming from a Reader and touching every statement's
 * text (its length is summed, so nothing is optimised away).
 *
 * <p>Flyway's parser is internal API (org.flywaydb.core.internal.parser): {@link PostgreSQLParser}
 * is built with a {@link FluentConfiguration} (placeholder replacement off, as Godwit's splitter
 * runs here without placeholders) and an empty {@link ParsingContext}, and parses a {@link
 * LoadableResource} whose {@code read()} opens the file.
 */
public final class Splitters {
  private Splitters() {}

  /** Godwit's splitter: returns the number of statements and their total length. */
  public static long[] godwit(Path file) {
    long count = 0;
    long chars = 0;
    try (StatementStream s =
        SqlSplitter.of(SqlDialect.POSTGRES).split(open(file), file.getFileName().toString())) {
      while (s.hasNext()) {
        Statement st = s.next();
        count++;
        chars += st.sql().length();
      }
    }
    return new long[] {count, chars};
  }

  /**
   * What Flyway's parser needs besides the text: its configuration and a parsing context populated
   * from a real PostgreSQL connection, as Flyway does before it parses a migration. (With an empty
   * context the parser still splits, but throws and catches a NullPointerException per statement
   * when it asks for the server version, which makes it ten times slower than it really is.)
   */
  public static final class FlywayContext implements AutoCloseable {
    final FluentConfiguration config;
    final ParsingContext parsing = new ParsingContext();
    private final JdbcConnectionFactory connections;
    private final Database database;

    public FlywayContext(String url, String user, String password) {
      config = new FluentConfiguration().dataSource(url, user, password).placeholderReplacement(false);
      connections = new JdbcConnectionFactory(config.getDataSource(), config, null);
      try (Connection c = connections.openConnection()) {
        DatabaseType type = DatabaseTypeRegister.getDatabaseTypeForConnection(c, config);
        database = type.createDatabase(config, connections, null);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      parsing.populate(database, config);
    }

    /** From the system properties bench.split.pgUrl, bench.split.pgUser, bench.split.pgPassword. */
    public static FlywayContext fromSystemProperties() {
      return new FlywayContext(
          System.getProperty("bench.split.pgUrl", "jdbc:postgresql://127.0.0.1:5432/postgres"),
          System.getProperty("bench.split.pgUser", "postgres"),
          System.getProperty("bench.split.pgPassword", ""));
    }

    @Override
    public void close() {
      database.close();
      connections.close();
    }
  }

  /** Flyway's PostgreSQL parser: returns the number of statements and their total length. */
  public static long[] flyway(Path file, FlywayContext context) {
    PostgreSQLParser parser = new PostgreSQLParser(context.config, context.parsing);
    long count = 0;
    long chars = 0;
    try (SqlStatementIterator it = parser.parse(new FileResource(file))) {
      while (it.hasNext()) {
        SqlStatement st = it.next();
        count++;
        chars += st.getSql().length();
      }
    }
    return new long[] {count, chars};
  }

  static Reader open(Path file) {
    try {
      return new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file as Flyway's parser reads it. */
  static final class FileResource extends LoadableResource {
    private final Path file;

    FileResource(Path file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      return open(file);
    }

    @Override
    public String getAbsolutePath() {
      return file.toAbsolutePath().toString();
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return file.getFileName().toString();
    }

    @Override
    public String getRelativePath() {
      return getFilename();
    }
  }

  /**
   * Memory check, run in a child JVM under a given -Xmx: {@code Splitters <godwit|flyway> <file>}
   * (Flyway's context from the bench.split.pg* system properties). Exits 0 and prints the counts when the split completes.
   */
  public static void main(String[] args) {
    Path file = Path.of(args[1]);
    long t0 = System.nanoTime();
    long[] r;
    if (args[0].equals("godwit")) {
      r = godwit(file);
    } else {
      try (FlywayContext context = FlywayContext.fromSystemProperties()) {
        t0 = System.nanoTime();
        r = flyway(file, context);
      }
    }
    System.out.printf(
        "%s: %d statements, %d chars, %.2f s%n",
        args[0], r[0], r[1], (System.nanoTime() - t0) / 1e9);
  }
}
