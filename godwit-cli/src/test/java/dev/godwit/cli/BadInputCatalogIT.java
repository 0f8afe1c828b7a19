package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalog: configuration, URLs, the file system, SQL, the history table and the
 * command line, each case with the exit code and the message it must give, and a check that nothing
 * was half-applied (the tables in the database are exactly those the case allows).
 */
class BadInputCatalogIT {
  @TempDir Path dir;

  /** What a case prepares in its directory before the run: files, a database state. */
  interface Setup {
    void in(Project p) throws Exception;
  }

  /**
   * One bad input.
   *
   * @param name what is wrong
   * @param setup files and database state
   * @param args the command line ({@code URL} and {@code SQL} stand for the case's database and
   *     migrations folder, {@code DIR} for its directory)
   * @param exit the exit code
   * @param fragment a part of the message stderr must show
   * @param tables the tables the database holds afterwards (upper case), in any order
   */
  record Case(
      String name, Setup setup, List<String> args, int exit, String fragment, List<String> tables) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The case's directory, its H2 file database and its migrations folder. */
  record Project(Path dir, String url, Path sql, Map<String, String> env) {
    Path write(String name, String text) throws IOException {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      return Files.writeString(f, text.replace("URL", url));
    }

    void execute(String sql) throws Exception {
      try (Connection c = DriverManager.getConnection(url, "", "");
          Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }
  }

  private static final String V1 = "CREATE TABLE t1 (id INT);\n";
  private static final List<String> NOTHING = List.of();
  // V1 applied whole, the bad V2 not at all: a script is read when its turn comes.
  private static final List<String> ONLY_V1 = List.of("T1", "godwit_schema_history");

  private static Case c(
      String name, Setup setup, String args, int exit, String fragment, List<String> tables) {
    return new Case(name, setup, List.of(args.split(" ")), exit, fragment, tables);
  }

  private static Setup v1() {
    return p -> p.write("sql/V1__t1.sql", V1);
  }

  private static Setup v1And(String file, String text) {
    return p -> {
      p.write("sql/V1__t1.sql", V1);
      p.write(file, text);
    };
  }

  private static Setup toml(String text) {
    return p -> {
      p.write("sql/V1__t1.sql", V1);
      p.write("godwit.toml", text);
    };
  }

  private static Setup migrated(Setup then) {
    return p -> {
      p.write("sql/V1__t1.sql", V1);
      CliRun r =
          CliRun.run(Map.of(), "--url", p.url(), "--locations", "filesystem:" + p.sql(), "migrate");
      assertThat(r.exit()).as(r.err()).isZero();
      then.in(p);
    };
  }

