package dev.godwit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * Unpacked PostgreSQL binaries, kept across runs in {@code <cache>/<version>-<platform>/}.
 *
 * <p>A JVM unpacks into a private staging directory and renames it into place atomically, with a
 * completion marker inside; so concurrent JVMs never see a half-unpacked release, and when two
 * unpack at once the loser just discards its copy.
 */
final class BinaryCache {

  private static final String COMPLETE = ".complete";
  private static final String STAGING_PREFIX = ".unpacking-";
  private static final Duration ABANDONED = Duration.ofMinutes(30);

  private BinaryCache() {}

  /** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/} of the release. */
  static Path install(BundledRelease release, Path cache) throws IOException {
    Path target = cache.resolve(release.version() + "-" + release.platform());
    if (Files.exists(target.resolve(COMPLETE))) {
      return target;
    }
    removeAbandoned(cache);
    long started = System.nanoTime();
    Path staging = Files.createTempDirectory(cache, STAGING_PREFIX);
    try {
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      try (InputStream in = release.archive().openStream()) {
        TarXz.extract(in, staging);
      }
      Files.writeString(
          staging.resolve(COMPLETE), release.version() + "\n", StandardCharsets.UTF_8);
      String outcome = "";
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (Files.exists(target.resolve(COMPLETE))) {
          outcome = " (another JVM finished first: using its copy)";
        } else {
          // Not another JVM's finished copy but a damaged one: replace it.
          Trees.delete(target);
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Log.info(
          "Unpacked PostgreSQL "
              + release.postgresVersion()
              + " into "
              + target
              + " in "
              + Duration.ofNanos(System.nanoTime() - started).toMillis()
              + " ms"
              + outcome);
    } finally {
      Trees.deleteQuietly(staging);
    }
    return target;
  }

  /** Staging directories of JVMs that died while unpacking. */
  private static void removeAbandoned(Path cache) throws IOException {
    Instant cutoff = Instant.now().minus(ABANDONED);
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(cache, STAGING_PREFIX + "*")) {
      for (Path dir : stale) {
        if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
          Trees.deleteQuietly(dir);
        }
      }
    }
  }
}
