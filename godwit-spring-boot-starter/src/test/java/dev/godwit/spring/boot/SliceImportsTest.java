package dev.godwit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test slices that include Flyway's auto-configuration include Godwit's: Spring Boot reads the
 * auto-configurations of a slice from {@code META-INF/spring/<slice annotation>.imports} on the
 * class path (Boot 3.5: the JDBC, Data JDBC, Data JPA and jOOQ slices; Boot 4.0: every slice that
 * initialises the database, through {@code AutoConfigureDataSourceInitialization}). The example
 * project runs a real {@code @DataJpaTest} on Boot 3.5.
 */
class SliceImportsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureJdbc",
        "org.springframework.boot.test.autoconfigure.data.jdbc.AutoConfigureDataJdbc",
        "org.springframework.boot.test.autoconfigure.orm.jpa.AutoConfigureDataJpa",
        "org.springframework.boot.test.autoconfigure.jooq.AutoConfigureJooq",
        "org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization"
      })
  void theSliceImportsGodwitsAutoConfiguration(String slice) throws IOException {
    try (InputStream in =
        SliceImportsTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring/" + slice + ".imports")) {
      assertThat(in).as(slice).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
          .contains(GodwitAutoConfiguration.class.getName());
    }
  }
}
