package dev.godwit.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlDialect;
import dev.godwit.sql.SqlTokenizer;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static Parsed pg(String sql) {
    return Parser.parse(SqlTokenizer.tokenize(sql, SqlDialect.POSTGRES), SqlDialect.POSTGRES);
  }

  private static Parsed my(String sql) {
    return Parser.parse(SqlTokenizer.tokenize(sql, SqlDialect.MYSQL), SqlDialect.MYSQL);
  }

  @Test
  void alterTableSplitsActionsAtTopLevelCommas() {
    Parsed.AlterTable a =
        (Parsed.AlterTable)
            pg(
                "ALTER TABLE ONLY app.t ADD COLUMN c numeric(10, 2) DEFAULT round(1.5, 1) NOT NULL,"
                    + " ALTER COLUMN d TYPE varchar(20) USING d::varchar, DROP CONSTRAINT k,"
                    + " ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES p (id) NOT VALID");
    assertThat(a.table()).isEqualTo(new Name("app", "t"));
    assertThat(a.actions()).hasSize(4);
    Action.AddColumn add = (Action.AddColumn) a.actions().get(0);
    assertThat(add.column().type().base()).isEqualTo("numeric");
    assertThat(add.column().type().args()).containsExactly("10", "2");
    assertThat(add.column().notNull()).isTrue();
    assertThat(Definitions.join(add.column().defaultExpr())).isEqualTo("round(1.5, 1)");
    Action.AlterType at = (Action.AlterType) a.actions().get(1);
    assertThat(at.type().base()).isEqualTo("varchar");
    assertThat(at.using()).isTrue();
    assertThat(a.actions().get(2)).isEqualTo(new Action.DropConstraint("k"));
    ConstraintDef fk = ((Action.AddConstraint) a.actions().get(3)).constraint();
    assertThat(fk.kind()).isEqualTo(ConstraintDef.Kind.FOREIGN_KEY);
    assertThat(fk.references()).isEqualTo(new Name(null, "p"));
    assertThat(fk.notValid()).isTrue();
  }

  @Test
  void typesAreNormalized() {
    Parsed.CreateTable t =
        (Parsed.CreateTable)
            pg(
                "CREATE TABLE t (a character varying(5), b timestamp(3) with time zone,"
                    + " c integer[], d double precision, e decimal)");
    assertThat(t.columns())
        .extracting(c -> c.type().base())
        .containsExactly("varchar", "timestamptz", "int4", "float8", "numeric");
    assertThat(t.columns().get(1).type().args()).containsExactly("3");
    assertThat(t.columns().get(2).type().array()).isTrue();
  }

  @Test
  void renameFormsAreTellApart() {
    assertThat(((Parsed.AlterTable) pg("ALTER TABLE t RENAME a TO b")).actions())
        .containsExactly(new Action.RenameColumn("a", "b"));
    assertThat(((Parsed.AlterTable) pg("ALTER TABLE t RENAME TO u")).actions())
        .containsExactly(new Action.RenameTable(new Name(null, "u")));
    assertThat(((Parsed.AlterTable) my("ALTER TABLE t RENAME u")).actions())
        .containsExactly(new Action.RenameTable(new Name(null, "u")));
    assertThat(((Parsed.AlterTable) pg("ALTER TABLE t RENAME CONSTRAINT a TO b")).actions())
        .containsExactly(new Action.RenameOther("a", "b"));
  }

  @Test
  void mysqlSpecifics() {
    Parsed.AlterTable a =
        (Parsed.AlterTable)
            my(
                "ALTER TABLE t CHANGE COLUMN a b INT UNSIGNED NOT NULL, ALGORITHM = INPLACE,"
                    + " LOCK=NONE, ADD FULLTEXT KEY ft (body)");
    Action.Modify m = (Action.Modify) a.actions().get(0);
    assertThat(m.from()).isEqualTo("a");
    assertThat(m.column().name()).isEqualTo("b");
    assertThat(m.column().type().base()).isEqualTo("int unsigned");
    assertThat(a.actions().get(1)).isEqualTo(new Action.MySqlOption("algorithm", "inplace"));
    assertThat(a.actions().get(2)).isEqualTo(new Action.MySqlOption("lock", "none"));
    assertThat(((Action.AddConstraint) a.actions().get(3)).constraint().kind())
        .isEqualTo(ConstraintDef.Kind.FULLTEXT);
    Parsed.SetVar s =
        (Parsed.SetVar) my("SET @@session.lock_wait_timeout = 5, FOREIGN_KEY_CHECKS=0");
    assertThat(s.values())
        .containsEntry("lock_wait_timeout", "5")
        .containsEntry("foreign_key_checks", "0");
  }

  @Test
  void dmlKnowsItsTableWhereAndBound() {
    Parsed.Dml u = (Parsed.Dml) pg("UPDATE ONLY t AS x SET a = 1 WHERE a IS NULL RETURNING id");
    assertThat(u.table()).isEqualTo(new Name(null, "t"));
    assertThat(Definitions.join(u.where())).isEqualTo("a IS NULL");
    Parsed.Dml i =
        (Parsed.Dml)
            pg(
                "WITH s AS (SELECT 1) INSERT INTO t (a) SELECT a FROM u WHERE b ON CONFLICT DO"
                    + " NOTHING");
    assertThat(i.kind()).isEqualTo("insert_select");
    assertThat(i.sources()).containsExactly(new Name(null, "u"));
    assertThat(((Parsed.Dml) my("DELETE FROM t WHERE a = 1 LIMIT 10")).bounded()).isTrue();
  }

  @Test
  void transactionControlAndUnknownVerbs() {
    assertThat(pg("BEGIN ISOLATION LEVEL SERIALIZABLE")).isEqualTo(new Parsed.TxControl("begin"));
    assertThat(pg("END")).isEqualTo(new Parsed.TxControl("commit"));
    assertThat(pg("ROLLBACK TO SAVEPOINT a")).isInstanceOf(Parsed.Other.class);
    assertThat(pg("COMMIT PREPARED 'x'")).isInstanceOf(Parsed.Other.class);
    assertThat(pg("FROBNICATE t")).isInstanceOf(Parsed.Unparsed.class);
    assertThat(pg("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE"))
        .isEqualTo(
            new Parsed.LockTable(
                java.util.List.of(new Name(null, "t")),
                "SHARE ROW EXCLUSIVE",
                PgLock.SHARE_ROW_EXCLUSIVE));
  }
}
