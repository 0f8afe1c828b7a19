package dev.godwit.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link GodwitMigrationInitializer} beans initialize the database, so that
 * every bean that depends on database initialization waits for them (listed in {@code
 * META-INF/spring.factories}, as Flyway's detector is).
 */
class GodwitMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(GodwitMigrationInitializer.class);
  }
}
