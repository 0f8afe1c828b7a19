package dev.godwit.maven;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.Godwit;
import dev.godwit.api.ValidateResult;
import dev.godwit.api.ValidationIssue;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares applied and local migrations; fails the build on any issue ({@code godwit validate}).
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class ValidateMojo extends GodwitMojo {
  @Override
  String goal() {
    return "validate";
  }

  @Override
  void run(Godwit godwit) throws MojoFailureException {
    ValidateResult r = godwit.validate();
    r.warnings().forEach(w -> getLog().warn(w));
    if (!r.valid()) {
      for (ValidationIssue issue : r.issues()) {
        getLog().error(issue.message());
      }
      throw refused(
          ErrorCode.VALIDATION,
          r.issues().size() + " validation issue(s), the first: " + r.issues().get(0).message());
    }
    getLog().info("Validated " + r.migrationsChecked() + " migration(s): no issues");
  }
}
