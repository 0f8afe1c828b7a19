package dev.godwit.internal;

import dev.godwit.api.ConfigKey;
import dev.godwit.api.FlywayImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a Flyway configuration file into the equivalent godwit.toml ({@code godwit config
 * import}, {@link FlywayImport#of}), keeping Flyway's history table, and reports what it mapped and
 * what it could not.
 */
final class FlywayImporter {
  private FlywayImporter() {}

  /** Converts one Flyway file; environment variables are kept as {@code ${env.NAME}}. */
  static FlywayImport convert(Path source) {
    FlywayConfig reader = new FlywayConfig(Map.of(), true, false);
    Path dir = source.toAbsolutePath().getParent();
    List<String> mapped = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    StringBuilder toml = new StringBuilder();
    toml.append("# Imported from ")
        .append(source.getFileName())
        .append(" by 'godwit config import'. The history table stays Flyway's, so Flyway\n")
        .append("# can keep running against the same database.\n");
    if (FlywayConfig.isConf(source)) {
      FlywaySettings.Mapped m = FlywaySettings.map(reader.readConf(source), true, dir);
      section(toml, null, m, notes);
      mapped.addAll(m.mapped());
      unsupported.addAll(m.unsupported());
    } else {
      TomlTable root = FlywayConfig.parseToml(source);
      Map<String, Object> top = new LinkedHashMap<>();
      TomlTable fw = root.getTable("flyway");
      if (fw != null) {
        reader.flatten(fw, "", source, top);
      }
      Object chosen = top.remove("environment");
      FlywaySettings.Mapped m = FlywaySettings.map(top, true, dir);
      section(toml, null, m, notes);
      mapped.addAll(m.mapped());
      unsupported.addAll(m.unsupported());
      TomlTable envs = root.getTable("environments");
      for (String name : envs == null ? List.<String>of() : envs.keys()) {
        Map<String, Object> settings = new LinkedHashMap<>();
        TomlTable env = envs.getTable(name);
        for (String k : env.keys()) {
          if (!k.equals("flyway")) {
            Object v = env.get(k);
            if (v instanceof TomlTable t) {
              reader.flatten(t, k + ".", source, settings);
            } else {
              settings.put(k, v);
            }
          }
        }
        if (env.getTable("flyway") != null) {
          reader.flatten(env.getTable("flyway"), "", source, settings);
        }
        FlywaySettings.Mapped em = FlywaySettings.map(settings, false, dir);
        section(toml, name, em, notes);
        em.mapped().forEach(x -> mapped.add("environments." + name + "." + x));
        em.unsupported().forEach(x -> unsupported.add("environments." + name + "." + x));
      }
      if (chosen != null && !"default".equals(chosen)) {
        notes.add(
            "Flyway selects the environment '"
                + chosen
                + "' ([flyway] environment); run godwit with --env "
                + chosen
                + " or GODWIT_ENV="
                + chosen
                + " (godwit.toml uses [environments.default] when none is chosen).");
      }
    }
    unsupported.addAll(reader.warnings());
    return new FlywayImport(toml.toString(), mapped, unsupported, notes);
  }

  private static void section(
      StringBuilder toml, String environment, FlywaySettings.Mapped m, List<String> notes) {
    String prefix = environment == null ? "" : "environments." + environment + ".";
    if (environment != null) {
      toml.append("\n[environments.").append(environment).append("]\n");
    } else {
      toml.append('\n');
    }
    for (Map.Entry<ConfigKey, Object> e : m.values().entrySet()) {
      ConfigKey k = e.getKey();
      String value = String.valueOf(e.getValue());
      if (k.isSecret() && !value.contains("${env.")) {
        notes.add(
            prefix
                + "password is not copied: it is written in the Flyway file. Put it in an"
                + " environment variable and write password = \"${env.NAME}\", or set"
                + " GODWIT_PASSWORD.");
        continue;
      }
      Object v = e.getValue();
      if (k == ConfigKey.URL && !withoutPasswords(value).equals(value)) {
        v = withoutPasswords(value);
        notes.add(
            prefix
                + "url: the password in the Flyway URL is not copied (godwit.toml is usually"
                + " readable by others). Put it in an environment variable and write password ="
                + " \"${env.NAME}\", or set GODWIT_PASSWORD.");
      }
      toml.append(k.key()).append(" = ").append(literal(v)).append('\n');
    }
    if (!m.placeholders().isEmpty()) {
      toml.append("\n[").append(prefix).append("placeholders]\n");
      m.placeholders()
          .forEach((n, v) -> toml.append(key(n)).append(" = ").append(literal(v)).append('\n'));
    }
  }

  // Removes password parameters and the password of //user:password@host from a URL.
  static String withoutPasswords(String url) {
    String out = url.replaceAll("(?i)(?<=[?&;])(?:password|pwd|passwd)\\s*=[^&;]*(?:[&;]|$)", "");
    out = out.replaceAll("[?&;]$", "");
    return out.replaceAll("(//[^/:@\\s]*):[^\\s]*@", "$1@");
  }

  private static String key(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : literal(name);
  }

  /** A TOML literal for a setting's value. */
  static String literal(Object value) {
    if (value instanceof Boolean || value instanceof Integer) {
      return String.valueOf(value);
    }
    if (value instanceof Map<?, ?> map) {
      List<String> pairs = new ArrayList<>();
      map.forEach((k, v) -> pairs.add(key(String.valueOf(k)) + " = " + literal(String.valueOf(v))));
      return "{ " + String.join(", ", pairs) + " }";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(o -> items.add(literal(String.valueOf(o))));
      return "[" + String.join(", ", items) + "]";
    }
    String s = String.valueOf(value);
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
