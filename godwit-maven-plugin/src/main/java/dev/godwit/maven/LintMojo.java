package dev.godwit.maven;

import dev.godwit.api.Godwit;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lints every migration file of the filesystem locations ({@code godwit lint --all}) without
 * connecting, writes SARIF for code scanning, and fails the build at {@code failOn}. Bound to
 * {@code verify} when listed in an execution without a phase.
 */
@Mojo(
    name = "lint",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class LintMojo extends GodwitMojo {
  /** The lowest severity that fails the build: info, warn or error. */
  @Parameter(property = "godwit.failOn", defaultValue = "error")
  String failOn;

  /** Where the SARIF report is written (for code-scanning upload). */
  @Parameter(
      property = "godwit.sarifFile",
      defaultValue = "${project.build.directory}/godwit-lint.sarif")
  File sarifFile;

  /** The SQL dialect (pg, mysql, mariadb, sqlite); by default the URL's. */
  @Parameter(property = "godwit.dialect")
  String dialect;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  String pluginVersion;

  @Override
  String goal() {
    return "lint";
  }

  @Override
  void run(Godwit godwit) throws MojoFailureException {
    LintGate gate = new LintGate(godwit.config(), dialect, failOn);
    LintGate.Outcome outcome = gate.lint(sarifFile.toPath(), pluginVersion);
    outcome.text().lines().forEach(line -> getLog().info(line));
    getLog().info("SARIF report: " + sarifFile);
    if (outcome.failed()) {
      throw refused(dev.godwit.api.ErrorCode.LINT, outcome.summary() + " (failOn " + failOn + ")");
    }
  }
}
