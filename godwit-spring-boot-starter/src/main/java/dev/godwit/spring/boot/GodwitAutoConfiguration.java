package dev.godwit.spring.boot;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.Godwit;
import dev.godwit.api.GodwitConfig;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Migrates the application's {@code DataSource} at start-up, before the beans that use it (JPA,
 * JdbcTemplate, jOOQ) are created. Configured by {@code spring.godwit.*} (every Godwit setting in
 * kebab case), or by {@code spring.flyway.*} when no {@code spring.godwit.*} property is set; off
 * with {@code spring.godwit.enabled=false}; backs off when the application defines its own {@link
 * Godwit} bean.
 *
 * <p>Spring Boot 3 and 4 keep the JDBC and JPA auto-configurations in different packages; the
 * ordering names both, so one jar serves both.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"
    })
@ConditionalOnClass(Godwit.class)
@Conditional({
  GodwitAutoConfiguration.EnabledCondition.class,
  GodwitAutoConfiguration.DatabaseCondition.class
})
@Import({
  DatabaseInitializationDependencyConfigurer.class,
  GodwitEndpointConfiguration.class,
  Boot3HealthConfiguration.class,
  Boot4HealthConfiguration.class
})
public class GodwitAutoConfiguration {
  private static final Log LOG = LogFactory.getLog(GodwitAutoConfiguration.class);

  /** Made by Spring. */
  public GodwitAutoConfiguration() {}

  /** The Godwit bean and its initializer, unless the application defines its own Godwit. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(Godwit.class)
  static class MigrationConfiguration {

    @Bean
    Godwit godwit(
        Environment environment,
        ResourceLoader resourceLoader,
        @GodwitDataSource ObjectProvider<DataSource> godwitDataSource,
        ObjectProvider<DataSource> dataSource,
        ObjectProvider<GodwitConfigurationCustomizer> customizers) {
      PropertyReader.Settings settings = PropertyReader.read(environment);
      if (settings.notice() != null) {
        LOG.info(settings.notice());
      }
      GodwitConfig.Builder builder = GodwitConfig.builder();
      Map<ConfigKey, Object> values = settings.values();
      values.forEach(builder::set);
      String url = connectionUrl(values, environment);
      if (url != null) {
        builder.set(ConfigKey.URL, url);
        builder.set(
            ConfigKey.USER,
            values.getOrDefault(
                ConfigKey.USER, environment.getProperty("spring.datasource.username")));
        Object password =
            values.getOrDefault(
                ConfigKey.PASSWORD, environment.getProperty("spring.datasource.password"));
        if (password != null) {
          builder.set(ConfigKey.PASSWORD, password);
        }
      } else {
        DataSource ds = godwitDataSource.getIfAvailable(dataSource::getIfUnique);
        if (ds == null) {
          throw new IllegalStateException(
              "Godwit found no single DataSource to migrate: mark one with @GodwitDataSource or"
                  + " set spring.godwit.url");
        }
        builder.dataSource(ds);
      }
      if (resourceLoader.getClassLoader() != null) {
        builder.classLoader(resourceLoader.getClassLoader());
      }
      customizers.orderedStream().forEach(c -> c.customize(builder));
      return builder.load();
    }

    @Bean
    @ConditionalOnMissingBean
    GodwitMigrationInitializer godwitMigrationInitializer(
        Godwit godwit, ObjectProvider<GodwitMigrationStrategy> strategy) {
      return new GodwitMigrationInitializer(godwit, strategy.getIfAvailable());
    }

    /**
     * A connection of its own when a URL or user is set for Godwit (as Spring Boot's Flyway does:
     * the missing half from {@code spring.datasource.*}), else null for the application's
     * DataSource.
     */
    private static String connectionUrl(Map<ConfigKey, Object> values, Environment environment) {
      Object url = values.get(ConfigKey.URL);
      if (url != null) {
        return url.toString();
      }
      if (values.containsKey(ConfigKey.USER)) {
        return environment.getProperty("spring.datasource.url");
      }
      return null;
    }
  }

  /**
   * Hibernate's default {@code ddl-auto} asks these providers whether a migration tool manages an
   * embedded database; Spring Boot 4 moved the interface to spring-boot-jdbc (same package).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.jdbc.SchemaManagementProvider")
  static class SchemaManagementConfiguration {
    @Bean
    GodwitSchemaManagementProvider godwitSchemaManagementProvider(ObjectProvider<Godwit> godwits) {
      return new GodwitSchemaManagementProvider(godwits);
    }
  }

  /** {@code spring.godwit.enabled}, or {@code spring.flyway.enabled} when read in its place. */
  static class EnabledCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return PropertyReader.enabled(context.getEnvironment())
          ? ConditionOutcome.match("Godwit migration at start-up is enabled")
          : ConditionOutcome.noMatch("spring.godwit.enabled (or spring.flyway.enabled) is false");
    }
  }

  /** A DataSource bean, or a URL for a connection of Godwit's own. */
  static class DatabaseCondition extends AnyNestedCondition {
    DatabaseCondition() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static class DataSourceBean {}

    @ConditionalOnProperty(prefix = "spring.godwit", name = "url")
    static class GodwitUrl {}

    @ConditionalOnProperty(prefix = "spring.flyway", name = "url")
    static class FlywayUrl {}
  }
}
