package dev.godwit.maven;

import dev.godwit.api.Godwit;
import dev.godwit.api.PlanResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * What migrate would run, statement by statement, without changing anything ({@code godwit plan}).
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class PlanMojo extends GodwitMojo {
  @Override
  String goal() {
    return "plan";
  }

  @Override
  void run(Godwit godwit) {
    PlanResult r = godwit.plan();
    r.warnings().forEach(w -> getLog().warn(w));
    Results.plan(r).forEach(line -> getLog().info(line));
  }
}
