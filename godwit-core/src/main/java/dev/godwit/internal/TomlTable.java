package dev.godwit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered, immutable TOML table: the document root, a {@code [table]}, an inline table, a table
 * made by dotted keys or one element of an {@code [[array of tables]]}.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link
 * java.time.OffsetDateTime}, {@link java.time.LocalDateTime}, {@link java.time.LocalDate}, {@link
 * java.time.LocalTime}, an unmodifiable {@code List<Object>} for arrays (an array of tables is a
 * list of {@code TomlTable}s) and {@code TomlTable} for tables. Each key remembers where it was
 * defined so that callers can point at it in their own error messages.
 */
final class TomlTable {
  // How a table came to exist decides whether later headers or dotted keys may add to it.
  static final int IMPLICIT = 0;
  static final int EXPLICIT = 1;
  static final int DOTTED = 2;
  static final int INLINE = 3;

  private final String source;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, int[]> positions = new HashMap<>();
  int kind;

  TomlTable(String source, int kind) {
    this.source = source;
    this.kind = kind;
  }

  /** Returns the keys in the order they were defined, as an unmodifiable set. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /**
   * Returns the value of a key of this table (not a dotted path), or null if it is absent.
   *
   * @param key the key, unquoted
   * @return the value, of one of the types listed on this class, or null
   */
  public Object get(String key) {
    return values.get(key);
  }

  /**
   * Returns the table under a key, or null if the key is absent.
   *
   * @param key the key, unquoted
   * @return the table, or null if absent
   * @throws TomlException at the key's position if it holds something other than a table
   */
  public TomlTable getTable(String key) {
    Object value = values.get(key);
    if (value == null || value instanceof TomlTable) {
      return (TomlTable) value;
    }
    throw new TomlException(
        source, line(key), column(key), "'" + key + "' must be a table, not " + typeName(value));
  }

  /**
   * Returns the 1-based line where a key was defined, or -1 if it is absent. A table that was
   * created by a header or a dotted key is located at that key's name in the header or dotted key.
   */
  public int line(String key) {
    int[] position = positions.get(key);
    return position == null ? -1 : position[0];
  }

  /** Returns the 1-based column, in chars, where a key was defined, or -1 if it is absent. */
  public int column(String key) {
    int[] position = positions.get(key);
    return position == null ? -1 : position[1];
  }

  /** Returns whether this table has no keys. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Returns the keys and values in {@code {key=value, ...}} form, for debugging. */
  @Override
  public String toString() {
    return values.toString();
  }

  <T> T put(String key, T value, int line, int column) {
    values.put(key, value);
    positions.put(key, new int[] {line, column});
    return value;
  }

  // Arrays of tables stay mutable while later [[headers]] append to them.
  void freeze() {
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      entry.setValue(frozen(entry.getValue()));
    }
  }

  private static Object frozen(Object value) {
    if (value instanceof TomlTable table) {
      table.freeze();
    } else if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(frozen(element));
      }
      return List.copyOf(copy);
    }
    return value;
  }

  static String typeName(Object value) {
    if (value instanceof String) {
      return "a string";
    } else if (value instanceof Long) {
      return "an integer";
    } else if (value instanceof Double) {
      return "a float";
    } else if (value instanceof Boolean) {
      return "a boolean";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof TomlTable table) {
      return table.kind == INLINE ? "an inline table" : "a table";
    }
    return "a date/time";
  }
}
