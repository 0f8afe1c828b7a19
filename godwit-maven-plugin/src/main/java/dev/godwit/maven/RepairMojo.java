package dev.godwit.maven;

import dev.godwit.api.Godwit;
import dev.godwit.api.RepairResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Removes failed rows and realigns checksums with the files ({@code godwit repair}). */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RepairMojo extends GodwitMojo {
  @Override
  String goal() {
    return "repair";
  }

  @Override
  void run(Godwit godwit) {
    RepairResult r = godwit.repair();
    for (RepairResult.Change c : r.changes()) {
      getLog()
          .info(
              c.action()
                  + " "
                  + (c.version() == null ? "" : c.version() + " ")
                  + c.description()
                  + (c.detail() == null ? "" : ": " + c.detail()));
    }
    getLog().info("Repaired: " + r.changes().size() + " change(s)");
  }
}
