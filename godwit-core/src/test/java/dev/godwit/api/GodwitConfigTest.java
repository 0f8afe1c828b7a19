package dev.godwit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting is checked when the configuration is built, before anything connects. */
class GodwitConfigTest {

  /** One bad value per setting that has one, and a word its message must contain. */
  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(ConfigKey.URL, "postgres://db/app", "jdbc:postgresql://"),
        Arguments.of(ConfigKey.SCHEMAS, List.of("app", " "), "schema names"),
        Arguments.of(ConfigKey.DEFAULT_SCHEMA, "", "a schema name"),
        Arguments.of(ConfigKey.TABLE, " ", "a table name"),
        Arguments.of(ConfigKey.LOCATIONS, List.of("db/migration", "s3:bucket/x"), "classpath:"),
        Arguments.of(ConfigKey.LOCATIONS, List.of("gcs:bucket"), "filesystem:"),
        Arguments.of(ConfigKey.ENCODING, "UTF-9", "UTF-8"),
        Arguments.of(ConfigKey.ENCODING, "not a charset", "charset"),
        Arguments.of(ConfigKey.TARGET, "bogus", "latest, current, next"),
        Arguments.of(ConfigKey.TARGET, "1.x?", "followed by ?"),
        Arguments.of(ConfigKey.OUT_OF_ORDER, "yes", "true or false"),
        Arguments.of(ConfigKey.IGNORE_MIGRATION_PATTERNS, List.of("*:missing", "*:gone"), "future"),
        Arguments.of(ConfigKey.IGNORE_MIGRATION_PATTERNS, List.of("missing"), "<type>:<state>"),
        Arguments.of(ConfigKey.BASELINE_VERSION, "one", "a version"),
        Arguments.of(ConfigKey.BASELINE_VERSION, "", "a version"),
        Arguments.of(ConfigKey.PLACEHOLDER_PREFIX, "", "opens a placeholder"),
        Arguments.of(ConfigKey.PLACEHOLDER_SUFFIX, "", "closes a placeholder"),
        Arguments.of(ConfigKey.SQL_MIGRATION_PREFIX, "", "prefix"),
        Arguments.of(ConfigKey.UNDO_SQL_MIGRATION_PREFIX, "", "prefix"),
        Arguments.of(ConfigKey.REPEATABLE_SQL_MIGRATION_PREFIX, "", "prefix"),
        Arguments.of(ConfigKey.SQL_MIGRATION_SEPARATOR, "", "separator"),
        Arguments.of(ConfigKey.SQL_MIGRATION_SUFFIXES, List.of(), ".sql"),
        Arguments.of(ConfigKey.SQL_MIGRATION_SUFFIXES, List.of(".sql", ""), ".sql"),
        Arguments.of(ConfigKey.LOCK_WAIT_TIMEOUT, -1, "0 or more"),
        Arguments.of(ConfigKey.LOCK_WAIT_TIMEOUT, "ten", "a whole number"),
        Arguments.of(ConfigKey.LOCK_TIMEOUT, "soon", "500ms, 2s"),
        Arguments.of(ConfigKey.LOCK_TIMEOUT, Duration.ofMillis(-5), "0 turns it off"),
        Arguments.of(ConfigKey.LOCK_RETRIES, -1, "0 or more"),
        Arguments.of(ConfigKey.STATEMENT_TIMEOUT, "2 days", "1m or 1h"),
        Arguments.of(ConfigKey.CONNECT_RETRIES, -3, "0 or more"),
        Arguments.of(ConfigKey.CONNECT_RETRIES_INTERVAL, 0, "1 or more"),
        Arguments.of(ConfigKey.BATCH_SIZE, 0, "1 or more"),
        Arguments.of(ConfigKey.BACKFILL_ROWS, 0, "1 or more"),
        Arguments.of(ConfigKey.BACKFILL_PAUSE, "soon", "500ms, 2s"),
        Arguments.of(ConfigKey.BATCH_SIZE, 5_000_000_000L, "a whole number"),
        Arguments.of(ConfigKey.LINT_ENABLE, List.of(""), "rule ids"),
        Arguments.of(ConfigKey.LINT_DISABLE, List.of(" "), "rule ids"),
        Arguments.of(ConfigKey.LINT_SEVERITY, Map.of("rename-column", "fatal"), "info, warn"),
        Arguments.of(ConfigKey.PLACEHOLDERS, "owner", "name=value"),
        Arguments.of(ConfigKey.CALLBACKS, List.of("com.example.Audit", "Audit Callback"), "class"),
        Arguments.of(ConfigKey.CALLBACKS, List.of("s3:bucket/callbacks"), "classpath:db/callback"),
        Arguments.of(ConfigKey.JDBC_PROPERTIES, "sslmode", "name=value"),
        Arguments.of(ConfigKey.DRIVER, "oracle jdbc Driver", "a Java class name"),
        Arguments.of(ConfigKey.DRIVER, "org..Driver", "a Java class name"),
        Arguments.of(ConfigKey.JAR_DIRS, List.of("drivers", " "), "folders"),
        Arguments.of(ConfigKey.TABLESPACE, " ", "a tablespace name"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueNamesTheSettingTheValueAndWhatIsAccepted(
      ConfigKey key, Object value, String acceptedWord) {
    assertThatThrownBy(() -> GodwitConfig.builder().set(key, value).build())
        .isInstanceOf(GodwitException.class)
        .satisfies(
            e -> {
              GodwitException g = (GodwitException) e;
              assertThat(g.code()).isEqualTo(ErrorCode.CONFIGURATION);
              assertThat(g.getMessage())
                  .contains("'" + key.key() + "'")
                  .contains(badPart(value))
                  .contains(acceptedWord);
            });
  }

  /** The part of the value the message must quote: the offending item of a list or map. */
  private static String badPart(Object value) {
    if (value instanceof List<?> l) {
      return l.isEmpty() ? "''" : "'" + l.get(l.size() - 1) + "'";
    }
    if (value instanceof Map<?, ?> m) {
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      return "'" + e.getKey() + "=" + e.getValue() + "'";
    }
    return "'" + value + "'";
  }

  @Test
  void everySettingWithARuleBeyondItsKindIsCovered() {
    Set<ConfigKey> covered = EnumSet.noneOf(ConfigKey.class);
    badValues().forEach(a -> covered.add((ConfigKey) a.get()[0]));
    List<ConfigKey> missing = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      // Any text is fine for these; booleans share one rule, covered by outOfOrder.
      boolean kindOnly = k.accepted().equals("text") || k.accepted().equals("true or false");
      if (!covered.contains(k) && !kindOnly) {
        missing.add(k);
      }
    }
    assertThat(missing).as("settings whose rule no test exercises").isEmpty();
  }

