package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.SecretMasking;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java callbacks of the {@code callbacks} setting: classes implementing Flyway's {@code
 * org.flywaydb.core.api.callback.Callback}, run in the order configured at the events Godwit fires,
 * before the callback files of the same event (Flyway puts configured callbacks first, too).
 *
 * <p>As in Flyway, a callback that {@code canHandleInTransaction} runs in a transaction of its own
 * when the event fires outside one (and inside the migration's when it fires inside); one that
 * cannot runs in auto-commit, and inside a migration's transaction is an error naming it.
 */
final class JavaCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(JavaCallbacks.class);
  static final JavaCallbacks NONE = new JavaCallbacks(null, null, List.of());

  private final FlywayApi flyway;
  private final Object configuration;
  private final List<Object> callbacks;

  private JavaCallbacks(FlywayApi flyway, Object configuration, List<Object> callbacks) {
    this.flyway = flyway;
    this.configuration = configuration;
    this.callbacks = callbacks;
  }

  /**
   * Instantiates the configured callbacks.
   *
   * @throws GodwitException naming the class that is absent, cannot be created, or is no Flyway
   *     callback, and when flyway-core is not on the class path
   */
  static JavaCallbacks of(GodwitConfig config) {
    List<String> names = config.list(ConfigKey.CALLBACKS);
    if (names.isEmpty()) {
      return NONE;
    }
    ClassLoader loader = config.classLoader();
    FlywayApi flyway = FlywayApi.find(loader);
    List<Object> out = new ArrayList<>();
    for (String entry : names) {
      for (Class<?> c : classes(entry, loader, flyway)) {
        String name = c.getName();
        if (flyway == null || !flyway.callback.isAssignableFrom(c)) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "Callback class "
                  + name
                  + " (setting 'callbacks') does not implement "
                  + FlywayApi.CALLBACK
                  + (flyway == null ? " (flyway-core is not on the class path)" : "")
                  + "; Godwit runs Flyway's Java callbacks and its own callback files.");
        }
        try {
          out.add(c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
          throw new GodwitException(
              ErrorCode.CONFIGURATION,
              "Cannot create callback "
                  + name
                  + ": "
                  + (e.getCause() != null ? e.getCause() : e)
                  + ". It needs a public no-argument constructor.",
              e);
        }
      }
    }
    List<Object> all = List.copyOf(out);
    return new JavaCallbacks(flyway, flyway.configuration(config, all), all);
  }

  /**
   * The classes one entry of the setting names: a class, or a package, written as Flyway does
   * ({@code db/callback}, {@code classpath:db/callback}) or dotted, whose concrete classes
   * implementing Flyway's {@code Callback} are taken in name order.
   */
  private static List<Class<?>> classes(String entry, ClassLoader loader, FlywayApi flyway) {
    boolean packageOnly = entry.startsWith("classpath:") || entry.contains("/");
    if (!packageOnly) {
      try {
        return List.of(Class.forName(entry, true, loader));
      } catch (ClassNotFoundException e) {
        // Perhaps a package; looked at below.
      } catch (LinkageError e) {
        if (flyway == null && FlywayApi.isMissingFlyway(e)) {
          throw FlywayApi.flywayMissing("Callback " + entry + " (setting 'callbacks')", e);
        }
        throw new GodwitException(
            ErrorCode.CONFIGURATION, "Cannot load callback class " + entry + ": " + e, e);
      }
    }
    String dir =
        entry.startsWith("classpath:")
            ? entry.substring("classpath:".length())
            : entry.replace('.', '/');
    List<Class<?>> found = new ArrayList<>();
    String pkg = dir.replace('/', '.');
    while (pkg.startsWith(".")) {
      pkg = pkg.substring(1);
    }
    for (Resource r : new ResourceScanner(loader).scan("classpath:" + dir)) {
      String rel = r.relativePath();
      if (!rel.endsWith(".class") || rel.contains("$")) {
        continue;
      }
      String name = pkg + "." + rel.substring(0, rel.length() - 6).replace('/', '.');
      try {
        Class<?> c = Class.forName(name, false, loader);
        if (flyway != null
            && flyway.callback.isAssignableFrom(c)
            && !c.isInterface()
            && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
          found.add(Class.forName(name, true, loader));
        }
      } catch (ClassNotFoundException | LinkageError e) {
        if (flyway == null && FlywayApi.isMissingFlyway(e)) {
          throw FlywayApi.flywayMissing("Callback " + name + " (setting 'callbacks')", e);
        }
        throw new GodwitException(
            ErrorCode.CONFIGURATION, "Cannot load class " + name + " of " + entry + ": " + e, e);
      }
    }
    if (found.isEmpty()) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Callback "
              + entry
              + " (setting 'callbacks') is neither a class on the class path nor a package holding"
              + " classes that implement "
              + FlywayApi.CALLBACK
              + ". Check the name and that its jar is on the class path.");
    }
    found.sort(java.util.Comparator.comparing(Class::getName));
    return found;
  }

  boolean isEmpty() {
    return callbacks.isEmpty();
  }

  /**
   * Runs every callback that supports the event.
   *
   * @param migration the migration the event is about, or null
   * @param session what the callback's context tells about the run
   */
  void fire(CallbackEvent event, Connection c, ResolvedMigration migration, Session session) {
    if (callbacks.isEmpty()) {
      return;
    }
    Object flywayEvent = flyway.event(event);
    if (flywayEvent == null) {
      return;
    }
    String password = session.connections.password();
    Object info = migration == null ? null : flyway.migrationInfo(migration, session.installedBy);
    Object context = flyway.callbackContext(c, configuration, info);
    Class<?>[] types = flyway.callbackParameters();
    for (Object cb : callbacks) {
      String name = cb.getClass().getName();
      try {
        if (!(Boolean) FlywayApi.call(cb, "supports", types, flywayEvent, context)) {
          continue;
        }
        boolean inTx =
            (Boolean) FlywayApi.call(cb, "canHandleInTransaction", types, flywayEvent, context);
        LOG.debug("Running Java callback {} ({})", name, event.fileName());
        if (!c.getAutoCommit()) {
          if (!inTx) {
            throw new GodwitException(
                ErrorCode.MIGRATION_FAILED,
                "Java callback "
                    + name
                    + " cannot handle "
                    + event.fileName()
                    + " in a transaction, and the migration runs in one. Let the callback's"
                    + " canHandleInTransaction return true, or run the migration without a"
                    + " transaction.");
          }
          FlywayApi.call(cb, "handle", types, flywayEvent, context);
        } else if (inTx) {
          c.setAutoCommit(false);
          try {
            FlywayApi.call(cb, "handle", types, flywayEvent, context);
            c.commit();
          } catch (Exception e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        } else {
          FlywayApi.call(cb, "handle", types, flywayEvent, context);
        }
      } catch (GodwitException e) {
        throw e;
      } catch (Exception e) {
        throw new GodwitException(
            ErrorCode.MIGRATION_FAILED,
            "Java callback "
                + name
                + " ("
                + event.fileName()
                + ") failed: "
                + SecretMasking.scrub(String.valueOf(e.getMessage()), password),
            e);
      }
    }
  }
}
