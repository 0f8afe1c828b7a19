package dev.godwit.maven;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrateResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Applies pending migrations ({@code godwit migrate}). */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class MigrateMojo extends GodwitMojo {
  @Override
  String goal() {
    return "migrate";
  }

  @Override
  void run(Godwit godwit) {
    MigrateResult r = godwit.migrate();
    r.warnings().forEach(w -> getLog().warn(w));
    for (AppliedMigration m : r.applied()) {
      getLog().info(Results.applied(m));
    }
    getLog().info(Results.migrated(r));
  }
}
