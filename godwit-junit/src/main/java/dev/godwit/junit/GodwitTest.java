package dev.godwit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the class its own freshly migrated database.
 *
 * <p>The migrations are applied once per test run into a template database; each test then gets a
 * copy of it (a file copy for H2 and SQLite, {@code CREATE DATABASE ... TEMPLATE} on PostgreSQL),
 * which is dropped after the test. So a test may write what it likes without affecting the next,
 * and does not pay for the migrations again.
 *
 * <pre>{@code
 * @GodwitTest(database = GodwitDatabase.EMBEDDED_POSTGRES)
 * class OrderRepositoryTest {
 *   @Test
 *   void savesAnOrder(DataSource dataSource) throws SQLException {
 *     // dataSource connects to this test's own migrated database
 *   }
 * }
 * }</pre>
 *
 * <p>Test methods, {@code @BeforeEach} and {@code @AfterEach} methods and the test class
 * constructor can declare parameters of type {@link javax.sql.DataSource}, {@link
 * java.sql.Connection} (opened for the test and closed after it), {@link dev.godwit.api.Godwit}
 * (configured for the test's copy, to call {@code info()} or {@code migrate()}) and {@code @}{@link
 * GodwitUrl} {@code String}.
 *
 * <p>{@code ${NAME}} in {@link #url()}, {@link #user()} and {@link #password()} is replaced with
 * the system property or environment variable {@code NAME}, and {@code ${NAME:default}} falls back
 * to the text after the colon. When a variable without default is not set, the class's tests are
 * skipped (aborted) with a message saying which.
 *
 * <p>For settings beyond these, register {@link GodwitExtension} with {@code @RegisterExtension}
 * instead and use its builder.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GodwitExtension.class)
public @interface GodwitTest {

  /**
   * The database to migrate and copy.
   *
   * @return the kind of database; H2 unless set
   */
  GodwitDatabase database() default GodwitDatabase.H2;

  /**
   * With {@link GodwitDatabase#URL}: the JDBC URL of a database on the server to use, for example
   * {@code jdbc:postgresql://127.0.0.1:5432/postgres} or {@code ${GODWIT_TEST_POSTGRES_URL}}. The
   * template and the copies are created next to it.
   *
   * @return the server's JDBC URL; empty for the other databases
   */
  String url() default "";

  /**
   * The user to connect as with {@link GodwitDatabase#URL}; it must be allowed to create databases.
   *
   * @return the user name; empty for the driver's default
   */
  String user() default "";

  /**
   * The password of {@link #user()}.
   *
   * @return the password, possibly empty
   */
  String password() default "";

  /**
   * Where the migrations are, as for Godwit's {@code locations} setting.
   *
   * @return the locations; {@code classpath:db/migration} unless set
   */
  String[] locations() default {"classpath:db/migration"};

  /**
   * With {@link GodwitDatabase#H2}: settings appended to the H2 URLs, for example {@code
   * MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}.
   *
   * @return the H2 settings, separated by semicolons; empty for none
   */
  String options() default "";
}
