package dev.godwit.maven;

import dev.godwit.api.Godwit;
import dev.godwit.api.InfoResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists every migration with its state ({@code godwit info}). */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InfoMojo extends GodwitMojo {
  @Override
  String goal() {
    return "info";
  }

  @Override
  void run(Godwit godwit) {
    InfoResult r = godwit.info();
    r.warnings().forEach(w -> getLog().warn(w));
    Results.table(r).forEach(line -> getLog().info(line));
  }
}
