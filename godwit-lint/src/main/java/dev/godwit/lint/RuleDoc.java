package dev.godwit.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The long form of a rule, for {@code godwit lint --explain} and SARIF's {@code fullDescription}
 * and {@code help}: what it detects, the locks and versions involved, and the safe recipe.
 *
 * @param id the rule id
 * @param description the long description, one paragraph
 * @param recipe the steps of the safe alternative, in order
 */
public record RuleDoc(String id, String description, List<String> recipe) {

  /** Validates and freezes the fields. */
  public RuleDoc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    recipe = List.copyOf(recipe);
  }

  /** The recipe as one paragraph: {@code 1) ... 2) ...}. */
  public String recipeText() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < recipe.size(); i++) {
      b.append(i == 0 ? "" : " ").append(i + 1).append(") ").append(recipe.get(i));
    }
    return b.toString();
  }

  private static final Map<String, RuleDoc> DOCS = load();

  /** The documentation of every rule and meta finding, by id. */
  static Map<String, RuleDoc> all() {
    return DOCS;
  }

  /** Reads {@code rules.txt}: {@code ## id}, a description line, {@code recipe:} lines. */
  private static Map<String, RuleDoc> load() {
    Map<String, RuleDoc> out = new LinkedHashMap<>();
    try (InputStream in = RuleDoc.class.getResourceAsStream("rules.txt")) {
      if (in == null) {
        throw new IllegalStateException("rules.txt is missing from godwit-lint's jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String id = null;
      StringBuilder description = new StringBuilder();
      List<String> recipe = new ArrayList<>();
      for (String line = r.readLine(); ; line = r.readLine()) {
        if (line == null || line.startsWith("## ")) {
          if (id != null) {
            out.put(id, new RuleDoc(id, description.toString().trim(), recipe));
          }
          if (line == null) {
            break;
          }
          id = line.substring(3).trim();
          description = new StringBuilder();
          recipe = new ArrayList<>();
        } else if (line.startsWith("recipe: ")) {
          recipe.add(line.substring(8).trim());
        } else if (id != null && !line.isBlank()) {
          description.append(line.trim()).append(' ');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
