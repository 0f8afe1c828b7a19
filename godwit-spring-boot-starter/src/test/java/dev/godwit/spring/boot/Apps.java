package dev.godwit.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Starts real Spring Boot applications for the tests, with their properties given as command-line
 * arguments (the highest precedence, as an operator would). The same tests run on Boot 3.5 and 4.0;
 * the few class names that differ between the two are chosen here by what is on the class path.
 */
final class Apps {
  private Apps() {}

  static ConfigurableApplicationContext start(Class<?> app, Map<String, String> properties) {
    return start(app, WebApplicationType.NONE, properties);
  }

  static ConfigurableApplicationContext start(
      Class<?> app, WebApplicationType web, Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--spring.main.banner-mode=off");
    // One Spring Boot application after another in one JVM: no JMX names to collide.
    args.add("--spring.jmx.enabled=false");
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new SpringApplicationBuilder(app).web(web).run(args.toArray(String[]::new));
  }

  /** A private in-memory H2 database that lives as long as the JVM. */
  static String h2Url() {
    return "jdbc:h2:mem:boot_"
        + UUID.randomUUID().toString().replace("-", "")
        + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * Boot 4's name of an auto-configuration class when Boot 4 is on the class path, else Boot 3's.
   */
  static String autoConfiguration(String boot3, String boot4) {
    return ClassUtils.isPresent(boot4, Apps.class.getClassLoader()) ? boot4 : boot3;
  }

  static String flywayAutoConfiguration() {
    return autoConfiguration(
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
  }

  static boolean boot4() {
    return ClassUtils.isPresent(
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        Apps.class.getClassLoader());
  }
}
