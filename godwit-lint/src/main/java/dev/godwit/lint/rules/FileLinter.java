package dev.godwit.lint.rules;

import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.Rules;
import dev.godwit.sql.SplitOptions;
import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlSplitException;
import dev.godwit.sql.SqlSplitter;
import dev.godwit.sql.SqlTokenizer;
import dev.godwit.sql.Statement;
import dev.godwit.sql.StatementFlag;
import dev.godwit.sql.StatementStream;
import dev.godwit.sql.Token;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Lints one file: split, tokenize, parse, run the rules statement by statement. */
final class FileLinter {
  private FileLinter() {}

  /** What linting one file gave. */
  record Result(String text, List<Stmt> statements, List<RawFinding> findings) {}

  static Result lint(
      LintInput input, LintOptions options, Schema schema, List<Supplier<Rule>> rules) {
    List<RawFinding> problems = new ArrayList<>();
    String text;
    try (Reader r = input.source().open()) {
      text = readAll(r);
      if (text.startsWith("\uFEFF")) {
        // The splitter skips a byte order mark too; positions refer to the text after it.
        text = text.substring(1);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(fileProblem(1, "the file could not be read: " + e.getMessage()));
      return new Result("", List.of(), problems);
    }
    List<Stmt> statements = new ArrayList<>();
    boolean anyNonTransactional = false;
    SplitOptions split = SplitOptions.of(options.dialect());
    if (options.dialect() == SqlDialect.POSTGRES && options.version().known()) {
      split = split.withServerMajorVersion(options.version().major());
    }
    try (StatementStream stream =
        SqlSplitter.of(split).split(new StringReader(text), input.name())) {
      while (stream.hasNext()) {
        Statement st = stream.next();
        if (st.has(StatementFlag.COMMENT_ONLY)) {
          continue;
        }
        anyNonTransactional |=
            st.has(StatementFlag.NON_TRANSACTIONAL) || st.has(StatementFlag.TRANSACTION_CONTROL);
        statements.add(parse(statements.size(), st, options));
      }
    } catch (SqlSplitException e) {
      problems.add(
          fileProblem(
              e.line(),
              "the script could not be split from line "
                  + e.line()
                  + " on, so nothing after it was analysed: "
                  + e.getMessage()));
    } catch (RuntimeException e) {
      problems.add(fileProblem(1, "the script could not be split: " + e));
    }
    boolean runnerTx =
        switch (input.transaction()) {
          case TRANSACTION -> true;
          case NONE -> false;
          case AUTO -> options.dialect().family() != SqlDialect.MYSQL && !anyNonTransactional;
        };
    Ctx ctx = new Ctx(options, schema, input, statements, runnerTx);
    List<Rule> active = new ArrayList<>();
    if (!input.applied()) {
      for (Supplier<Rule> f : rules) {
        active.add(f.get());
      }
    }
    for (Stmt s : statements) {
      ctx.at(s);
      if (!input.applied()) {
        if (s.parsed() instanceof Parsed.Unparsed u) {
          ctx.report(
              Rules.find(Rules.NOT_ANALYSED).orElseThrow(),
              null,
              "Not analysed: " + u.why() + "; no rule looked at this statement.");
        }
        for (Rule rule : active) {
          try {
            rule.check(ctx);
          } catch (RuntimeException e) {
            ctx.report(
                Rules.find(Rules.NOT_ANALYSED).orElseThrow(),
                null,
                "Not analysed by " + rule.info().id() + ": " + e);
          }
        }
      }
      try {
        Effects.apply(ctx, s);
      } catch (RuntimeException e) {
        // The schema model misses one statement; later findings may be less precise.
      }
    }
    if (!statements.isEmpty() || !input.applied()) {
      if (!statements.isEmpty()) {
        ctx.at(statements.get(statements.size() - 1));
      }
      for (Rule rule : active) {
        try {
          rule.finish(ctx);
        } catch (RuntimeException e) {
          problems.add(fileProblem(1, "Not analysed by " + rule.info().id() + ": " + e));
        }
      }
    }
    List<RawFinding> all = new ArrayList<>(ctx.findings);
    all.addAll(problems);
    return new Result(text, statements, all);
  }

  private static Stmt parse(int index, Statement st, LintOptions options) {
    List<Token> tokens;
    Parsed parsed;
    try {
      tokens = SqlTokenizer.tokenize(st.sql(), options.dialect());
    } catch (RuntimeException e) {
      return new Stmt(index, st, List.of(), new Parsed.Unparsed("could not tokenize: " + e));
    }
    try {
      parsed = Parser.parse(tokens, options.dialect());
    } catch (RuntimeException e) {
      parsed = new Parsed.Unparsed("could not parse: " + e);
    }
    return new Stmt(index, st, tokens, parsed);
  }

  private static RawFinding fileProblem(int line, String message) {
    return new RawFinding(
        Rules.find(Rules.NOT_ANALYSED).orElseThrow(),
        -1,
        Math.max(1, line),
        1,
        "",
        message,
        List.of(),
        null,
        null);
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = r.read(buf)) > 0) {
      b.append(buf, 0, n);
    }
    return b.toString();
  }
}
