package dev.godwit.lint.rules;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** Parses CREATE TABLE: columns and constraints feed the schema model. */
final class CreateTableParser {
  private CreateTableParser() {}

  /** After {@code CREATE [TEMP] TABLE}. */
  static Parsed parse(Cursor c, SqlDialect dialect, boolean temporary) {
    c.accept("if", "not", "exists");
    Name table = c.name();
    if (table == null) {
      return new Parsed.Unparsed("CREATE TABLE without a table name");
    }
    Name partitionOf = null;
    if (c.accept("partition", "of")) {
      partitionOf = c.name();
    }
    List<ColumnDef> columns = new ArrayList<>();
    List<ConstraintDef> constraints = new ArrayList<>();
    List<Token> body = c.parens();
    if (body != null) {
      for (List<Token> element : Cursor.split(body, ",")) {
        if (element.isEmpty()) {
          continue;
        }
        Cursor ec = new Cursor(element);
        if (ec.is("like")) {
          continue;
        }
        if (Definitions.startsConstraint(ec, dialect)) {
          constraints.add(Definitions.constraint(ec, dialect));
        } else {
          ColumnDef col = Definitions.column(ec, dialect);
          if (col != null) {
            columns.add(col);
          }
        }
      }
    }
    List<Token> rest = c.rest();
    boolean partitioned = Cursor.hasTopLevelPair(rest, "partition", "by");
    boolean asSelect = Cursor.indexOfTopLevel(rest, 0, "as", "select") >= 0;
    return new Parsed.CreateTable(
        table, temporary, partitioned, partitionOf, columns, constraints, asSelect);
  }
}
