package dev.godwit.lint.rules;

import dev.godwit.sql.Token;
import java.util.List;

/**
 * A column definition in CREATE TABLE, ADD COLUMN or MySQL MODIFY/CHANGE.
 *
 * @param name the column name
 * @param type the type, or null when none was written (SQLite allows that)
 * @param notNull NOT NULL (or PRIMARY KEY, which implies it)
 * @param defaultExpr the DEFAULT expression's tokens, or null without DEFAULT
 * @param primaryKey an inline PRIMARY KEY
 * @param unique an inline UNIQUE
 * @param references the table of an inline REFERENCES, or null
 * @param checks the expressions of inline CHECK constraints
 * @param storedGenerated a STORED (or MariaDB PERSISTENT) generated column
 * @param virtualGenerated a VIRTUAL generated column
 * @param identity GENERATED ... AS IDENTITY
 * @param autoIncrement MySQL AUTO_INCREMENT or SQLite AUTOINCREMENT
 */
record ColumnDef(
    String name,
    TypeRef type,
    boolean notNull,
    List<Token> defaultExpr,
    boolean primaryKey,
    boolean unique,
    Name references,
    List<List<Token>> checks,
    boolean storedGenerated,
    boolean virtualGenerated,
    boolean identity,
    boolean autoIncrement) {

  boolean serial() {
    return type != null
        && (type.base().equals("serial")
            || type.base().equals("bigserial")
            || type.base().equals("smallserial"));
  }

  boolean generatesValues() {
    return identity || autoIncrement || serial() || storedGenerated || virtualGenerated;
  }
}
