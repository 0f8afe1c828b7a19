package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/**
 * A JPA test slice: @DataJpaTest (like @JdbcTest, @DataJdbcTest and @JooqTest) includes Godwit's
 * auto-configuration, as it includes Flyway's, so the slice's test database is migrated before
 * Hibernate validates the entities against it.
 */
@DataJpaTest
class CustomerRepositoryTest {
  @Autowired CustomerRepository customers;
  @Autowired Godwit godwit;

  @Test
  void theSlicesDatabaseIsMigrated() {
    customers.save(new Customer("Grace", "grace@example.org"));
    assertThat(customers.findByName("Grace")).hasSize(1);
    assertThat(godwit.info().currentVersion()).isEqualTo("2");
  }
}
