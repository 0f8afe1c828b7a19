package dev.godwit.internal;

import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the files of {@code filesystem:} and {@code classpath:} locations, recursively, in a stable
 * order. Hidden directories are skipped.
 */
final class ResourceScanner {
  private final ClassLoader loader;

  ResourceScanner(ClassLoader loader) {
    this.loader = loader;
  }

  /** Every file below the location. An absent or unreadable location is an error. */
  List<Resource> scan(String location) {
    if (location.startsWith("classpath:")) {
      return scanClasspath(location, location.substring("classpath:".length()));
    }
    String dir = location.startsWith("filesystem:") ? location.substring(11) : location;
    return scanDirectory(location, Paths.get(dir), true);
  }

  private static List<Resource> scanDirectory(String location, Path root, boolean mustExist) {
    if (!Files.isDirectory(root)) {
      if (!mustExist) {
        return List.of();
      }
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Location "
              + location
              + " does not exist or is not a directory ("
              + root.toAbsolutePath().normalize()
              + "). Check the 'locations' setting; relative paths are resolved against the"
              + " working directory "
              + Paths.get("").toAbsolutePath()
              + ".");
    }
    if (!Files.isReadable(root)) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Location " + location + " is not readable (" + root.toAbsolutePath() + ").");
    }
    List<Resource> out = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try {
      // One attribute read per entry (Files.walk plus isRegularFile took two, and this listing is
      // a large share of what info costs on thousands of files).
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && looksLikeScript(dir)) {
                unreadable.add(dir + " is a directory");
              }
              return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
              // A symbolic link counts when it points at a regular file, as before.
              if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(p))) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (looksLikeScript(p) && !Files.isReadable(p)) {
                  unreadable.add(p + " cannot be read (permissions)");
                } else {
                  out.add(new Resource(location, rel, p.getFileName().toString(), p, null));
                }
              } else if (looksLikeScript(p)) {
                unreadable.add(
                    p
                        + (attrs.isSymbolicLink()
                            ? " is a symbolic link to nothing readable"
                            : " is not a regular file (a FIFO, socket or device)"));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
              throw e;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot list location " + location + ": " + e.getMessage(), e);
    }
    if (!unreadable.isEmpty()) {
      // Skipping them would leave a migration out without a word; the user meant them to run.
      throw new GodwitException(
          ErrorCode.VALIDATION,
          "These entries in location "
              + location
              + " are named like migrations but cannot be read:\n  - "
              + String.join("\n  - ", unreadable)
              + "\nMake each a readable file, or rename or remove it.");
    }
    out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return out;
  }

  // A name ending in .sql is meant as a script (or its .sql.conf); Godwit reads nothing else.
  private static boolean looksLikeScript(Path p) {
    String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".sql") || name.endsWith(".sql.conf");
  }

  private List<Resource> scanClasspath(String location, String pkg) {
    String prefix = pkg.replace('.', '/');
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    List<Resource> out = new ArrayList<>();
    try {
      Enumeration<URL> roots = loader.getResources(prefix);
      for (URL root : Collections.list(roots)) {
        if (root.getProtocol().equals("file")) {
          for (Resource r : scanDirectory(location, Paths.get(root.toURI()), false)) {
            out.add(r);
          }
        } else if (root.getProtocol().equals("jar")) {
          scanJar(location, prefix, root, out);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot list location " + location + ": " + e.getMessage(), e);
    }
    out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return out;
  }

  private static void scanJar(String location, String prefix, URL root, List<Resource> out)
      throws IOException {
    URLConnection c = root.openConnection();
    if (!(c instanceof JarURLConnection jc)) {
      return;
    }
    jc.setUseCaches(false);
    try (JarFile jar = jc.getJarFile()) {
      String dir = prefix + "/";
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName();
        if (e.isDirectory() || !name.startsWith(dir)) {
          continue;
        }
        String rel = name.substring(dir.length());
        String fileName = rel.substring(rel.lastIndexOf('/') + 1);
        URL url = new URL("jar:" + jc.getJarFileURL() + "!/" + name);
        out.add(new Resource(location, rel, fileName, null, url));
      }
    }
  }
}
