package dev.godwit.maven;

import dev.godwit.api.BaselineResult;
import dev.godwit.api.Godwit;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Records the existing schema as {@code baselineVersion} ({@code godwit baseline}). */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class BaselineMojo extends GodwitMojo {
  @Override
  String goal() {
    return "baseline";
  }

  @Override
  void run(Godwit godwit) {
    BaselineResult r = godwit.baseline();
    getLog()
        .info(
            (r.created() ? "Baselined at version " : "Already baselined at version ")
                + r.version()
                + " ("
                + r.description()
                + ")");
  }
}
