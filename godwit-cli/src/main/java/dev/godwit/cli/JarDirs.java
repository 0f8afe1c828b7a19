package dev.godwit.cli;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extra jars, as Flyway's command line loads them: JDBC drivers Godwit does not bundle (Oracle, SQL
 * Server, MySQL Connector/J), Java migrations and {@code classpath:} locations packed in the
 * application's jars. They come from {@code drivers/} next to the installation ({@code
 * GODWIT_HOME}) and in the working directory, and from the folders {@code jarDirs} names, and are
 * loaded in a class loader of their own that the configuration hands to the core.
 */
final class JarDirs {
  private static final Logger LOG = LoggerFactory.getLogger(JarDirs.class);

  private JarDirs() {}

  /** The configuration with a class loader over the extra jars, or as it is when there are none. */
  static GodwitConfig apply(GodwitConfig config, Map<String, String> environ) {
    List<Path> folders = new ArrayList<>();
    String home = environ.get("GODWIT_HOME");
    if (home != null && !home.isBlank()) {
      folders.add(Paths.get(home, "drivers"));
    }
    folders.add(Paths.get("drivers"));
    for (String dir : config.list(ConfigKey.JAR_DIRS)) {
      Path p = Paths.get(dir);
      if (!Files.isDirectory(p)) {
        throw new GodwitException(
            ErrorCode.CONFIGURATION,
            "The 'jarDirs' setting names "
                + dir
                + ", which is not a folder ("
                + p.toAbsolutePath()
                + "). Create it or correct the setting.");
      }
      folders.add(p);
    }
    List<URL> jars = new ArrayList<>();
    List<Path> used = new ArrayList<>();
    for (Path folder :
        folders.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
      List<Path> found = jarsIn(folder);
      if (!found.isEmpty()) {
        used.add(folder);
      }
      for (Path jar : found) {
        jars.add(toUrl(jar));
      }
    }
    if (jars.isEmpty()) {
      return config;
    }
    LOG.info("Loading {} jar(s) from {}", jars.size(), used);
    ClassLoader parent = config.classLoader();
    // Never closed: classes loaded from it (a driver) live as long as the command.
    URLClassLoader loader =
        new URLClassLoader(
            jars.toArray(URL[]::new), parent != null ? parent : JarDirs.class.getClassLoader());
    return config.toBuilder().classLoader(loader).build();
  }

  private static List<Path> jarsIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot list the jars in " + folder + ": " + e.getMessage(), e);
    }
  }

  private static URL toUrl(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "Cannot load " + jar + ": " + e, e);
    }
  }
}