  private static final String RUN = "--url URL --locations filesystem:SQL";

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();
    // --- configuration file
    all.add(
        c(
            "missing config file",
            v1(),
            "--config DIR/none.toml info",
            3,
            "does not exist",
            NOTHING));
    all.add(
        c(
            "unknown key",
            toml("url = \"URL\"\nlocatons = [\"x\"]\n"),
            "--config DIR/godwit.toml info",
            3,
            "did you mean 'locations'",
            NOTHING));
    all.add(
        c(
            "string for a number",
            toml("url = \"URL\"\nconnectRetries = \"x\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "'connectRetries' must be a whole number",
            NOTHING));
    all.add(
        c(
            "negative number",
            toml("url = \"URL\"\nconnectRetries = -1\n"),
            "--config DIR/godwit.toml info",
            3,
            "0 or more",
            NOTHING));
    all.add(
        c(
            "unquoted string",
            toml("url = jdbc\n"),
            "--config DIR/godwit.toml info",
            3,
            "godwit.toml:1:7",
            NOTHING));
    all.add(
        c(
            "duplicate key",
            toml("url = \"URL\"\nurl = \"URL\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "duplicate key 'url'",
            NOTHING));
    all.add(
        c(
            "unknown environment",
            toml("[environments.dev]\nurl = \"URL\"\n"),
            "--config DIR/godwit.toml --env prod info",
            3,
            "no [environments.prod] section",
            NOTHING));
    all.add(
        c(
            "unset variable",
            toml("url = \"${env.NOPE_NOT_SET}\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "NOPE_NOT_SET, which is not set",
            NOTHING));
    all.add(
        c(
            "unterminated string",
            toml("url = \"URL\nuser = \"sa\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "godwit.toml:1:",
            NOTHING));
    all.add(
        c(
            "unterminated array",
            toml("url = \"URL\"\nlocations = [\"a\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "godwit.toml:2:",
            NOTHING));
    all.add(
        c(
            "bad boolean",
            toml("url = \"URL\"\noutOfOrder = True\n"),
            "--config DIR/godwit.toml info",
            3,
            "booleans are lowercase",
            NOTHING));
    all.add(
        c(
            "table header twice",
            toml("[lint]\n[lint]\n"),
            "--config DIR/godwit.toml info",
            3,
            "already defined",
            NOTHING));
    all.add(
        c(
            "bad escape",
            toml("url = \"a\\qb\"\n"),
            "--config DIR/godwit.toml info",
            3,
            "invalid escape",
            NOTHING));
    all.add(
        c("a directory as config", v1(), "--config DIR/sql info", 3, "does not exist", NOTHING));
    // --- settings from flags and variables
    all.add(
        c(
            "duration without unit",
            v1(),
            RUN + " --lock-timeout 5 info",
            3,
            "needs a unit",
            NOTHING));
    all.add(
        c("bad target", v1(), RUN + " --target abc info", 3, "Setting 'target' must be", NOTHING));
    all.add(
        c(
            "bad baseline version",
            v1(),
            RUN + " --baseline-version abc baseline",
            3,
            "'baselineVersion' must be a version",
            NOTHING));
    all.add(
        c(
            "target no migration has",
            v1(),
            RUN + " --target 7 migrate",
            3,
            "No migration has the target version 7",
            // An empty history table is created before the target is checked (no migration ran).
            List.of("godwit_schema_history")));
    all.add(c("unknown flag", v1(), RUN + " --no-such-flag info", 2, "--no-such-flag", NOTHING));
    all.add(c("unknown command", v1(), RUN + " migrat", 2, "migrat", NOTHING));
    all.add(c("option of another command", v1(), RUN + " info --resume", 2, "--resume", NOTHING));
    all.add(c("undo count zero", v1(), RUN + " undo --count 0", 2, "count", NOTHING));
    all.add(c("missing flag value", v1(), RUN + " info --target", 2, "--target", NOTHING));
    all.add(
        c(
            "unknown variable",
            p -> {
              v1().in(p);
              p.env().put("GODWIT_URLL", "x");
            },
            RUN + " info",
            3,
            "did you mean 'GODWIT_URL'",
            NOTHING));
    all.add(
        c(
            "bad variable value",
            p -> {
              v1().in(p);
              p.env().put("GODWIT_CONNECT_RETRIES", "many");
            },
            RUN + " info",
            3,
            "connectRetries",
            NOTHING));
    all.add(
        c(
            "locations missing",
            v1(),
            "--url URL --locations filesystem:DIR/nope info",
            3,
            "does not exist or is not a directory",
            NOTHING));
    all.add(
        c(
            "no url at all",
            v1(),
            "--locations filesystem:SQL info",
            3,
            "No database configured",
            NOTHING));
    // --- URLs
    all.add(c("not a JDBC URL", v1(), "--url notjdbc info", 3, "must be a JDBC URL", NOTHING));
    all.add(
        c(
            "unsupported database",
            v1(),
            "--url jdbc:oracle:thin:@db:1521/x info",
            3,
            "does not support the database of jdbc:oracle:",
            NOTHING));
    all.add(
        c(
            "misspelt database",
            v1(),
            "--url jdbc:postgres://127.0.0.1/x info",
            3,
            "jdbc:postgres:",
            NOTHING));
    all.add(
        c(
            "PostgreSQL port closed",
            v1(),
            "--url jdbc:postgresql://127.0.0.1:1/x info",
            4,
            "Cannot connect",
            NOTHING));
    all.add(
        c(
            "MariaDB port closed",
            v1(),
            "--url jdbc:mariadb://127.0.0.1:1/x info",
            4,
            "Cannot connect",
            NOTHING));
    all.add(
        c(
            "PostgreSQL unknown database",
            v1(),
            "--url jdbc:postgresql://127.0.0.1:5432/no_such_db_godwit --user postgres info",
            4,
            "no_such_db_godwit",
            NOTHING));
    all.add(
        c(
            "SQLite in a missing folder",
            v1(),
            "--url jdbc:sqlite:DIR/no/such/dir/x.db info",
            4,
            "Cannot connect",
            NOTHING));
    all.add(
        c(
            "bad H2 URL setting",
            v1(),
            "--url jdbc:h2:mem:x;NO_SUCH_SETTING=1 info",
            4,
            "NO_SUCH_SETTING",
            NOTHING));
    // --- the file system
    all.add(
        c(
            "duplicate version",
            v1And("sql/V1__again.sql", "SELECT 1;\n"),
            RUN + " migrate",
            5,
            "more than one migration with version 1",
            NOTHING));
    all.add(
        c(
            "directory named like a migration",
            p -> {
              v1().in(p);
              Files.createDirectories(p.sql().resolve("V2__dir.sql"));
            },
            RUN + " migrate",
            5,
            "V2__dir.sql is a directory",
            NOTHING));
    all.add(
        c(
            "dangling link named like a migration",
            p -> {
              v1().in(p);
              Files.createSymbolicLink(
                  p.sql().resolve("V2__gone.sql"), p.dir().resolve("nowhere.sql"));
            },
            RUN + " migrate",
            5,
            "V2__gone.sql is a symbolic link to nothing readable",
            NOTHING));
    all.add(
        c(
            "FIFO named like a migration",
            p -> {
              v1().in(p);
              fifo(p.sql().resolve("V2__pipe.sql"));
            },
            RUN + " migrate",
            5,
            "V2__pipe.sql is not a regular file",
            NOTHING));
    all.add(
        c(
            "not UTF-8",
            p -> {
              v1().in(p);
              Files.write(
                  p.sql().resolve("V2__enc.sql"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
            },
            RUN + " migrate",
            5,
            "Cannot read",
            List.of("godwit_schema_history")));
    all.add(
        c(
            "undefined placeholder",
            v1And("sql/V2__ph.sql", "INSERT INTO ${nope} VALUES (1);\n"),
            RUN + " migrate",
            5,
            "undefined placeholder ${nope}",
            ONLY_V1));
    all.add(
        c(
            "unterminated quote",
            v1And("sql/V2__q.sql", "INSERT INTO t1 VALUES ('x);\n"),
            RUN + " migrate",
            5,
            "V2__q.sql",
            ONLY_V1));
    all.add(
        c(
            "unterminated comment",
            v1And("sql/V2__c.sql", "/* never closed\nSELECT 1;\n"),
            RUN + " migrate",
            5,
            "V2__c.sql",
            ONLY_V1));
    all.add(
        c(
            "bad script config",
            v1And("sql/V1__t1.sql.conf", "executeInTransaction=maybe\n"),
            RUN + " migrate",
            5,
            "executeInTransaction",
            NOTHING));
    all.add(
        c(
            "unknown script config key",
            v1And("sql/V1__t1.sql.conf", "noSuchKey=1\n"),
            RUN + " migrate",
            5,
            "noSuchKey",
            NOTHING));
    all.add(
        c(
            "lint of a file migrate cannot split",
            v1And("sql/V2__q.sql", "INSERT INTO t1 VALUES ('x);\n"),
            "lint --dialect pg --locations filesystem:SQL",
            5,
            "",
            NOTHING));
    // --- SQL that the database refuses
    all.add(
        c(
            "syntax error in V2",
            v1And("sql/V2__bad.sql", "CREATE TABLE t2 (;\n"),
            RUN + " migrate",
            6,
            "V2__bad.sql failed at line 1",
            ONLY_V1));
    all.add(
        c(
            "missing table in V2",
            v1And("sql/V2__bad.sql", "INSERT INTO nope VALUES (1);\n"),
            RUN + " migrate",
            6,
            "V2__bad.sql failed",
            ONLY_V1));
    all.add(
        c(
            "duplicate key in data",
            v1And(
                "sql/V2__dup.sql",
                "CREATE TABLE t2 (id INT PRIMARY KEY);\nINSERT INTO t2 VALUES (1);\nINSERT INTO t2 VALUES (1);\n"),
            RUN + " migrate",
            6,
            "V2__dup.sql failed at line 3",
            List.of("T1", "T2", "godwit_schema_history")));
    all.add(
        c(
            "object exists already",
            p -> {
              v1().in(p);
              p.execute("CREATE TABLE t1 (x INT)");
            },
            RUN + " migrate",
            5,
            "but no history table",
            List.of("T1")));
    all.add(
        c(
            "failed migration blocks the next run",
            migrated(
                p -> {
                  p.write(
                      "sql/V2__bad.sql",
                      "CREATE TABLE t2 (id INT);\nINSERT INTO nope VALUES (1);\n");
                  CliRun.run(
                      Map.of(),
                      "--url",
                      p.url(),
                      "--locations",
                      "filesystem:" + p.sql(),
                      "migrate");
                }),
            RUN + " migrate",
            5,
            "failed",
            List.of("T1", "T2", "godwit_schema_history")));
    all.add(
        c(
            "edited applied migration",
            migrated(p -> p.write("sql/V1__t1.sql", "CREATE TABLE t1 (id BIGINT);\n")),
            RUN + " migrate",
            5,
            "checksum mismatch",
            ONLY_V1));
    all.add(
        c(
            "applied migration deleted",
            migrated(
                p -> {
                  p.write("sql/V2__t2.sql", "CREATE TABLE t2 (id INT);\n");
                  Files.delete(p.sql().resolve("V1__t1.sql"));
                }),
            RUN + " migrate",
            5,
            "V1",
            ONLY_V1));
    all.add(
        c(
            "renamed applied migration",
            migrated(
                p -> Files.move(p.sql().resolve("V1__t1.sql"), p.sql().resolve("V1__renamed.sql"))),
            RUN + " validate",
            5,
            "description mismatch",
            ONLY_V1));
    // --- the history table
    all.add(
        c(
            "corrupt version row",
            migrated(p -> p.execute(insert(50, "'x;drop'", "'SQL'"))),
            RUN + " migrate",
            5,
            "installed_rank 50",
            ONLY_V1));
    all.add(
        c(
            "corrupt version row (validate)",
            migrated(p -> p.execute(insert(50, "'x;drop'", "'SQL'"))),
            RUN + " validate",
            5,
            "'x;drop'",
            ONLY_V1));
    all.add(
        c(
            "unknown row type",
            migrated(p -> p.execute(insert(50, "'2'", "'MAGIC'"))),
            RUN + " info",
            5,
            "MAGIC",
            ONLY_V1));
    all.add(
        c(
            "version applied twice",
            migrated(p -> p.execute(insert(50, "'1'", "'SQL'"))),
            RUN + " validate",
            5,
            "applied twice",
            ONLY_V1));
    all.add(
        c(
            "history column missing",
            migrated(
                p -> p.execute("ALTER TABLE \"godwit_schema_history\" DROP COLUMN \"checksum\"")),
            RUN + " info",
            3,
            "column 'checksum' is missing",
            ONLY_V1));
    all.add(
        c(
            "history column mistyped",
            migrated(
                p -> {
                  p.execute(
                      "ALTER TABLE \"godwit_schema_history\" ALTER COLUMN \"execution_time\""
                          + " VARCHAR(20)");
                  p.execute("UPDATE \"godwit_schema_history\" SET \"execution_time\" = 'slow'");
                }),
            RUN + " info",
            3,
            "'execution_time' should hold integers",
            ONLY_V1));
    all.add(
        c(
            "table setting names another table",
            migrated(p -> p.execute("CREATE TABLE \"other\" (a INT)")),
            RUN + " --table other info",
            3,
            "does not have Flyway's columns",
            List.of("T1", "godwit_schema_history", "other")));
    // --- safety settings
    all.add(c("clean disabled", migrated(p -> {}), RUN + " clean", 9, "clean", ONLY_V1));
    all.add(
        c(
            "undo in production",
            migrated(p -> p.write("sql/U1__t1.sql", "DROP TABLE t1;\n")),
            RUN + " --production true undo",
            9,
            "production",
            ONLY_V1));
    all.add(
        c("undo without U script", migrated(p -> {}), RUN + " undo", 5, "no undo script", ONLY_V1));
    all.add(
        c(
            "mark-applied of an unknown version",
            migrated(p -> {}),
            RUN + " repair --mark-applied 9",
            5,
            "9",
            ONLY_V1));
    return all.stream();
  }

  private static String insert(int rank, String version, String type) {
    return "INSERT INTO \"godwit_schema_history\" (\"installed_rank\", \"version\", \"description\","
        + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
        + " VALUES ("
        + rank
        + ", "
        + version
        + ", 'hand', "
        + type
        + ", 'hand.sql', 1, 'me', 0, TRUE)";
  }

  private static void fifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGetsItsExitCodeAndMessageAndLeavesNothingHalfApplied(Case k) throws Exception {
    Path d = Files.createDirectories(dir.resolve("case"));
    Project p =
        new Project(
            d,
            "jdbc:h2:file:" + d.resolve("db") + ";DB_CLOSE_DELAY=0",
            d.resolve("sql"),
            new HashMap<>());
    Files.createDirectories(p.sql());
    k.setup().in(p);
    List<String> args = new ArrayList<>();
    for (String a : k.args()) {
      args.add(
          a.replace("URL", p.url())
              .replace("SQL", p.sql().toString())
              .replace("DIR", d.toString()));
    }
    CliRun r = CliRun.run(p.env(), args.toArray(String[]::new));
    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(k.exit());
    // Errors go to stderr; validate lists its problems on stdout.
    assertThat(r.err() + r.out())
        .as("output")
        .contains(k.fragment())
        .doesNotContain("Internal error");
    assertThat(tables(p)).as("tables afterwards").containsExactlyInAnyOrderElementsOf(k.tables());
  }

  private static List<String> tables(Project p) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(p.url(), "", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        + " 'PUBLIC'")) {
      while (rs.next()) {
        // The progress table is Godwit's bookkeeping of a migration run without a transaction.
        if (!rs.getString(1).endsWith("_progress")) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
