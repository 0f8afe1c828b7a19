package dev.godwit.lint.rules;

/**
 * A possibly schema-qualified object name, normalized as the database compares it: PostgreSQL folds
 * unquoted names to lower case and keeps quoted ones; MySQL and SQLite compare without case.
 *
 * @param schema the qualifier, or null
 * @param name the object's own name
 */
record Name(String schema, String name) {

  /** The key objects are tracked under: the unqualified name. */
  String key() {
    return name;
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
