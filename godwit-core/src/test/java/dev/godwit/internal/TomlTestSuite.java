package dev.godwit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The TOML 1.0 cases of toml-test, kept under {@code src/test/resources/toml-test/} (see the README
 * there).
 */
final class TomlTestSuite {
  private TomlTestSuite() {}

  /**
   * One case.
   *
   * @param name its path in toml-test, such as {@code valid/array/array.toml}
   * @param bytes the document
   * @param expectedJson for a valid case, the expected document in toml-test's tagged JSON
   */
  record Case(String name, byte[] bytes, String expectedJson) {
    boolean valid() {
      return name.startsWith("valid/");
    }

    /** The text as Godwit reads a file: strict UTF-8, errors located by line and column. */
    String text() {
      return Toml.decode(bytes, name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case that {@code files-toml-1.0.0} lists, in its order. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (String name : lines("files-toml-1.0.0")) {
      if (name.endsWith(".toml")) {
        String json = name.startsWith("valid/") ? utf8(name.replaceAll("\\.toml$", ".json")) : null;
        cases.add(new Case(name, read(name), json));
      }
    }
    return cases;
  }

  static List<String> lines(String resource) {
    return utf8(resource).lines().filter(l -> !l.isBlank()).toList();
  }

  private static String utf8(String resource) {
    return new String(read(resource), StandardCharsets.UTF_8);
  }

  static byte[] read(String resource) {
    try (InputStream in = TomlTestSuite.class.getResourceAsStream("/toml-test/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource toml-test/" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
