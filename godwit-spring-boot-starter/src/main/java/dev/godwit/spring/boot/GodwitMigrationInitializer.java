package dev.godwit.spring.boot;

import dev.godwit.api.Godwit;
import dev.godwit.api.MigrateResult;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the bean is initialized. Spring Boot's database-initialization ordering makes the
 * beans that use the database (the JPA EntityManagerFactory, JdbcTemplate, jOOQ's DSLContext, beans
 * marked {@code @DependsOnDatabaseInitialization}) depend on every bean of this type, so they are
 * created after the migration.
 */
public class GodwitMigrationInitializer implements InitializingBean {
  private static final Log LOG = LogFactory.getLog(GodwitMigrationInitializer.class);

  private final Godwit godwit;
  private final GodwitMigrationStrategy strategy;

  /**
   * Migrates with the given strategy.
   *
   * @param godwit the Godwit to run
   * @param strategy what to run instead of {@link Godwit#migrate()}, or null
   */
  public GodwitMigrationInitializer(Godwit godwit, GodwitMigrationStrategy strategy) {
    this.godwit = Objects.requireNonNull(godwit, "godwit");
    this.strategy = strategy;
  }

  @Override
  public void afterPropertiesSet() {
    if (strategy != null) {
      strategy.migrate(godwit);
      return;
    }
    long started = System.nanoTime();
    MigrateResult result = godwit.migrate();
    long ms = (System.nanoTime() - started) / 1_000_000;
    result.warnings().forEach(w -> LOG.warn("Godwit: " + w));
    if (result.applied().isEmpty()) {
      LOG.info(
          "Godwit: schema is up to date at version "
              + (result.targetVersion() == null ? "<none>" : result.targetVersion())
              + " ("
              + ms
              + " ms)");
    } else {
      LOG.info(
          "Godwit: applied "
              + result.applied().size()
              + " migration"
              + (result.applied().size() == 1 ? "" : "s")
              + ", version "
              + (result.initialVersion() == null ? "<none>" : result.initialVersion())
              + " -> "
              + result.targetVersion()
              + " ("
              + ms
              + " ms)");
    }
  }

  /** The Godwit this initializer runs. */
  public Godwit godwit() {
    return godwit;
  }
}
