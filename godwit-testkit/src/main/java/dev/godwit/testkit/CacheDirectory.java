package dev.godwit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The directory under which the testkit keeps unpacked binaries ({@code <version>-<platform>/}) and
 * the data directories of running servers ({@code run/}): {@code GODWIT_TEST_POSTGRES_DIR} if set,
 * else {@code godwit-embedded-pg-<uid>} in the temporary directory ({@code /tmp}).
 */
final class CacheDirectory {

  static final String DIR_VARIABLE = "GODWIT_TEST_POSTGRES_DIR";

  private CacheDirectory() {}

  static Path prepare(Map<String, String> env, ServerAccount account) throws IOException {
    String configured = env.getOrDefault(DIR_VARIABLE, "");
    boolean shared = configured.isBlank();
    Path dir =
        !shared
            ? Path.of(configured)
            : Path.of(
                System.getProperty("java.io.tmpdir"),
                "godwit-embedded-pg-" + Math.max(0, account.currentUid()));
    dir = dir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    PosixFileAttributes attributes =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (shared && (attributes.isSymbolicLink() || !ownedByUs(dir, account))) {
      // A shared temporary directory: do not run binaries that another user could have put there.
      throw new IOException(
          dir + " belongs to another user or is a symbolic link; remove it or set " + DIR_VARIABLE);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (account.dropsPrivileges()) {
      requireTraversable(dir, account);
    }
    return dir.toRealPath();
  }

  private static boolean ownedByUs(Path dir, ServerAccount account) throws IOException {
    Object uid = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    return uid.equals(account.currentUid());
  }

  /** The server user must be able to reach the binaries and data directories under {@code dir}. */
  private static void requireTraversable(Path dir, ServerAccount account) throws IOException {
    for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException(
            "PostgreSQL runs as '"
                + account.user()
                + "' (PostgreSQL refuses root), which cannot enter "
                + p
                + " to reach "
                + dir
                + "; set "
                + DIR_VARIABLE
                + " to a directory under /tmp");
      }
    }
  }
}
