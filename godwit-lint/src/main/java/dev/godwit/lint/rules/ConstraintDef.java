package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.List;

/**
 * A table constraint or MySQL index definition in CREATE TABLE or ALTER TABLE ... ADD.
 *
 * @param name the constraint or index name, or null
 * @param kind what it is
 * @param columns the key columns (empty for CHECK and EXCLUDE)
 * @param references the referenced table of a FOREIGN KEY, else null
 * @param check the CHECK expression's tokens, else empty
 * @param notValid PostgreSQL NOT VALID
 * @param notEnforced MySQL NOT ENFORCED
 * @param usingIndex the index of {@code UNIQUE|PRIMARY KEY USING INDEX}, else null
 */
record ConstraintDef(
    String name,
    Kind kind,
    List<String> columns,
    Name references,
    List<Token> check,
    boolean notValid,
    boolean notEnforced,
    String usingIndex) {

  enum Kind {
    CHECK,
    FOREIGN_KEY,
    UNIQUE,
    PRIMARY_KEY,
    EXCLUDE,
    /** MySQL INDEX/KEY. */
    INDEX,
    /** MySQL FULLTEXT index. */
    FULLTEXT,
    /** MySQL SPATIAL index. */
    SPATIAL
  }

  ConstraintDef {
    columns = List.copyOf(columns);
    check = List.copyOf(check);
  }
}
