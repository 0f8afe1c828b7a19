package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.DeployPhase;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.JavaMigration;
import dev.godwit.api.MigrationType;
import dev.godwit.api.MigrationVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the migrations of the configured locations and checksums them. */
final class MigrationResolver {
  /** Flyway's script migration suffixes. */
  private static final List<String> SCRIPT_SUFFIXES =
      List.of(".sh", ".bash", ".ps1", ".py", ".bat", ".cmd");

  private static final Pattern JAVA_NAME = Pattern.compile("^([VR])([^_]*(?:_[^_]+)*?)__(.*)$");

  private final GodwitConfig config;
  private final Supplier<Placeholders> placeholders;
  private FlywayApi flyway;
  private boolean flywayLooked;

  /**
   * @param placeholders the session's placeholder values; asked for only when a repeatable
   *     migration's checksum is needed, so resolving can start before the session has connected
   */
  MigrationResolver(GodwitConfig config, Supplier<Placeholders> placeholders) {
    this.config = config;
    this.placeholders = placeholders;
  }

  Resolution resolve() {
    MigrationNames names = new MigrationNames(config);
    ResourceScanner scanner = new ResourceScanner(config.classLoader());
    List<ResolvedMigration> versioned = new ArrayList<>();
    List<ResolvedMigration> repeatables = new ArrayList<>();
    List<ResolvedMigration> baselines = new ArrayList<>();
    Map<MigrationVersion, ResolvedMigration> undos = new HashMap<>();
    Map<CallbackEvent, List<Resource>> callbacks = new EnumMap<>(CallbackEvent.class);
    List<String> warnings = new ArrayList<>();
    List<String> misnamed = new ArrayList<>();
    Map<Map.Entry<CallbackEvent, String>, String> callbackDescriptions = new HashMap<>();

    for (String location : config.list(ConfigKey.LOCATIONS)) {
      List<Resource> found = scanner.scan(location);
      // Which scripts have a .sql.conf beside them, from the listing instead of a lookup per file.
      Set<String> configs = new HashSet<>();
      for (Resource r : found) {
        if (r.fileName().endsWith(".conf")) {
          configs.add(r.relativePath());
        }
      }
      int before = versioned.size() + repeatables.size() + undos.size() + baselines.size();
      for (Resource r : found) {
        if (r.fileName().endsWith(".class")) {
          if (location.startsWith("classpath:")) {
            ResolvedMigration jm = javaMigration(location, r, warnings);
            if (jm != null) {
              (jm.kind() == MigrationNames.Kind.BASELINE
                      ? baselines
                      : jm.isRepeatable() ? repeatables : versioned)
                  .add(jm);
            }
          }
          continue;
        }
        Object parsed = names.parse(r.fileName());
        if (parsed == null) {
          refuseScriptMigration(names, r);
        }
        if (parsed instanceof MigrationNames.Rejected rej) {
          misnamed.add(r.displayName() + ": " + rej.reason());
        } else if (parsed instanceof MigrationNames.Parsed p) {
          switch (p.kind()) {
            case CALLBACK -> {
              String other =
                  callbackDescriptions.put(Map.entry(p.event(), p.description()), r.displayName());
              if (other != null) {
                throw new GodwitException(
                    ErrorCode.NAMING,
                    "Two callback files for the same event: " + other + " and " + r.displayName());
              }
              callbacks.computeIfAbsent(p.event(), e -> new ArrayList<>()).add(r);
            }
            case UNDO -> {
              ResolvedMigration m = fileMigration(p, r, configs, MigrationType.UNDO_SQL);
              ResolvedMigration prev = undos.put(p.version(), m);
              if (prev != null) {
                throw duplicate("undo version " + p.version(), prev, m);
              }
            }
            case BASELINE ->
                baselines.add(fileMigration(p, r, configs, MigrationType.SQL_BASELINE));
            case REPEATABLE -> repeatables.add(fileMigration(p, r, configs, MigrationType.SQL));
            default -> versioned.add(fileMigration(p, r, configs, MigrationType.SQL));
          }
        }
      }
      int after = versioned.size() + repeatables.size() + undos.size() + baselines.size();
      if (after == before) {
        warnings.add("No migrations found in location " + location);
      }
    }
    for (JavaMigration jm : config.javaMigrations()) {
      ResolvedMigration m = javaMigration(jm.getClass().getName(), jm);
      (m.isRepeatable() ? repeatables : versioned).add(m);
    }
    if (!misnamed.isEmpty()) {
      if (config.flag(ConfigKey.VALIDATE_MIGRATION_NAMING)) {
        throw new GodwitException(
            ErrorCode.NAMING,
            "Misnamed migration files (validateMigrationNaming is on):\n  - "
                + String.join("\n  - ", misnamed)
                + "\nRename them as V<version>__<description>.sql, U<version>__<description>.sql"
                + " or R__<description>.sql.");
      }
      for (String m : misnamed) {
        warnings.add("Skipped misnamed file " + m);
      }
    }
    versioned.sort(Comparator.comparing(ResolvedMigration::version));
    checkDuplicateVersions(versioned);
    baselines.sort(Comparator.comparing(ResolvedMigration::version));
    checkDuplicateVersions(baselines);
    repeatables.sort(Comparator.comparing(ResolvedMigration::description));
    for (int i = 1; i < repeatables.size(); i++) {
      if (repeatables.get(i).description().equals(repeatables.get(i - 1).description())) {
        throw duplicate(
            "repeatable description '" + repeatables.get(i).description() + "'",
            repeatables.get(i - 1),
            repeatables.get(i));
      }
    }
    Map<CallbackEvent, List<Resource>> orderedCallbacks = new EnumMap<>(CallbackEvent.class);
    callbacks.forEach(
        (event, list) -> {
          list.sort(Comparator.comparing(Resource::fileName));
          orderedCallbacks.put(event, List.copyOf(list));
        });
    return new Resolution(
        List.copyOf(versioned),
        List.copyOf(repeatables),
        Map.copyOf(undos),
        List.copyOf(baselines),
        orderedCallbacks,
        warnings);
  }

