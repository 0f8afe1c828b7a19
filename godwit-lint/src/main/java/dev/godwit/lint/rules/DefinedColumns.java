package dev.godwit.lint.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a statement defines or retypes, for the opt-in type rules: CREATE TABLE columns, ADD
 * COLUMN, PostgreSQL ALTER COLUMN ... TYPE and MySQL MODIFY/CHANGE.
 */
final class DefinedColumns {
  private DefinedColumns() {}

  /**
   * One column with its (new) type.
   *
   * @param table the table
   * @param column the column name
   * @param type the type as written, never null
   * @param primaryKey part of a PRIMARY KEY written in the same statement
   * @param foreignKey part of a FOREIGN KEY or REFERENCES written in the same statement
   * @param identity GENERATED ... AS IDENTITY
   */
  record Column(
      Name table,
      String column,
      TypeRef type,
      boolean primaryKey,
      boolean foreignKey,
      boolean identity) {}

  /** The columns {@code p} defines, in order; empty for other statements. */
  /**
   * The columns {@code p} defines that {@code which} picks, each written "name type" for a message;
   * empty when none.
   */
  static List<String> described(Parsed p, java.util.function.Predicate<Column> which) {
    List<String> out = new java.util.ArrayList<>();
    for (Column c : of(p)) {
      if (which.test(c)) {
        out.add(c.column() + " " + c.type());
      }
    }
    return out;
  }

  static List<Column> of(Parsed p) {
    List<Column> out = new ArrayList<>();
    if (p instanceof Parsed.CreateTable ct) {
      Set<String> pk = new HashSet<>();
      Set<String> fk = new HashSet<>();
      for (ConstraintDef c : ct.constraints()) {
        if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
          pk.addAll(c.columns());
        } else if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
          fk.addAll(c.columns());
        }
      }
      for (ColumnDef col : ct.columns()) {
        add(out, ct.table(), col, pk.contains(col.name()), fk.contains(col.name()));
      }
    } else if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        if (action instanceof Action.AddColumn add) {
          add(out, a.table(), add.column(), false, false);
        } else if (action instanceof Action.Modify m) {
          add(out, a.table(), m.column(), false, false);
        } else if (action instanceof Action.AlterType t && t.type() != null) {
          out.add(new Column(a.table(), t.column(), t.type(), false, false, false));
        }
      }
    }
    return out;
  }

  private static void add(List<Column> out, Name table, ColumnDef col, boolean pk, boolean fk) {
    if (col.type() != null) {
      out.add(
          new Column(
              table,
              col.name(),
              col.type(),
              pk || col.primaryKey(),
              fk || col.references() != null,
              col.identity()));
    }
  }
}
