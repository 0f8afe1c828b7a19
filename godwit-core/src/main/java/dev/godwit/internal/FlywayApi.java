package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Flyway's public API as the user's class loader has it, reached by reflection: Godwit has no
 * compile-time dependency on Flyway, yet runs Flyway's Java migrations and callbacks when
 * flyway-core (9 or later; the interfaces below have not changed since) is on the class path.
 *
 * <p>Flyway's {@code Context} and {@code Configuration} interfaces are implemented with {@link
 * Proxy}: the context hands out the migration's connection, the configuration answers from Godwit's
 * settings. A configuration getter Godwit has no value for fails with a message naming it, rather
 * than returning a made-up value.
 */
final class FlywayApi {
  static final String JAVA_MIGRATION = "org.flywaydb.core.api.migration.JavaMigration";
  static final String CALLBACK = "org.flywaydb.core.api.callback.Callback";
  private static final String PACKAGE = "org.flywaydb.";

  final Class<?> javaMigration;
  final Class<?> callback;
  private final Class<?> migrationContext;
  private final Class<?> callbackContext;
  private final Class<?> configuration;
  private final Class<?> event;
  private final Class<?> location;
  private final Class<?> migrationVersion;
  private final Class<?> migrationInfo;
  private final ClassLoader loader;

  private FlywayApi(ClassLoader loader) throws ClassNotFoundException {
    this.loader = loader;
    this.javaMigration = load(JAVA_MIGRATION);
    this.callback = load(CALLBACK);
    this.migrationContext = load("org.flywaydb.core.api.migration.Context");
    this.callbackContext = load("org.flywaydb.core.api.callback.Context");
    this.configuration = load("org.flywaydb.core.api.configuration.Configuration");
    this.event = load("org.flywaydb.core.api.callback.Event");
    this.location = load("org.flywaydb.core.api.Location");
    this.migrationVersion = load("org.flywaydb.core.api.MigrationVersion");
    this.migrationInfo = load("org.flywaydb.core.api.MigrationInfo");
  }

