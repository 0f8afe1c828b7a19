package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Godwit manages the schema of the DataSource it migrates, as Flyway's
 * provider does for Flyway. Without it, Hibernate's default {@code ddl-auto} on an embedded
 * database (H2, HSQLDB, Derby) is {@code create-drop}: Hibernate would drop the tables Godwit just
 * made, with their rows, and create its own.
 */
final class GodwitSchemaManagementProvider implements SchemaManagementProvider {
  private final ObjectProvider<Godwit> godwits;

  GodwitSchemaManagementProvider(ObjectProvider<Godwit> godwits) {
    this.godwits = godwits;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return godwits.stream().anyMatch(g -> dataSource.equals(g.config().dataSource()))
        ? SchemaManagement.MANAGED
        : SchemaManagement.UNMANAGED;
  }
}
