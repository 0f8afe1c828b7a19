package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.GodwitConfig;
import dev.godwit.api.MigrationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses migration file names the way Flyway does: case-insensitive suffix, case-sensitive longest
 * prefix, split at the first separator, {@code _} to space in the description.
 */
final class MigrationNames {
  /** What a file is. */
  enum Kind {
    VERSIONED,
    UNDO,
    REPEATABLE,
    BASELINE,
    CALLBACK
  }

  /**
   * A parsed name.
   *
   * @param kind what the file is
   * @param version the version for versioned, undo and baseline files, else null
   * @param description the description with underscores turned into spaces
   * @param event the callback event for callbacks, else null
   */
  record Parsed(Kind kind, MigrationVersion version, String description, CallbackEvent event) {}

  /** Why a file that looks like a migration was not taken as one. */
  record Rejected(String fileName, String reason) {}

  // A file that does not end in a configured suffix is still worth a warning when it clearly
  // meant to be a migration (V3__x.SQL.bak, V1.sql.txt): a letter prefix and ".sql" in the name.
  private static final Pattern LOOKS_LIKE_MIGRATION =
      Pattern.compile("(?i)^[vurb](\\d|_).*\\.sql.*$");

  private final List<String[]> prefixes = new ArrayList<>();
  private final String separator;
  private final List<String> suffixes;

  MigrationNames(GodwitConfig config) {
    addPrefix(config.string(ConfigKey.SQL_MIGRATION_PREFIX), Kind.VERSIONED);
    addPrefix(config.string(ConfigKey.UNDO_SQL_MIGRATION_PREFIX), Kind.UNDO);
    addPrefix(config.string(ConfigKey.REPEATABLE_SQL_MIGRATION_PREFIX), Kind.REPEATABLE);
    addPrefix("B", Kind.BASELINE);
    for (CallbackEvent event : CallbackEvent.values()) {
      prefixes.add(new String[] {event.fileName(), Kind.CALLBACK.name()});
    }
    prefixes.sort(Comparator.comparingInt((String[] p) -> p[0].length()).reversed());
    this.separator = config.string(ConfigKey.SQL_MIGRATION_SEPARATOR);
    this.suffixes = config.list(ConfigKey.SQL_MIGRATION_SUFFIXES);
  }

  private void addPrefix(String prefix, Kind kind) {
    prefixes.add(new String[] {prefix, kind.name()});
  }

  /**
   * Parses a file name.
   *
   * @return a {@link Parsed}, a {@link Rejected} for a file that looks like a migration but is
   *     misnamed, or null for a file that is none of Godwit's business
   */
  Object parse(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    String suffix = null;
    for (String s : suffixes) {
      if (lower.endsWith(s.toLowerCase(Locale.ROOT))) {
        suffix = s;
        break;
      }
    }
    if (suffix == null) {
      if (!lower.endsWith(".conf") && LOOKS_LIKE_MIGRATION.matcher(fileName).matches()) {
        return new Rejected(
            fileName, "it does not end in " + String.join(" or ", suffixes) + ", so it is skipped");
      }
      return null;
    }
    String base = fileName.substring(0, fileName.length() - suffix.length());
    for (String[] p : prefixes) {
      if (!base.startsWith(p[0])) {
        continue;
      }
      Kind kind = Kind.valueOf(p[1]);
      String rest = base.substring(p[0].length());
      int sep = rest.indexOf(separator);
      String versionPart = sep < 0 ? rest : rest.substring(0, sep);
      String description =
          sep < 0 ? "" : rest.substring(sep + separator.length()).replace('_', ' ');
      if (kind == Kind.REPEATABLE || kind == Kind.CALLBACK) {
        if (!versionPart.isEmpty()) {
          if (kind == Kind.CALLBACK) {
            continue;
          }
          return new Rejected(
              fileName,
              "a repeatable migration cannot have a version; name it "
                  + p[0]
                  + separator
                  + "<description>"
                  + suffix);
        }
        return new Parsed(
            kind, null, description, kind == Kind.CALLBACK ? CallbackEvent.ofFileName(p[0]) : null);
      }
      if (versionPart.isEmpty()) {
        return new Rejected(
            fileName, "the version is missing; name it like " + p[0] + "1__init" + suffix);
      }
      try {
        return new Parsed(kind, MigrationVersion.parse(versionPart), description, null);
      } catch (IllegalArgumentException e) {
        String hint =
            sep < 0 && versionPart.contains("_")
                ? "; did you mean "
                    + p[0]
                    + versionPart.substring(0, versionPart.indexOf('_'))
                    + separator
                    + versionPart.substring(versionPart.indexOf('_') + 1)
                    + suffix
                    + " (two underscores)?"
                : "";
        return new Rejected(fileName, e.getMessage() + hint);
      }
    }
    String hint = "";
    if (!base.isEmpty()) {
      String first = base.substring(0, 1);
      for (String[] p : prefixes) {
        if (p[0].equalsIgnoreCase(first)) {
          hint =
              "; prefixes are case-sensitive: did you mean "
                  + p[0]
                  + base.substring(1)
                  + suffix
                  + "?";
          break;
        }
      }
    }
    return new Rejected(fileName, "unrecognised migration name format" + hint);
  }
}
