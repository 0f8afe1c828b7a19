package dev.godwit.flywaycompat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An old Flyway (9.x, copied into target/old-flyway by the build), driven by reflection in a class
 * loader of its own: its classes and its service files come from its jars first, so it never meets
 * the Flyway 13 on the test class path. JDBC drivers come from the test class path.
 */
final class OldFlyway {
  private final ClassLoader loader;
  private final String version;

  private OldFlyway(ClassLoader loader, String version) {
    this.loader = loader;
    this.version = version;
  }

  static OldFlyway load() {
    Path dir = Paths.get(System.getProperty("godwit.oldFlywayDir", "target/old-flyway"));
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        jars.add(p.toUri().toURL());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no old Flyway in " + dir + " (the build copies it there in generate-test-resources)", e);
    }
    ClassLoader loader = new ChildFirst(jars.toArray(URL[]::new), OldFlyway.class.getClassLoader());
    return new OldFlyway(loader, System.getProperty("godwit.oldFlywayVersion", "9"));
  }

  String version() {
    return version;
  }

  /** {@code Flyway.configure(loader).dataSource(...).locations(...).placeholders(...).load()}. */
  Object flyway(Db db, Path migrations, Map<String, String> placeholders) throws Exception {
    Class<?> flyway = loader.loadClass("org.flywaydb.core.Flyway");
    Object conf = flyway.getMethod("configure", ClassLoader.class).invoke(null, loader);
    Class<?> c = conf.getClass();
    conf =
        c.getMethod("dataSource", String.class, String.class, String.class)
            .invoke(conf, db.url(), db.user(), db.password());
    conf =
        c.getMethod("locations", String[].class)
            .invoke(conf, (Object) new String[] {"filesystem:" + migrations.toAbsolutePath()});
    conf = c.getMethod("placeholders", Map.class).invoke(conf, placeholders);
    return c.getMethod("load").invoke(conf);
  }

  static void migrate(Object flyway) throws Exception {
    flyway.getClass().getMethod("migrate").invoke(flyway);
  }

  static boolean validate(Object flyway) throws Exception {
    Object result = flyway.getClass().getMethod("validateWithResult").invoke(flyway);
    return result.getClass().getField("validationSuccessful").getBoolean(result);
  }

  /** The old Flyway's info, as the comparison reads it. */
  static List<InfoRow> info(Object flyway) throws Exception {
    Object service = flyway.getClass().getMethod("info").invoke(flyway);
    Method allMethod = service.getClass().getMethod("all");
    allMethod.setAccessible(true);
    Object all = allMethod.invoke(service);
    List<InfoRow> out = new ArrayList<>();
    for (int i = 0; i < Array.getLength(all); i++) {
      Object m = Array.get(all, i);
      String type = String.valueOf(call(m, "getType"));
      if (type.equals("DELETE")) {
        continue;
      }
      Object v = call(m, "getVersion");
      out.add(
          new InfoRow(
              v == null ? null : (String) call(v, "getVersion"),
              (String) call(m, "getDescription"),
              type,
              InfoRow.godwitState(String.valueOf(call(m, "getState"))),
              (Integer) call(m, "getChecksum"),
              (Integer) call(m, "getInstalledRank")));
    }
    return InfoRow.sorted(out);
  }

  private static Object call(Object target, String method) throws Exception {
    Method m = target.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(target);
  }

  /** Loads Flyway's classes and resources from its own jars before asking the parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && !name.startsWith("java.")) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = null;
          }
        }
        if (c == null) {
          c = super.loadClass(name, false);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    public URL getResource(String name) {
      URL own = findResource(name);
      return own != null ? own : isFlyway(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (isFlyway(name)) {
        return findResources(name);
      }
      List<URL> all = Collections.list(findResources(name));
      all.addAll(Collections.list(getParent().getResources(name)));
      return Collections.enumeration(all);
    }

    private static boolean isFlyway(String name) {
      return name.contains("flywaydb");
    }
  }
}
