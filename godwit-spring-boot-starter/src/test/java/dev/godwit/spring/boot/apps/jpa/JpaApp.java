package dev.godwit.spring.boot.apps.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Data JPA with {@code ddl-auto=validate}: Hibernate refuses to start on a missing table.
 */
@SpringBootApplication
public class JpaApp {}
