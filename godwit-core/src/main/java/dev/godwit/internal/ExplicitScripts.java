package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.ErrorCode;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.GodwitException;
import dev.godwit.api.MigrationScript;
import dev.godwit.api.MigrationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Files and folders named explicitly (as {@code godwit lint FILE...} does), read as the locations
 * are: names parsed with the configured prefixes and separator, the {@code .sql.conf} beside each
 * file, the runner's transaction decision. A file inside a location is the migration resolved
 * there. The location's versioned migrations before the earliest file given come first, not
 * pending: they built the schema the files change.
 */
final class ExplicitScripts {
  private final GodwitConfig config;
  private final ScriptListing listing;
  private final MigrationNames names;

  ExplicitScripts(GodwitConfig config, ScriptListing listing) {
    this.config = config;
    this.listing = listing;
    this.names = new MigrationNames(config);
  }

  /**
   * @param res the locations' migrations, or null when they could not be read
   * @param paths the files and folders given
   * @throws GodwitException with {@link ErrorCode#CONFIGURATION} for a path that does not exist
   */
  List<MigrationScript> list(Resolution res, List<Path> paths) {
    Map<Path, ResolvedMigration> inLocations = new HashMap<>();
    if (res != null) {
      List<ResolvedMigration> all = new ArrayList<>(res.versioned());
      all.addAll(res.repeatables());
      all.addAll(res.baselines());
      all.addAll(res.undos().values());
      for (ResolvedMigration m : all) {
        if (m.resource() != null && m.resource().path() != null) {
          inLocations.put(key(m.resource().path()), m);
        }
      }
    }
    Map<Path, MigrationScript> targets = new LinkedHashMap<>();
    for (Path p : paths) {
      for (Resource r : expand(p)) {
        targets.computeIfAbsent(key(r.path()), k -> describe(r, inLocations.get(k)));
      }
    }
    MigrationVersion first =
        targets.values().stream()
            .map(MigrationScript::version)
            .filter(v -> v != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    List<MigrationScript> out = new ArrayList<>();
    if (res != null) {
      for (ResolvedMigration m : res.versioned()) {
        boolean before = first == null || m.version().compareTo(first) < 0;
        if (before && m.resource() != null && !inTargets(m, targets)) {
          out.add(listing.describe(m, m.displayName(), false));
        }
      }
    }
    out.addAll(targets.values());
    return out;
  }

  private static boolean inTargets(ResolvedMigration m, Map<Path, MigrationScript> targets) {
    return m.resource().path() != null && targets.containsKey(key(m.resource().path()));
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /** A file, or the migration files under a folder in the order Godwit would list them. */
  private List<Resource> expand(Path p) {
    if (!Files.exists(p)) {
      throw new GodwitException(ErrorCode.CONFIGURATION, "No such file or folder: " + p);
    }
    if (!Files.isDirectory(p)) {
      String name = p.getFileName().toString();
      return List.of(new Resource(null, name, name, p, null));
    }
    List<String> suffixes = config.list(ConfigKey.SQL_MIGRATION_SUFFIXES);
    List<Resource> files = new ArrayList<>();
    for (Resource r : new ResourceScanner(config.classLoader()).scan("filesystem:" + p)) {
      String lower = r.fileName().toLowerCase(Locale.ROOT);
      if (suffixes.stream().anyMatch(s -> lower.endsWith(s.toLowerCase(Locale.ROOT)))) {
        files.add(r);
      }
    }
    files.sort(
        Comparator.comparingInt((Resource r) -> rank(parsed(r)))
            .thenComparing(
                r -> parsed(r) == null ? null : parsed(r).version(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Resource::fileName));
    return files;
  }

  /** Versioned and undo files first, by version; then repeatables; then anything else. */
  private static int rank(MigrationNames.Parsed p) {
    if (p == null || p.kind() == MigrationNames.Kind.CALLBACK) {
      return 2;
    }
    return p.version() != null ? 0 : 1;
  }

  private MigrationNames.Parsed parsed(Resource r) {
    return names.parse(r.fileName()) instanceof MigrationNames.Parsed p ? p : null;
  }

  private MigrationScript describe(Resource r, ResolvedMigration resolved) {
    String name = r.path().toString().replace('\\', '/');
    if (resolved != null) {
      return listing.describe(resolved, name, true);
    }
    MigrationNames.Parsed p = parsed(r);
    ScriptConfig sc = ScriptConfig.forScript(r.path(), name);
    if (p == null || p.kind() == MigrationNames.Kind.CALLBACK) {
      return listing.describe(
          r, sc, name, r.fileName(), null, null, r.fileName(), MigrationScript.Kind.OTHER, true);
    }
    return listing.describe(
        r,
        sc,
        name,
        r.fileName(),
        null,
        p.version(),
        p.description(),
        ScriptListing.kindOf(p.kind()),
        true);
  }
}
