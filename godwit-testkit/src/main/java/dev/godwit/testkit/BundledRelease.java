package dev.godwit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;

/**
 * One PostgreSQL release bundled in this jar: a zonky {@code .txz} archive of its binaries, at
 * {@code postgres/<slot>/postgres.txz} next to this class, described by {@code
 * postgres/binaries.properties} (both put there by the build).
 */
final class BundledRelease {

  static final String NEWEST = "newest";
  static final String OLDEST = "oldest";

  private final String slot;
  private final String version;
  private final String platform;
  private final URL archive;

  BundledRelease(String slot, String version, String platform, URL archive) {
    this.slot = slot;
    this.version = version;
    this.platform = platform;
    this.archive = archive;
  }

  static BundledRelease load(String slot) {
    Properties properties = new Properties();
    try (InputStream in =
        BundledRelease.class.getResourceAsStream("postgres/binaries.properties")) {
      if (in == null) {
        throw new IllegalStateException("postgres/binaries.properties is missing from the testkit");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BundledRelease(
        slot,
        properties.getProperty(slot + ".version"),
        properties.getProperty("platform"),
        BundledRelease.class.getResource("postgres/" + slot + "/postgres.txz"));
  }

  /** The zonky version, e.g. {@code 18.6.0}. */
  String version() {
    return version;
  }

  /** The PostgreSQL version, e.g. {@code 18.6}. */
  String postgresVersion() {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  int majorVersion() {
    return Integer.parseInt(version.split("\\.")[0]);
  }

  /** The platform the binaries were built for, e.g. {@code linux-x86_64}. */
  String platform() {
    return platform;
  }

  URL archive() {
    return archive;
  }

  /** Why these binaries cannot run in this JVM, if they cannot. */
  Optional<String> unavailableReason() {
    String here = Platform.current();
    String what = "embedded PostgreSQL " + majorVersion();
    if (archive == null) {
      return Optional.of(
          "No "
              + what
              + " binaries are bundled for "
              + here
              + ": godwit-testkit bundles zonky's builds of the newest and oldest majors for"
              + " linux-x86_64, mac-x86_64 and mac-aarch64, and only the newest for linux-aarch64");
    }
    if (!platform.equals(here)) {
      return Optional.of(
          "The "
              + what
              + " binaries in the testkit were built for "
              + platform
              + ", but this JVM runs on "
              + here
              + "; rebuild godwit-testkit on this machine");
    }
    return Optional.empty();
  }
}
