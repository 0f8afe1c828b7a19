package dev.godwit.maven;

import dev.godwit.api.AppliedMigration;
import dev.godwit.api.Godwit;
import dev.godwit.api.UndoResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Undoes applied versions with their U scripts, newest first ({@code godwit undo}). */
@Mojo(name = "undo", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class UndoMojo extends GodwitMojo {
  /** How many versions to undo, when no {@code undoTarget} is given. */
  @Parameter(property = "godwit.count", defaultValue = "1")
  int count;

  /** Undo every version above this one (the CLI's {@code undo --target}). */
  @Parameter(property = "godwit.undoTarget")
  String undoTarget;

  /** Proceed although the environment is marked production. */
  @Parameter(property = "godwit.allowProduction", defaultValue = "false")
  boolean allowProduction;

  @Override
  String goal() {
    return "undo";
  }

  @Override
  void run(Godwit godwit) {
    UndoResult r = godwit.undo(count, undoTarget, allowProduction);
    for (AppliedMigration m : r.undone()) {
      getLog().info("Undone " + Results.applied(m));
    }
    getLog()
        .info(
            "Undid "
                + r.undone().size()
                + " version(s); current version: "
                + (r.currentVersion() == null ? "none" : r.currentVersion()));
  }
}
