package dev.godwit.maven;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
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
import dev.godwit.lint.TextReport;
import dev.godwit.sql.SqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The plugin's one use of godwit-lint, through the entry points that {@code godwit lint --all}
 * uses: {@link LintSettings#from}, {@link Linter#lint}, {@link TextReport} and {@link Sarif}. The
 * files are those of the filesystem locations in the CLI's order (versions, then repeatables), so
 * that each is read against the schema the earlier ones built.
 */
final class LintGate {
  private final GodwitConfig config;
  private final SqlDialect dialect;
  private final Severity failOn;

  /**
   * Checks the options before anything is read.
   *
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} for an unknown severity, dialect
   *     or rule
   */
  LintGate(GodwitConfig config, String dialect, String failOn) {
    this.config = config;
    try {
      this.failOn = LintSettings.severity(failOn);
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "failOn: " + e.getMessage(), e);
    }
    this.dialect = dialect(dialect);
  }

  /** The text report, whether the build fails, and the summary; the SARIF report is written. */
  record Outcome(String text, String summary, boolean failed) {}

  Outcome lint(Path sarifFile, String toolVersion) {
    LintOptions options = LintSettings.from(config, dialect, ServerVersion.UNKNOWN).build();
    List<LintInput> inputs = new ArrayList<>();
    for (Path f : files()) {
      LintInput in = input(f);
      String n = f.getFileName().toString();
      inputs.add(n.startsWith("U") || LintInput.looksLikeDown(f.toString()) ? in.asDown() : in);
    }
    LintReport report = Linter.lint(inputs, options);
    try {
      Files.createDirectories(sarifFile.toAbsolutePath().getParent());
      Files.writeString(sarifFile, Sarif.render(report, toolVersion), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot write " + sarifFile + ": " + e.getMessage(), e);
    }
    return new Outcome(
        TextReport.render(report), TextReport.summary(report), report.reaches(failOn));
  }

  /** As {@code godwit lint}: the option, else the URL's; H2 has no rules. */
  private SqlDialect dialect(String given) {
    if (given == null) {
      SqlDialect d = SqlDialect.fromJdbcUrl(config.url()).orElse(null);
      if (d == null || !Rules.dialects().contains(d)) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "lint needs to know the dialect: set <dialect> or -Dgodwit.dialect to pg, mysql,"
                + " mariadb or sqlite"
                + (d == SqlDialect.H2 ? " (the linter has no rules for H2)" : ""));
      }
      return d;
    }
    SqlDialect d;
    try {
      d = SqlDialect.fromLabel(given);
    } catch (IllegalArgumentException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "dialect: " + e.getMessage(), e);
    }
    if (!Rules.dialects().contains(d)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "dialect: the linter has no rules for "
              + d.displayName()
              + ": use pg, mysql, mariadb or sqlite");
    }
    return d;
  }

  /** The SQL files of the filesystem locations, in migration order. */
  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (String location : config.list(ConfigKey.LOCATIONS)) {
      if (location.startsWith("classpath:")) {
        continue;
      }
      Path dir = Paths.get(location.startsWith("filesystem:") ? location.substring(11) : location);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    files.sort(ORDER);
    return files;
  }

  private static final Comparator<Path> ORDER =
      Comparator.comparing((Path p) -> rank(p))
          .thenComparing(LintGate::versionOf, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.getFileName().toString());

  private static int rank(Path p) {
    if (versionOf(p) != null) {
      return 0;
    }
    return p.getFileName().toString().startsWith("R__") ? 1 : 2;
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

  /** A file with a {@code .conf} turning its transaction off is linted as run without one. */
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
