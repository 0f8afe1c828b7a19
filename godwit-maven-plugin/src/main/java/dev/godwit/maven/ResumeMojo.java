package dev.godwit.maven;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.Godwit;
import dev.godwit.api.MigrateResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Continues the failed migration from the statement that failed, then applies the rest ({@code
 * godwit migrate --resume}).
 */
@Mojo(name = "resume", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ResumeMojo extends GodwitMojo {
  @Override
  String goal() {
    return "resume";
  }

  @Override
  void run(Godwit godwit) {
    MigrateResult r = godwit.resume();
    r.warnings().forEach(w -> getLog().warn(w));
    for (AppliedMigration m : r.applied()) {
      getLog().info(Results.applied(m));
    }
    getLog().info(Results.migrated(r));
  }
}