  private Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, false, loader);
  }

  /** Flyway's API in this class loader, or null when flyway-core is not on its class path. */
  static FlywayApi find(ClassLoader loader) {
    try {
      return new FlywayApi(loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * Whether a failure to load a class comes from Flyway's API being absent: the class extends or
   * uses {@code org.flywaydb...} types that the class loader cannot find.
   */
  static boolean isMissingFlyway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if ((t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException)
          && m != null
          && m.replace('/', '.').contains(PACKAGE)) {
        return true;
      }
    }
    return false;
  }

  /** The type of {@code JavaMigration.migrate}'s parameter. */
  Class<?> migrationContextType() {
    return migrationContext;
  }

  /** Flyway's {@code migration.Context} for a Java migration: its connection and configuration. */
  Object migrationContext(Connection connection, GodwitConfig config) {
    Object conf = configuration(config, List.of());
    return proxy(
        migrationContext,
        (p, m, args) ->
            switch (m.getName()) {
              case "getConnection" -> connection;
              case "getConfiguration" -> conf;
              default -> objectMethod(p, m, args, "Flyway migration Context");
            });
  }

  /**
   * Flyway's {@code callback.Context}: the connection, the configuration and, around each
   * migration, its {@code MigrationInfo}; no statement or operation result (Godwit fires none of
   * the events that carry them).
   *
   * @param info the migration's info, or null outside the events around one migration
   */
  Object callbackContext(Connection connection, Object conf, Object info) {
    return proxy(
        callbackContext,
        (p, m, args) ->
            switch (m.getName()) {
              case "getConnection" -> connection;
              case "getConfiguration" -> conf;
              case "getMigrationInfo" -> info;
              case "getStatement", "getOperationResult", "getReportDetails" -> null;
              default -> objectMethod(p, m, args, "Flyway callback Context");
            });
  }

  /**
   * Flyway's {@code MigrationInfo} of the migration an each-migrate event is about. As in Flyway,
   * it is the info from before the run, PENDING in the events before and after the migration.
   */
  Object migrationInfo(ResolvedMigration migration, String installedBy) {
    String state = "PENDING";
    return proxy(
        migrationInfo,
        (p, m, args) ->
            switch (m.getName()) {
              case "getType" ->
                  enumConstant("org.flywaydb.core.api.CoreMigrationType", migration.type().name());
              case "getChecksum", "getResolvedChecksum" -> migration.checksum();
              case "getVersion" -> version(migration.versionText());
              case "getDescription", "getResolvedDescription" -> migration.description();
              case "getScript" -> migration.script();
              case "getState" -> enumConstant("org.flywaydb.core.api.MigrationState", state);
              case "getInstalledBy" -> installedBy;
              case "getPhysicalLocation" ->
                  migration.resource() != null && migration.resource().path() != null
                      ? migration.resource().path().toAbsolutePath().toString()
                      : "";
              case "isVersioned" -> migration.version() != null;
              case "isRepeatable" -> migration.version() == null;
              case "isApplied" -> false;
              case "getInstalledOn", "getInstalledRank", "getExecutionTime", "getAppliedChecksum" ->
                  null;
              default ->
                  m.isDefault()
                      ? InvocationHandler.invokeDefault(p, m, args)
                      : objectMethod(p, m, args, "Flyway MigrationInfo");
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object enumConstant(String type, String name) throws ClassNotFoundException {
    try {
      return Enum.valueOf((Class) load(type), name);
    } catch (IllegalArgumentException notInThisVersion) {
      return null;
    }
  }

  private Object version(String text) throws ReflectiveOperationException {
    return text == null
        ? null
        : migrationVersion.getMethod("fromVersion", String.class).invoke(null, text);
  }

  /** The parameter types of {@code Callback}'s methods: {@code (Event, Context)}. */
  Class<?>[] callbackParameters() {
    return new Class<?>[] {event, callbackContext};
  }

  /** Flyway's {@code Event} of the same name, or null if this Flyway version has none. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Object event(CallbackEvent e) {
    try {
      return Enum.valueOf((Class) event, e.name());
    } catch (IllegalArgumentException notInThisVersion) {
      return null;
    }
  }

  /**
   * A Flyway {@code Configuration} answering from Godwit's settings.
   *
   * @param callbacks the Java callbacks in effect, for {@code getCallbacks()}
   */
  Object configuration(GodwitConfig config, List<Object> callbacks) {
    return proxy(configuration, new ConfigurationView(config, callbacks));
  }

  private Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(loader, new Class<?>[] {type}, handler);
  }

  private static Object objectMethod(Object proxy, Method m, Object[] args, String what) {
    return switch (m.getName()) {
      case "toString" -> "Godwit's " + what;
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default ->
          throw new UnsupportedOperationException(
              "Godwit's " + what + " does not provide " + m.getName() + "()");
    };
  }

  /** Calls a method of a Flyway object, passing on what it throws. */
  static Object call(Object target, String name, Class<?>[] types, Object... args)
      throws Exception {
    Method m = findMethod(target.getClass(), name, types);
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * A public method by name and parameter types, found through the public interfaces and classes so
   * that a public method of a package-private class can still be called.
   */
  private static Method findMethod(Class<?> type, String name, Class<?>[] types)
      throws NoSuchMethodException {
    Method m = type.getMethod(name, types);
    if (java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
      return m;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          return i.getMethod(name, types);
        } catch (NoSuchMethodException ignored) {
          // try the next
        }
      }
    }
    m.setAccessible(true);
    return m;
  }

  /** Answers Flyway's {@code Configuration} getters from Godwit's settings. */
  private final class ConfigurationView implements InvocationHandler {
    private final GodwitConfig config;
    private final List<Object> callbacks;

    ConfigurationView(GodwitConfig config, List<Object> callbacks) {
      this.config = config;
      this.callbacks = callbacks;
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      String name = m.getName();
      Class<?> type = m.getReturnType();
      switch (name) {
        case "toString", "hashCode", "equals":
          return objectMethod(proxy, m, args, "Flyway Configuration view");
        case "getClassLoader":
          return config.classLoader();
        case "getDataSource":
          return config.dataSource();
        case "getLocations":
          return locations(config.list(ConfigKey.LOCATIONS));
        case "getCallbackLocations":
          return locations(List.of());
        case "getCallbacks":
          return toArray(type, callbacks);
        case "getJavaMigrations", "getResolvers", "getErrorOverrides", "getLoggers":
          return Array.newInstance(type.getComponentType(), 0);
        case "getBaselineVersion":
          return version(config.string(ConfigKey.BASELINE_VERSION));
        case "getTarget":
          return version(config.string(ConfigKey.TARGET));
        case "isCleanDisabled":
          return !config.flag(ConfigKey.CLEAN_ENABLED);
        case "getEncoding":
          return config.encoding();
        case "getLockRetryCount":
          return config.number(ConfigKey.LOCK_WAIT_TIMEOUT);
        case "getPlaceholderSeparator":
          return ":";
        case "getWorkingDirectory":
          return System.getProperty("user.dir");
        case "getCurrentEnvironmentName":
          return config.environment() == null ? "default" : config.environment();
        case "isGroup",
        "isDetectEncoding",
        "isSkipDefaultCallbacks",
        "isSkipDefaultResolvers",
        "isSkipExecutingMigrations",
        "isFailOnMissingLocations",
        "isBatch",
        "isStream",
        "isOutputQueryResults",
        "isReportEnabled":
          // What Godwit does: each of these is false in Godwit's behaviour.
          return false;
        default:
          break;
      }
      if (m.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, m, args);
      }
      if ((args == null || args.length == 0) && (name.startsWith("get") || name.startsWith("is"))) {
        String key = name.substring(name.startsWith("get") ? 3 : 2);
        ConfigKey k = ConfigKey.byKey(Character.toLowerCase(key.charAt(0)) + key.substring(1));
        if (k != null) {
          Object value = settingAs(k, type);
          if (value != NO_VALUE) {
            return value;
          }
        }
      }
      throw new UnsupportedOperationException(
          "Godwit's Flyway Configuration view does not provide "
              + name
              + "(): Godwit has no such setting. Read what the migration needs from the"
              + " connection or from the placeholders instead.");
    }

    private Object settingAs(ConfigKey k, Class<?> type) {
      if (type == boolean.class || type == Boolean.class) {
        return config.flag(k);
      }
      if (type == int.class || type == Integer.class) {
        return config.number(k);
      }
      if (type == String.class) {
        return config.string(k);
      }
      if (type == String[].class) {
        return config.list(k).toArray(String[]::new);
      }
      if (type == Map.class) {
        Object v = config.get(k);
        return v instanceof Map<?, ?> map ? map : Map.of();
      }
      return NO_VALUE;
    }

    private Object locations(List<String> values) throws ReflectiveOperationException {
      Object out = Array.newInstance(location, values.size());
      for (int i = 0; i < values.size(); i++) {
        Array.set(out, i, location.getConstructor(String.class).newInstance(values.get(i)));
      }
      return out;
    }

    private Object toArray(Class<?> arrayType, List<Object> items) {
      Object out = Array.newInstance(arrayType.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(out, i, items.get(i));
      }
      return out;
    }
  }

  private static final Object NO_VALUE = new Object();

  /** The error for a Flyway class found while flyway-core is not on the class path. */
  static GodwitException flywayMissing(String what, Throwable cause) {
    return new GodwitException(
        ErrorCode.CONFIGURATION,
        what
            + " uses Flyway's API ("
            + cause.getMessage()
            + "), but flyway-core is not on the class path, so Godwit cannot run it. Add"
            + " org.flywaydb:flyway-core (9 or later) to the application's class path (for the"
            + " CLI, next to the jar holding the class), or remove it.",
        cause);
  }
}
