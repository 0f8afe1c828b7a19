package dev.godwit.spring.boot;

import dev.godwit.api.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code META-INF/spring-configuration-metadata.json} from the settings table, so that IDEs
 * complete and document every {@code spring.godwit.*} property. The build runs it after compiling
 * (exec-maven-plugin, {@code process-classes}); a setting added to {@link ConfigKey} appears with
 * no change here. Public only so that the build can run it; not an API.
 */
public final class ConfigurationMetadata {
  private ConfigurationMetadata() {}

  /**
   * Writes the file named by the only argument.
   *
   * @param args the output file
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ConfigurationMetadata <output file>");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json(), StandardCharsets.UTF_8);
  }

  /** The metadata document. */
  static String json() {
    List<String> properties = new ArrayList<>();
    properties.add(
        property(
            SpringSettings.ENABLED,
            "java.lang.Boolean",
            "Whether to migrate the application's database at start-up.",
            "true"));
    for (ConfigKey key : ConfigKey.values()) {
      String description = key.description();
      if (!description.endsWith(".")) {
        description += ".";
      }
      if (key.kind() != ConfigKey.Kind.STRING && key.kind() != ConfigKey.Kind.BOOLEAN) {
        description += " Accepts " + key.accepted() + ".";
      }
      properties.add(
          property(
              SpringSettings.property(key),
              javaType(key.kind()),
              description,
              defaultJson(key, SpringSettings.defaultText(key))));
    }
    return "{\n  \"groups\": [\n    {\n      \"name\": \""
        + SpringSettings.PREFIX
        + "\",\n      \"description\": \"Godwit schema migrations at start-up.\"\n    }\n  ],\n"
        + "  \"properties\": [\n"
        + String.join(",\n", properties)
        + "\n  ]\n}\n";
  }

  private static String property(String name, String type, String description, String dflt) {
    StringBuilder sb = new StringBuilder("    {\n");
    sb.append("      \"name\": ").append(quote(name)).append(",\n");
    sb.append("      \"type\": ").append(quote(type)).append(",\n");
    sb.append("      \"description\": ").append(quote(description));
    if (dflt != null) {
      sb.append(",\n      \"defaultValue\": ").append(dflt);
    }
    return sb.append("\n    }").toString();
  }

  /** The Java type Spring Boot's metadata names for each kind of setting. */
  static String javaType(ConfigKey.Kind kind) {
    return switch (kind) {
      case STRING -> "java.lang.String";
      case BOOLEAN -> "java.lang.Boolean";
      case INTEGER -> "java.lang.Integer";
      case LIST -> "java.util.List<java.lang.String>";
      case MAP -> "java.util.Map<java.lang.String,java.lang.String>";
      // Read as text: Godwit's own duration form (500ms, 2s, 1m, 0), as in godwit.toml.
      case DURATION -> "java.lang.String";
    };
  }

  private static String defaultJson(ConfigKey key, String text) {
    if (text == null || (text.isEmpty() && key.kind() == ConfigKey.Kind.MAP)) {
      return null;
    }
    return switch (key.kind()) {
      case BOOLEAN, INTEGER -> text;
      case LIST -> {
        List<String> items = new ArrayList<>();
        for (String s : text.split(",")) {
          if (!s.isBlank()) {
            items.add(quote(s.trim()));
          }
        }
        yield "[" + String.join(", ", items) + "]";
      }
      default -> quote(text);
    };
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
