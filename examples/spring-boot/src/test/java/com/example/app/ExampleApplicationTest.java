package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.Godwit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The context starts only if Godwit migrated before Hibernate validated the schema. */
@SpringBootTest
class ExampleApplicationTest {
  @Autowired CustomerRepository customers;
  @Autowired Godwit godwit;

  @Test
  void migratedBeforeJpaStarted() {
    customers.save(new Customer("Ada", "ada@example.org"));
    assertThat(customers.findByName("Ada")).hasSize(1);
    assertThat(godwit.info().currentVersion()).isEqualTo("2");
  }
}
