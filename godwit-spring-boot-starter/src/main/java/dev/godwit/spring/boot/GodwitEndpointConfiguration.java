package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/godwit} when the application has the actuator (Boot 3 and 4 alike). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
class GodwitEndpointConfiguration {

  @Bean
  @ConditionalOnMissingBean
  GodwitEndpoint godwitEndpoint(Godwit godwit) {
    return new GodwitEndpoint(godwit);
  }
}
