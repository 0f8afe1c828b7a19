package dev.godwit.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Extracts a {@code .txz} (xz-compressed tar) archive, keeping executables and symbolic links. */
final class TarXz {

  private TarXz() {}

  /**
   * Extracts {@code archive} into the existing directory {@code target}. Files become readable by
   * everyone ({@code rw-r--r--}, or {@code rwxr-xr-x} if executable in the archive), directories
   * {@code rwxr-xr-x}, whatever the umask, so that an unprivileged server user can use them.
   */
  static void extract(InputStream archive, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = inside(root, entry.getName());
        if (entry.isDirectory()) {
          directory(path);
        } else if (entry.isSymbolicLink()) {
          directory(path.getParent());
          inside(root, path.getParent().resolve(entry.getLinkName()).toString());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          directory(path.getParent());
          Files.createLink(path, inside(root, entry.getLinkName()));
        } else if (entry.isFile()) {
          directory(path.getParent());
          Files.copy(tar, path);
          boolean executable = (entry.getMode() & 0100) != 0;
          Files.setPosixFilePermissions(
              path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
  }

  private static Path inside(Path root, String name) throws IOException {
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) {
      throw new IOException("Archive entry points outside the target directory: " + name);
    }
    return path;
  }

  private static void directory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      directory(path.getParent());
      Files.createDirectory(path);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