  @Test
  void everySettingHasATypedBuilderMethodThatSetsIt() throws Exception {
    List<String> missing = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      java.lang.reflect.Method m =
          java.util.Arrays.stream(GodwitConfig.Builder.class.getMethods())
              .filter(x -> x.getName().equals(k.key()) && x.getParameterCount() == 1)
              .findFirst()
              .orElse(null);
      if (m == null) {
        missing.add(k.key());
      }
    }
    assertThat(missing).as("settings without a typed builder method").isEmpty();
    GodwitConfig c =
        GodwitConfig.builder()
            .initSql("SET ROLE app")
            .jdbcProperties(Map.of("sslmode", "require"))
            .group(true)
            .connectRetries(3)
            .lockTimeout(Duration.ofSeconds(2))
            .sqlMigrationSuffixes(".sql", ".pgsql")
            .build();
    assertThat(c.string(ConfigKey.INIT_SQL)).isEqualTo("SET ROLE app");
    assertThat(c.map(ConfigKey.JDBC_PROPERTIES)).containsEntry("sslmode", "require");
    assertThat(c.flag(ConfigKey.GROUP)).isTrue();
    assertThat(c.number(ConfigKey.CONNECT_RETRIES)).isEqualTo(3);
    assertThat(c.duration(ConfigKey.LOCK_TIMEOUT)).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.list(ConfigKey.SQL_MIGRATION_SUFFIXES)).containsExactly(".sql", ".pgsql");
  }

  @Test
  void theDefaultsAndFlywaysFormsAreAccepted() {
    GodwitConfig defaults = GodwitConfig.builder().build();
    assertThat(defaults.target()).isEqualTo(MigrationTarget.LATEST);
    assertThat(defaults.baselineVersion()).isEqualTo(MigrationVersion.parse("1"));
    assertThat(defaults.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(defaults.ignoreMigrationPatterns())
        .containsExactly(new IgnoreMigrationPattern("*", "future"));

    GodwitConfig c =
        GodwitConfig.builder()
            .target("V2.1?")
            .set(ConfigKey.BASELINE_VERSION, "0_9")
            .set(ConfigKey.ENCODING, "iso-8859-1")
            .set(ConfigKey.IGNORE_MIGRATION_PATTERNS, "Versioned:Missing, *:*")
            .set(ConfigKey.LOCATIONS, List.of("db", "filesystem:C:/db", "C:\\db", "classpath:db/m"))
            .set(ConfigKey.LOCK_WAIT_TIMEOUT, 0L)
            .set(ConfigKey.LINT_SEVERITY, "rename-column=WARNING")
            .set(ConfigKey.CALLBACKS, "com.example.Audit, db/callback, classpath:db/callback")
            .build();
    assertThat(c.list(ConfigKey.CALLBACKS))
        .containsExactly("com.example.Audit", "db/callback", "classpath:db/callback");
    assertThat(c.target())
        .isEqualTo(
            new MigrationTarget(MigrationTarget.Kind.VERSION, MigrationVersion.parse("2.1"), true));
    assertThat(c.baselineVersion()).isEqualTo(MigrationVersion.parse("0.9"));
    assertThat(c.encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(c.ignoreMigrationPatterns())
        .containsExactly(
            new IgnoreMigrationPattern("versioned", "missing"),
            new IgnoreMigrationPattern("*", "*"));
    assertThat(c.number(ConfigKey.LOCK_WAIT_TIMEOUT)).isZero();
    assertThat(c.string(ConfigKey.TARGET)).as("the text stays as given").isEqualTo("V2.1?");
    for (String t : List.of("latest", "CURRENT", "next", "next?", "3", "3?")) {
      assertThat(GodwitConfig.builder().target(t).build().target().kind())
          .isEqualTo(
              switch (t.toLowerCase(java.util.Locale.ROOT).replace("?", "")) {
                case "latest" -> MigrationTarget.Kind.LATEST;
                case "current" -> MigrationTarget.Kind.CURRENT;
                case "next" -> MigrationTarget.Kind.NEXT;
                default -> MigrationTarget.Kind.VERSION;
              });
    }
  }

  @Test
  void theAcceptedFormsOfIgnorePatternsNameEveryTypeAndState() {
    List<String> words = new ArrayList<>(IgnoreMigrationPattern.TYPES);
    words.addAll(IgnoreMigrationPattern.STATES);
    for (String word : words) {
      assertThat(IgnoreMigrationPattern.ACCEPTED)
          .containsPattern(" " + java.util.regex.Pattern.quote(word) + "[ ,]");
    }
  }

  @Test
  void aPasswordIsNeverQuotedAndAUrlsPasswordIsMasked() {
    assertThatThrownBy(
            () -> GodwitConfig.builder().set(ConfigKey.PASSWORD, List.of("s3cret")).build())
        .hasMessageContaining("'password'")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                GodwitConfig.builder().url("postgres://app:s3cret@db/app?password=s3cret").build())
        .hasMessageContaining("'url'")
        .hasMessageContaining("postgres://app:")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aBadSettingFailsBeforeAnyConnectionIsAsked() {
    List<String> asked = new ArrayList<>();
    DataSource recording = recordingDataSource(asked);
    GodwitConfig.Builder builder =
        Godwit.configure().dataSource(recording).set(ConfigKey.LOCK_WAIT_TIMEOUT, -1);
    assertThatThrownBy(builder::load)
        .isInstanceOf(GodwitException.class)
        .hasMessageContaining("lockWaitTimeout")
        .extracting(e -> ((GodwitException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
    assertThat(asked).as("connections asked for").isEmpty();
    // Unreachable URL, bad target: the configuration error, not the connection's.
    assertThatThrownBy(
            () -> Godwit.configure().url("jdbc:postgresql://127.0.0.1:1/none").target("x").load())
        .extracting(e -> ((GodwitException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
    // The same data source with good settings is asked: the recording works.
    Godwit good = Godwit.configure().dataSource(recording).load();
    assertThatThrownBy(good::info).isInstanceOf(GodwitException.class);
    assertThat(asked).isNotEmpty();
  }

  @Test
  void anUndoTargetThatIsNoVersionFailsBeforeConnecting() {
    List<String> asked = new ArrayList<>();
    Godwit godwit = Godwit.configure().dataSource(recordingDataSource(asked)).load();
    for (String bad : List.of("latest", "next", "one")) {
      assertThatThrownBy(() -> godwit.undo(1, bad, false))
          .hasMessageContaining("undo --target takes a version, not '" + bad + "'");
      assertThatThrownBy(() -> godwit.planUndo(1, bad))
          .extracting(e -> ((GodwitException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void anUndoCountBelowOneFailsBeforeConnecting() {
    List<String> asked = new ArrayList<>();
    Godwit godwit = Godwit.configure().dataSource(recordingDataSource(asked)).load();
    for (int bad : new int[] {0, -3}) {
      assertThatThrownBy(() -> godwit.undo(bad, null, false))
          .hasMessageContaining("count of at least 1 version, not " + bad)
          .extracting(e -> ((GodwitException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
      assertThatThrownBy(() -> godwit.planUndo(bad, null))
          .extracting(e -> ((GodwitException) e).code())
          .isEqualTo(ErrorCode.CONFIGURATION);
    }
    assertThat(asked).isEmpty();
  }

  /** A data source that notes each request and then fails it, as an unreachable server does. */
  private static DataSource recordingDataSource(List<String> asked) {
    return (DataSource)
        Proxy.newProxyInstance(
            GodwitConfigTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getConnection" -> {
                  asked.add(method.getName());
                  throw new java.sql.SQLException("refused", "08001");
                }
                case "getLogWriter" -> {
                  return (PrintWriter) null;
                }
                case "getLoginTimeout" -> {
                  return 0;
                }
                case "toString" -> {
                  return "recording";
                }
                case "hashCode" -> {
                  return 0;
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                default -> {
                  return null;
                }
              }
            });
  }
}
