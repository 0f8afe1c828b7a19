package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.spring.boot.apps.jpa.Customer;
import dev.godwit.spring.boot.apps.jpa.CustomerRepository;
import dev.godwit.spring.boot.apps.jpa.JpaApp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Data JPA on an embedded database (in-memory H2) with no {@code ddl-auto} set: Spring Boot
 * then lets Hibernate create-drop the schema unless a migration tool says it manages it, as Flyway
 * does. Godwit says so, so its tables and their rows stay as the migrations left them.
 */
class EmbeddedJpaIT {

  @Test
  void hibernateLeavesTheSchemaGodwitMadeOnAnEmbeddedDatabase() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", Apps.h2Url());
    p.put("spring.datasource.username", "sa");
    p.put("spring.jpa.open-in-view", "false");
    p.put("spring.godwit.locations", "classpath:apps/jpa,classpath:apps/jpa-seed");
    try (ConfigurableApplicationContext app = Apps.start(JpaApp.class, p)) {
      // A create-drop would have dropped the table with the row V3 inserted.
      assertThat(app.getBean(CustomerRepository.class).findByName("Grace"))
          .extracting(Customer::getEmail)
          .containsExactly("grace@example.org");
    }
  }

  @Test
  void aDataSourceGodwitDoesNotMigrateIsNotReportedAsManaged() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", Apps.h2Url());
    p.put("spring.datasource.username", "sa");
    p.put("spring.jpa.open-in-view", "false");
    p.put("spring.godwit.locations", "classpath:apps/jpa");
    try (ConfigurableApplicationContext app = Apps.start(JpaApp.class, p)) {
      GodwitSchemaManagementProvider provider = app.getBean(GodwitSchemaManagementProvider.class);
      javax.sql.DataSource migrated = app.getBean(javax.sql.DataSource.class);
      assertThat(provider.getSchemaManagement(migrated))
          .isEqualTo(org.springframework.boot.jdbc.SchemaManagement.MANAGED);
      assertThat(
              provider.getSchemaManagement(
                  new org.springframework.jdbc.datasource.SimpleDriverDataSource()))
          .isEqualTo(org.springframework.boot.jdbc.SchemaManagement.UNMANAGED);
    }
  }
}
