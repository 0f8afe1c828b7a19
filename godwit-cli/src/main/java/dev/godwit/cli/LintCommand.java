package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.InfoResult;
import dev.godwit.api.MigrationInfo;
import dev.godwit.api.MigrationState;
import dev.godwit.api.MigrationVersion;
import dev.godwit.lint.LintInput;
import dev.godwit.lint.LintOptions;
import dev.godwit.lint.LintReport;
import dev.godwit.lint.LintSettings;
import dev.godwit.lint.Linter;
import dev.godwit.lint.Rules;
import dev.godwit.lint.Sarif;
import dev.godwit.lint.ServerVersion;
import dev.godwit.lint.Severity;
import dev.godwit.lint.TableSizes;
import dev.godwit.lint.TextReport;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code godwit lint}: the zero-downtime linter over files, folders, every migration, or the
 * migrations the database has pending (with its version and table sizes). Earlier migration files
 * are read as the schema they built.
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
    boolean connected = !args.has(Option.ALL) && args.positional.isEmpty() && config.url() != null;
    SqlDialect dialect = dialect();
    String versionOption = serverVersionOption();
    ServerVersion version =
        versionOption != null ? ServerVersion.parse(versionOption) : ServerVersion.UNKNOWN;
    LintOptions.Builder options = LintSettings.from(config, dialect, version);
    options.enable(args.values(Option.ENABLE).toArray(String[]::new));
    options.disable(args.values(Option.DISABLE).toArray(String[]::new));
    try {
      options.build();
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "lint: " + e.getMessage(), e);
    }
    List<Path> locationFiles = locationFiles();
    Set<Path> targets = new LinkedHashSet<>();
    if (!args.positional.isEmpty()) {
      for (String p : args.positional) {
        targets.addAll(expand(Paths.get(p)));
      }
    } else if (connected) {
      Godwit godwit = Godwit.of(config);
      InfoResult info = godwit.info();
      if (version == ServerVersion.UNKNOWN && info.server().get("version") != null) {
        options.version(ServerVersion.parse(info.server().get("version")));
      }
      for (MigrationInfo m : info.migrations()) {
        if (m.state() == MigrationState.PENDING && m.script() != null) {
          Path file = find(m.script(), locationFiles);
          if (file != null) {
            targets.add(file);
          }
        }
      }
    } else {
      targets.addAll(locationFiles);
    }
    if (connected) {
      try (Connection c =
          DriverManager.getConnection(
              config.url(), config.string(ConfigKey.USER), config.string(ConfigKey.PASSWORD))) {
        options.tableSizes(TableSizes.read(c, dialect));
      } catch (SQLException e) {
        // info() connected a moment ago; without sizes the rules keep their defaults.
      }
    }
    List<LintInput> inputs = inputs(locationFiles, targets);
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

  /** The SQL migration files of the filesystem locations, in Godwit's order. */
  private List<Path> locationFiles() {
    List<Path> files = new ArrayList<>();
    for (String location : config.list(ConfigKey.LOCATIONS)) {
      if (location.startsWith("classpath:")) {
        continue;
      }
      Path dir = Paths.get(location.startsWith("filesystem:") ? location.substring(11) : location);
      if (Files.isDirectory(dir)) {
        files.addAll(expand(dir));
      }
    }
    files.sort(MIGRATION_ORDER);
    return files;
  }

  private static List<Path> expand(Path p) {
    if (!Files.exists(p)) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "No such file or folder: " + p);
    }
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> walk = Files.walk(p)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
          .sorted(MIGRATION_ORDER)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Versioned files by version, then repeatables by name, then anything else by name. */
  private static final Comparator<Path> MIGRATION_ORDER =
      Comparator.comparing((Path p) -> rank(p))
          .thenComparing(LintCommand::versionOf, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.getFileName().toString());

  private static int rank(Path p) {
    String n = p.getFileName().toString();
    if (versionOf(p) != null) {
      return 0;
    }
    return n.startsWith("R__") ? 1 : 2;
  }

  private static MigrationVersion versionOf(Path p) {
    String n = p.getFileName().toString();
    int sep = n.indexOf("__");
    if (sep < 2 || !(n.startsWith("V") || n.startsWith("U"))) {
      return null;
    }
    try {
      return MigrationVersion.parse(n.substring(1, sep));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Path find(String script, List<Path> files) {
    for (Path f : files) {
      if (f.toString().replace('\\', '/').endsWith("/" + script)) {
        return f;
      }
    }
    return null;
  }

  /** Earlier location files are context (applied); the targets are linted. */
  private static List<LintInput> inputs(List<Path> locationFiles, Set<Path> targets) {
    List<LintInput> inputs = new ArrayList<>();
    Path first = targets.stream().min(MIGRATION_ORDER).orElse(null);
    for (Path f : locationFiles) {
      if (first != null && MIGRATION_ORDER.compare(f, first) < 0 && !targets.contains(f)) {
        String n = f.getFileName().toString();
        if (n.startsWith("V")) {
          inputs.add(input(f).asApplied());
        }
      }
    }
    for (Path f : targets) {
      LintInput in = input(f);
      String n = f.getFileName().toString();
      inputs.add(n.startsWith("U") || LintInput.looksLikeDown(f.toString()) ? in.asDown() : in);
    }
    return inputs;
  }

  private static LintInput input(Path f) {
    LintInput in = LintInput.of(f);
    Path conf = f.resolveSibling(f.getFileName() + ".conf");
    try {
      if (Files.isRegularFile(conf)
          && Files.readString(conf, StandardCharsets.UTF_8)
              .replace(" ", "")
              .contains("executeInTransaction=false")) {
        in = in.withTransaction(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in;
  }
}
