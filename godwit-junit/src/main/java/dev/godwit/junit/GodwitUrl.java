package dev.godwit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter of a test method, a {@code @BeforeEach}/{@code @AfterEach}
 * method or a test class constructor that gets the JDBC URL of the test's own database copy, for
 * example {@code jdbc:postgresql://127.0.0.1:40213/godwit_7_a1b2c3}. Connect with the user and
 * password of the database configured on {@link GodwitTest} (none for H2 and SQLite).
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface GodwitUrl {}
