package dev.godwit.cli;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.ScriptsRequest;
import dev.godwit.api.ScriptsResult;
import dev.godwit.lint.FunctionVolatility;
import dev.godwit.lint.IndexTables;
import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.LintReport;
import dev.godwit.lint.LintSettings;
import dev.godwit.lint.Linter;
import dev.godwit.lint.Rules;
import dev.godwit.lint.Sarif;
import dev.godwit.lint.ServerVersion;
import dev.godwit.lint.Severity;
import dev.godwit.lint.TextReport;
import dev.godwit.sql.SqlDialect;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code godwit lint}: the zero-downtime linter over files, folders, every migration, or the
 * migrations the database has pending (with its version and table sizes). Everything it lints comes
 * from {@link Godwit#scripts}, read as the runner reads it; earlier migrations are read as the
 * schema they built.
 */
final class LintCommand {
  private final GodwitConfig config;
  private final Args args;
  private final PrintStream out;

  LintCommand(GodwitConfig config, Args args, PrintStream out) {
    this.config = config;
    this.args = args;
    this.out = out;
  }

  int run() {
    // Every option is checked before anything connects: the level, the rule ids, the dialect.
    Severity failOn =
        LintSettings.severity(args.has(Option.FAIL_ON) ? args.value(Option.FAIL_ON) : "error");
    SqlDialect dialect = dialect();
    String versionOption = serverVersionOption();
    options(dialect, versionOption); // fails on a bad rule id before connecting
    LiveCatalog catalog = new LiveCatalog();
    ScriptsResult scripts = Godwit.of(config).scripts(request(dialect).whileConnected(catalog));
    // Connected, the server says what it is (MariaDB behind a jdbc:mysql: URL), unless told.
    if (scripts.connected() && !args.has(Option.DIALECT) && !args.has(Option.FLAVOR)) {
      dialect = Rules.dialects().contains(scripts.dialect()) ? scripts.dialect() : dialect;
    }
    if (versionOption == null && scripts.connected()) {
      versionOption = scripts.serverVersion();
    }
    LintOptions.Builder options = options(dialect, versionOption);
    options.tableSizes(scripts.tableSizes());
    options.functionVolatility(catalog.volatility);
    options.indexTables(catalog.indexTables);
    List<LintInput> inputs = LintInput.of(scripts);
    LintReport report = Linter.lint(inputs, options.build());
    if (args.has(Option.SARIF)) {
      out.println(Sarif.render(report, Cli.version()));
    } else if (args.has(Option.JSON)) {
      out.println(report.toJson());
    } else {
      out.print(TextReport.render(report));
    }
    // A script the splitter gives up on is one migrate refuses (exit 5): lint must not pass it.
    boolean unsplittable =
        report.active().stream()
            .anyMatch(
                f ->
                    f.rule().equals(dev.godwit.lint.Rules.NOT_ANALYSED)
                        && f.message().startsWith("the script could not be split"));
    if (unsplittable) {
      return ExitCode.VALIDATION.code;
    }
    return report.reaches(failOn) ? ExitCode.LINT.code : ExitCode.OK.code;
  }

  /** The options from the configuration and the command line. */
  private LintOptions.Builder options(SqlDialect dialect, String version) {
    LintOptions.Builder options =
        LintSettings.from(
            config,
            dialect,
            version != null ? ServerVersion.parse(version) : ServerVersion.UNKNOWN);
    options.enable(args.values(Option.ENABLE).toArray(String[]::new));
    options.disable(args.values(Option.DISABLE).toArray(String[]::new));
    try {
      options.build();
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "lint: " + e.getMessage(), e);
    }
    return options;
  }

  /** The server version given with --pg-version, --mysql-version or --sqlite-version, or null. */
  private String serverVersionOption() {
    for (Option o : List.of(Option.PG_VERSION, Option.MYSQL_VERSION, Option.SQLITE_VERSION)) {
      if (args.has(o)) {
        return args.value(o);
      }
    }
    return null;
  }

  /**
   * The dialect from {@code --dialect} (or {@code --flavor}), else from the URL: a {@code
   * jdbc:mysql:} URL names the MySQL family, linted with MySQL's rules unless {@code --flavor
   * mariadb} says more.
   */
  private SqlDialect dialect() {
    String d = args.value(Option.DIALECT);
    String flavor = args.value(Option.FLAVOR);
    if (d == null && flavor != null) {
      d = flavor;
    }
    SqlDialect dialect;
    if (d == null) {
      dialect = SqlDialect.fromJdbcUrl(config.url()).orElse(null);
      if (dialect == null || !Rules.dialects().contains(dialect)) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "lint needs to know the dialect: pass --dialect pg|mysql|mariadb|sqlite"
                + (dialect == SqlDialect.H2 ? " (the linter has no rules for H2)" : ""));
      }
      return dialect;
    }
    try {
      dialect = SqlDialect.fromLabel(d);
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "--dialect: " + e.getMessage(), e);
    }
    if (!Rules.dialects().contains(dialect)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "--dialect: the linter has no rules for "
              + dialect.displayName()
              + ": use pg, mysql, mariadb or sqlite");
    }
    if (dialect.family() == SqlDialect.MYSQL && "mariadb".equalsIgnoreCase(flavor)) {
      return SqlDialect.MARIADB;
    }
    return dialect;
  }

  /**
   * What to read: the files given (with the live server's version and table sizes when a URL is
   * configured); every migration of the locations without connecting ({@code --all}, or no URL);
   * else the locations with the history, whose pending migrations are linted.
   */
  private ScriptsRequest request(SqlDialect dialect) {
    if (!args.positional.isEmpty()) {
      return ScriptsRequest.files(args.positional.stream().map(Paths::get).toList())
          .withDialect(dialect);
    }
    ScriptsRequest locations = ScriptsRequest.locations().withDialect(dialect);
    return args.has(Option.ALL) || config.url() == null ? locations.offline() : locations;
  }

  /**
   * What the linter reads from the catalog besides the table sizes, over the listing's own
   * connection: function volatility and the table of each index (for the dialect the server
   * reports).
   */
  private static final class LiveCatalog
      implements java.util.function.Consumer<java.sql.Connection> {
    java.util.Map<String, FunctionVolatility> volatility = java.util.Map.of();
    java.util.Map<String, String> indexTables = java.util.Map.of();

    @Override
    public void accept(java.sql.Connection c) {
      SqlDialect server;
      try {
        server =
            SqlDialect.fromServer(
                    c.getMetaData().getDatabaseProductName(),
                    c.getMetaData().getDatabaseProductVersion())
                .orElse(null);
      } catch (java.sql.SQLException e) {
        return; // without them the rules judge by name, as offline
      }
      if (server != null) {
        volatility = FunctionVolatility.read(c, server);
        indexTables = IndexTables.read(c, server);
      }
    }
  }
}
