package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.sql.SqlDialect;
import org.junit.jupiter.api.Test;

class CatalogObjectTest {
  private static String pg(String sql) {
    CatalogObject o = CatalogObject.of(sql, SqlDialect.POSTGRES);
    return o == null ? null : o.describe() + (o.creates() ? " created" : " dropped");
  }

  private static String my(String sql) {
    CatalogObject o = CatalogObject.of(sql, SqlDialect.MARIADB);
    return o == null ? null : o.describe() + (o.creates() ? " created" : " dropped");
  }

  @Test
  void readsTheTableAStatementCreatesOrDrops() {
    assertThat(pg("CREATE TABLE t29 (id INT)")).isEqualTo("table t29 created");
    assertThat(pg("create table if not exists app.\"Orders\" (id int)"))
        .isEqualTo("table app.Orders created");
    assertThat(my("CREATE OR REPLACE TABLE `T` (id INT)")).isEqualTo("table t created");
    assertThat(pg("DROP TABLE IF EXISTS t CASCADE")).isEqualTo("table t dropped");
  }

  @Test
  void readsIndexes() {
    assertThat(pg("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS b_id ON ONLY app.b (id)"))
        .isEqualTo("index app.b_id created");
    assertThat(pg("DROP INDEX CONCURRENTLY IF EXISTS a_x")).isEqualTo("index a_x dropped");
    assertThat(my("DROP INDEX f_g ON f")).isEqualTo("index f_g dropped");
    assertThat(my("CREATE FULLTEXT INDEX ft ON docs (body)")).isEqualTo("index ft created");
    assertThat(my("ALTER TABLE a ADD INDEX a_label (label)")).isEqualTo("index a_label created");
    assertThat(my("ALTER TABLE a DROP KEY a_label")).isEqualTo("index a_label dropped");
  }

  @Test
  void readsColumns() {
    assertThat(my("ALTER TABLE t29 ADD COLUMN note VARCHAR(20)"))
        .isEqualTo("column t29.note created");
    assertThat(pg("ALTER TABLE ONLY app.t ADD IF NOT EXISTS n int"))
        .isEqualTo("column app.t.n created");
    assertThat(pg("ALTER TABLE t DROP COLUMN IF EXISTS n")).isEqualTo("column t.n dropped");
    assertThat(my("ALTER TABLE f DROP g")).isEqualTo("column f.g dropped");
  }

  @Test
  void anythingElseIsLeftToTheUser() {
    assertThat(pg("INSERT INTO t VALUES (1)")).isNull();
    assertThat(pg("ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0)")).isNull();
    assertThat(pg("ALTER TABLE t ADD PRIMARY KEY (id)")).isNull();
    assertThat(my("ALTER TABLE t ADD COLUMN (a INT, b INT)")).isNull();
    assertThat(pg("ALTER TABLE t RENAME COLUMN a TO b")).isNull();
    assertThat(pg("DROP TABLE a, b")).isNull();
    assertThat(pg("CREATE INDEX ON t (a)")).isNull();
    assertThat(pg("CREATE TEMPORARY TABLE x (id INT)")).isNull();
  }
}