  private static void checkDuplicateVersions(List<ResolvedMigration> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).version().equals(sorted.get(i - 1).version())) {
        throw duplicate("version " + sorted.get(i).version(), sorted.get(i - 1), sorted.get(i));
      }
    }
  }

  private static GodwitException duplicate(String what, ResolvedMigration a, ResolvedMigration b) {
    return new GodwitException(
        ErrorCode.NAMING,
        "Found more than one migration with "
            + what
            + ":\n  - "
            + a.displayName()
            + "\n  - "
            + b.displayName()
            + "\nRename or remove one of them (1.0 and 1 are the same version).");
  }

  private ResolvedMigration fileMigration(
      MigrationNames.Parsed p, Resource r, Set<String> configs, MigrationType type) {
    ScriptConfig sc =
        r.path() != null && configs.contains(r.relativePath() + ".conf")
            ? ScriptConfig.forScript(r.path(), r.displayName())
            : ScriptConfig.NONE;
    Charset charset = charsetFor(config, sc, r);
    boolean replace =
        p.kind() == MigrationNames.Kind.REPEATABLE
            && config.flag(ConfigKey.PLACEHOLDER_REPLACEMENT)
            && !Boolean.FALSE.equals(sc.placeholderReplacement());
    ResolvedMigration.Phase phase =
        sc.phase() != null
            ? ResolvedMigration.Phase.of(sc.phase())
            : new ResolvedMigration.Phase(() -> PhaseDirective.read(r, charset));
    // The checksum reads the whole file; the phase is in its head, so it is taken from the same
    // read (a migrate with nothing to do asks for both of every file).
    ResolvedMigration.Sums sums =
        new ResolvedMigration.Sums(
            () -> {
              if (replace) {
                String text = r.readText(charset);
                offerPhase(phase, text, r);
                return new Integer[] {
                  Checksums.of(placeholders.get().replaceAll(text, r.fileName())),
                  Checksums.of(text)
                };
              }
              int sum = checksum(r, charset, phase);
              return new Integer[] {sum, sum};
            });
    return new ResolvedMigration(
        p.kind(), p.version(), p.description(), type, r.relativePath(), sums, r, sc, null, phase);
  }

  /**
   * The raw-text checksum, from the bytes for UTF-8 files that fit in memory; those also give the
   * phase its head declares.
   */
  private static int checksum(Resource r, Charset charset, ResolvedMigration.Phase phase) {
    try {
      if (charset.equals(java.nio.charset.StandardCharsets.UTF_8)
          && r.size() <= Checksums.IN_MEMORY_LIMIT) {
        byte[] bytes = r.readAllBytes();
        if (!Checksums.isValidUtf8(bytes)) {
          throw r.undecodable(charset, new CharacterCodingException());
        }
        offerPhase(phase, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), r);
        return Checksums.ofUtf8(bytes);
      }
      try (Reader reader = r.openReader(charset)) {
        return Checksums.of(reader);
      }
    } catch (CharacterCodingException e) {
      throw r.undecodable(charset, e);
    } catch (IOException e) {
      throw new GodwitException(
          ErrorCode.SCRIPT_INVALID, "Cannot read " + r.displayName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Gives the phase the text's head declares to {@code phase}. A bad directive is left for the
   * phase's own read to report, when a command asks for the phase, as before.
   */
  private static void offerPhase(ResolvedMigration.Phase phase, String text, Resource r) {
    try {
      phase.offer(
          PhaseDirective.of(
              new java.io.BufferedReader(new java.io.StringReader(text)), r.displayName()));
    } catch (IOException | GodwitException e) {
      // Reported by PhaseDirective.read when the phase is asked for.
    }
  }

  /** The script's own encoding (its .sql.conf), else the configured one, parsed at build. */
  static Charset charsetFor(GodwitConfig config, ScriptConfig sc, Resource r) {
    String name = sc.encoding();
    if (name == null) {
      return config.encoding();
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Unknown encoding '" + name + "' for " + r.displayName() + " (try UTF-8 or ISO-8859-1)",
          e);
    }
  }

  /**
   * Flyway's script migrations ({@code V1__x.sh}, {@code R__y.ps1}, ...), which Flyway runs as type
   * SCRIPT: Godwit does not run programs, and skipping one would leave the database short of a
   * step, so one is an error naming it.
   */
  private static void refuseScriptMigration(MigrationNames names, Resource r) {
    String file = r.fileName();
    int dot = file.lastIndexOf('.');
    if (dot < 0 || !SCRIPT_SUFFIXES.contains(file.substring(dot).toLowerCase(Locale.ROOT))) {
      return;
    }
    if (names.parse(file.substring(0, dot) + ".sql") instanceof MigrationNames.Parsed) {
      throw new GodwitException(
          ErrorCode.UNSUPPORTED,
          r.displayName()
              + " is a Flyway script migration or callback (type SCRIPT: "
              + String.join(" ", SCRIPT_SUFFIXES)
              + "), which Godwit does not run. Rewrite it as a SQL or Java migration, or move it"
              + " out of the location "
              + r.location()
              + ".");
    }
  }

  /**
   * The Java migration a class file in a classpath location holds, or null. Godwit's own ({@link
   * JavaMigration}) are named like migrations; Flyway's ({@code
   * org.flywaydb.core.api.migration.JavaMigration}), when flyway-core is on the class path, may
   * have any name, since their getters give the version and description.
   */
  private ResolvedMigration javaMigration(String location, Resource r, List<String> warnings) {
    String rel = r.relativePath();
    String simple = r.fileName().substring(0, r.fileName().length() - ".class".length());
    if (simple.contains("$")) {
      return null;
    }
    boolean named = JAVA_NAME.matcher(simple).matches();
    FlywayApi flyway = flyway();
    if (!named && flyway == null) {
      return null;
    }
    String pkg = location.substring("classpath:".length()).replace('/', '.');
    while (pkg.startsWith(".")) {
      pkg = pkg.substring(1);
    }
    String className =
        (pkg.isEmpty() ? "" : pkg + ".")
            + rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
    Class<?> c;
    try {
      // Not initialised: a class that is no migration runs no static code here.
      c = Class.forName(className, false, config.classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      if (flyway == null && FlywayApi.isMissingFlyway(e)) {
        throw FlywayApi.flywayMissing("Java migration " + className, e);
      }
      if (!named) {
        warnings.add(
            "Skipped class " + className + " in " + location + ": cannot load it (" + e + ")");
        return null;
      }
      throw new GodwitException(
          ErrorCode.CONFIGURATION, "Cannot load Java migration " + className + ": " + e, e);
    }
    if (c.isInterface() || java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
      return null;
    }
    boolean godwit = JavaMigration.class.isAssignableFrom(c);
    boolean isFlyway = flyway != null && flyway.javaMigration.isAssignableFrom(c);
    if (!godwit && !isFlyway) {
      if (named) {
        warnings.add(
            "Skipped class "
                + className
                + ": named like a migration but implements neither dev.godwit.api.JavaMigration"
                + " nor Flyway's "
                + FlywayApi.JAVA_MIGRATION);
      }
      return null;
    }
    if (godwit && !named) {
      return null;
    }
    Object instance;
    try {
      instance = c.getDeclaredConstructor().newInstance();
    } catch (java.lang.reflect.InvocationTargetException e) {
      // Flyway's BaseJavaMigration checks the class name in its constructor.
      throw new GodwitException(
          ErrorCode.NAMING,
          "Cannot create Java migration " + className + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new GodwitException(
          ErrorCode.CONFIGURATION,
          "Cannot instantiate Java migration "
              + className
              + ": "
              + e
              + ". It needs a public no-argument constructor.",
          e);
    }
    if (godwit) {
      return javaMigration(className, (JavaMigration) instance);
    }
    return flywayMigration(className, FlywayJavaMigration.of(flyway, instance));
  }

  /** Flyway's API in the configured class loader, looked up once; null without flyway-core. */
  private FlywayApi flyway() {
    if (!flywayLooked) {
      flyway = FlywayApi.find(config.classLoader());
      flywayLooked = true;
    }
    return flyway;
  }

  /** A Flyway Java migration, with the version, description and checksum its getters return. */
  private static ResolvedMigration flywayMigration(String className, FlywayJavaMigration fm) {
    MigrationType type;
    MigrationNames.Kind kind;
    switch (fm.type()) {
      case "JDBC", "SPRING_JDBC" -> {
        type = MigrationType.JDBC;
        kind =
            fm.version() == null ? MigrationNames.Kind.REPEATABLE : MigrationNames.Kind.VERSIONED;
      }
      case "JDBC_BASELINE" -> {
        type = MigrationType.JDBC_BASELINE;
        kind = MigrationNames.Kind.BASELINE;
      }
      default ->
          throw new GodwitException(
              ErrorCode.UNSUPPORTED,
              "Java migration "
                  + className
                  + " has type "
                  + fm.type()
                  + ", which Godwit does not run (it runs JDBC and JDBC_BASELINE Java migrations)");
    }
    MigrationVersion version = null;
    if (fm.version() != null) {
      try {
        version = MigrationVersion.parse(fm.version());
      } catch (IllegalArgumentException e) {
        throw new GodwitException(
            ErrorCode.NAMING, "Java migration " + className + ": " + e.getMessage(), e);
      }
    } else if (kind == MigrationNames.Kind.BASELINE) {
      throw new GodwitException(
          ErrorCode.NAMING, "Baseline Java migration " + className + " has no version");
    }
    return new ResolvedMigration(
        kind,
        version,
        fm.description(),
        type,
        className,
        ResolvedMigration.Sums.of(fm.checksum()),
        null,
        ScriptConfig.NONE,
        fm,
        ResolvedMigration.Phase.of(DeployPhase.PRE));
  }

  private static ResolvedMigration javaMigration(String className, JavaMigration jm) {
    Matcher m = JAVA_NAME.matcher(jm.getClass().getSimpleName());
    if (!m.matches()) {
      throw new GodwitException(
          ErrorCode.NAMING,
          "Java migration "
              + className
              + " is misnamed: name it V<version>__<Description> (V2_1__Add_index) or"
              + " R__<Description>");
    }
    boolean repeatable = m.group(1).equals("R");
    if (repeatable != m.group(2).isEmpty()) {
      throw new GodwitException(
          ErrorCode.NAMING,
          "Java migration "
              + className
              + (repeatable ? " is repeatable and cannot have a version" : " has no version"));
    }
    MigrationVersion version;
    try {
      version = repeatable ? null : MigrationVersion.parse(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new GodwitException(
          ErrorCode.NAMING, "Java migration " + className + ": " + e.getMessage(), e);
    }
    return new ResolvedMigration(
        repeatable ? MigrationNames.Kind.REPEATABLE : MigrationNames.Kind.VERSIONED,
        version,
        m.group(3).replace('_', ' '),
        MigrationType.JDBC,
        className,
        ResolvedMigration.Sums.of(jm.checksum()),
        null,
        ScriptConfig.NONE,
        jm,
        ResolvedMigration.Phase.of(jm.phase() == null ? DeployPhase.PRE : jm.phase()));
  }
}
