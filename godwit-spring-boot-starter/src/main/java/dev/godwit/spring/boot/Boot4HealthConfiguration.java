package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code godwit} health indicator on Spring Boot 4, whose health API is in {@code
 * org.springframework.boot.health.contributor} (module spring-boot-health); the same indicator as
 * {@link Boot3HealthConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
@ConditionalOnProperty(name = "management.health.godwit.enabled", matchIfMissing = true)
class Boot4HealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "godwitHealthIndicator")
  Indicator godwitHealthIndicator(Godwit godwit) {
    return new Indicator(godwit);
  }

  /** DOWN when a migration failed; the details count pending, failed and missing migrations. */
  static class Indicator extends AbstractHealthIndicator {
    private final Godwit godwit;

    Indicator(Godwit godwit) {
      super("Godwit could not read the schema history");
      this.godwit = godwit;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
      InfoDocument.Health h = InfoDocument.health(godwit.info());
      (h.healthy() ? builder.up() : builder.down()).withDetails(h.details());
    }
  }
}
