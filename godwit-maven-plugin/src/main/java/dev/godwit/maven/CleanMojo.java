package dev.godwit.maven;

import dev.godwit.api.CleanResult;
import dev.godwit.api.Godwit;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Drops every object in the managed schemas; needs {@code cleanEnabled} ({@code godwit clean}). */
@Mojo(name = "clean", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CleanMojo extends GodwitMojo {
  @Override
  String goal() {
    return "clean";
  }

  @Override
  void run(Godwit godwit) {
    CleanResult r = godwit.clean();
    getLog()
        .info(
            "Cleaned "
                + String.join(", ", r.schemas())
                + ": "
                + r.droppedObjects()
                + " object(s) dropped");
  }
}
