package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.spring.boot.apps.jpa.Customer;
import dev.godwit.spring.boot.apps.jpa.CustomerRepository;
import dev.godwit.spring.boot.apps.jpa.JpaApp;
import dev.godwit.testkit.PostgresServer;
import dev.godwit.testkit.PostgresServers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Data JPA with {@code ddl-auto=validate} on embedded PostgreSQL: Hibernate checks the
 * entity against the tables when the EntityManagerFactory starts, so the application starts only if
 * the migration ran first.
 */
class JpaValidateIT {
  private final PostgresServer server = PostgresServers.newest();
  private String url;

  @BeforeEach
  void database() {
    url = server.createDatabase();
  }

  @AfterEach
  void drop() {
    server.dropDatabase(url);
  }

  private Map<String, String> props() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", url);
    p.put("spring.datasource.username", server.user());
    p.put("spring.datasource.password", server.password());
    p.put("spring.jpa.hibernate.ddl-auto", "validate");
    p.put("spring.jpa.open-in-view", "false");
    p.put("spring.godwit.locations", "classpath:apps/jpa");
    return p;
  }

  @Test
  void startsOnlyBecauseTheMigrationRanFirst() {
    try (ConfigurableApplicationContext app = Apps.start(JpaApp.class, props())) {
      CustomerRepository customers = app.getBean(CustomerRepository.class);
      customers.save(new Customer("Ada", "ada@example.org"));
      assertThat(customers.findByName("Ada"))
          .extracting(Customer::getEmail)
          .containsExactly("ada@example.org");
    }
    // A second start finds nothing to do and still validates.
    try (ConfigurableApplicationContext app = Apps.start(JpaApp.class, props())) {
      assertThat(app.getBean(CustomerRepository.class).count()).isEqualTo(1);
    }
  }

  @Test
  void withoutTheMigrationHibernateRefusesToStart() {
    Map<String, String> p = props();
    p.put("spring.godwit.enabled", "false");
    assertThatThrownBy(() -> Apps.start(JpaApp.class, p).close())
        .hasStackTraceContaining("customer");
  }
}
