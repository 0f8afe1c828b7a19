package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.sql.SplitOptions;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlSplitException;
import dev.godwit.sql.SqlSplitter;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Opens a script file as a stream of statements, with this session's placeholders. */
final class ScriptReader {
  private final GodwitConfig config;
  private final SqlDialect dialect;
  private final int serverMajorVersion;
  private final Placeholders placeholders;

  ScriptReader(Session session) {
    this(
        session.config,
        session.dialect.sqlDialect(),
        session.serverMajorVersion,
        session.placeholders);
  }

  /**
   * A reader without a session (listing scripts offline).
   *
   * @param serverMajorVersion 0 when unknown
   * @param placeholders the values to replace, or null to leave placeholders as written
   */
  ScriptReader(
      GodwitConfig config, SqlDialect dialect, int serverMajorVersion, Placeholders placeholders) {
    this.config = config;
    this.dialect = dialect;
    this.serverMajorVersion = serverMajorVersion;
    this.placeholders = placeholders;
  }

  SplitOptions options(Resource r, ScriptConfig sc) {
    SplitOptions o = SplitOptions.of(dialect).withServerMajorVersion(serverMajorVersion);
    Placeholders p = placeholders;
    if (p != null && p.enabled() && !Boolean.FALSE.equals(sc.placeholderReplacement())) {
      o =
          new SplitOptions(
              o.dialect(),
              o.serverMajorVersion(),
              p.resolverFor(r.fileName()),
              p.prefix(),
              p.suffix(),
              false);
    }
    return o;
  }

  /** Streams the statements of a file; the caller closes the stream. */
  StatementStream open(Resource r, ScriptConfig sc) {
    Charset cs = MigrationResolver.charsetFor(config, sc, r);
    Reader reader;
    try {
      reader = r.openUnbufferedReader(cs);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID, "Cannot read " + r.displayName() + ": " + e.getMessage(), e);
    }
    long size = r.size();
    StatementStream inner =
        SqlSplitter.of(options(r, sc))
            .split(reader, r.displayName(), size == Long.MAX_VALUE ? 0 : size);
    return new StatementStream() {
      // Statements handed out so far, to name the one that does not fit in memory.
      private int statements;
      private int lastLine;

      @Override
      public boolean hasNext() {
        try {
          return inner.hasNext();
        } catch (SqlSplitException e) {
          throw invalid(e, r, statements + 1);
        } catch (OutOfMemoryError e) {
          throw TooLarge.statement(r.displayName(), statements + 1, 0, -1, false, fileSize(r), e);
        } catch (RuntimeException e) {
          throw unreadable(r, cs, e);
        }
      }

      @Override
      public Statement next() {
        try {
          Statement st = inner.next();
          if (!st.has(dev.godwit.sql.StatementFlag.COMMENT_ONLY)) {
            statements++;
          }
          lastLine = st.line();
          return st;
        } catch (SqlSplitException e) {
          throw invalid(e, r, statements + 1);
        } catch (OutOfMemoryError e) {
          throw TooLarge.statement(
              r.displayName(), statements + 1, lastLine, -1, false, fileSize(r), e);
        } catch (RuntimeException e) {
          throw unreadable(r, cs, e);
        }
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  /** Calls {@code each} for every statement of the file. */
  void forEach(Resource r, ScriptConfig sc, Consumer<Statement> each) {
    try (StatementStream s = open(r, sc)) {
      s.forEachRemaining(each);
    }
  }

  static StatementStream of(List<Statement> statements) {
    Iterator<Statement> it = statements.iterator();
    return new StatementStream() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Statement next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  private static GodwitException invalid(SqlSplitException e, Resource r, int statement) {
    if (e.problem() == SqlSplitException.Problem.STATEMENT_TOO_LARGE) {
      // The splitter says how much of the statement it had read: "larger than N MB".
      java.util.regex.Matcher mb =
          java.util.regex.Pattern.compile("larger than (\\d+) MB").matcher(e.getMessage());
      long chars = mb.find() ? Long.parseLong(mb.group(1)) << 20 : -1;
      return TooLarge.statement(r.displayName(), statement, e.line(), chars, true, fileSize(r), e);
    }
    return new GodwitException(ErrorCode.SCRIPT_INVALID, e.getMessage(), e);
  }

  /** The file's size, or -1 when the resource does not know it. */
  private static long fileSize(Resource r) {
    long size = r.size();
    return size == Long.MAX_VALUE ? -1 : size;
  }

  private static GodwitException unreadable(Resource r, Charset cs, RuntimeException e) {
    if (e instanceof GodwitException g) {
      return g;
    }
    Throwable cause = e.getCause();
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return r.undecodable(cs, (Exception) cause);
    }
    return new GodwitException(
        ErrorCode.SCRIPT_INVALID, "Cannot read " + r.displayName() + ": " + e.getMessage(), e);
  }
}
