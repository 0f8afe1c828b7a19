package dev.godwit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.api.GodwitConfig;
import org.junit.jupiter.api.Test;

class MigrationNamesTest {
  private final MigrationNames names = new MigrationNames(GodwitConfig.builder().build());

  private MigrationNames.Parsed parsed(String file) {
    Object o = names.parse(file);
    assertThat(o).as(file).isInstanceOf(MigrationNames.Parsed.class);
    return (MigrationNames.Parsed) o;
  }

  private String rejected(String file) {
    Object o = names.parse(file);
    assertThat(o).as(file).isInstanceOf(MigrationNames.Rejected.class);
    return ((MigrationNames.Rejected) o).reason();
  }

  @Test
  void parsesVersionedUndoRepeatableAndCallbackNames() {
    MigrationNames.Parsed v = parsed("V1_1__Create_user_table.sql");
    assertThat(v.kind()).isEqualTo(MigrationNames.Kind.VERSIONED);
    assertThat(v.version().toString()).isEqualTo("1.1");
    assertThat(v.description()).isEqualTo("Create user table");
    assertThat(parsed("U3__drop.sql").kind()).isEqualTo(MigrationNames.Kind.UNDO);
    assertThat(parsed("R__views.sql").kind()).isEqualTo(MigrationNames.Kind.REPEATABLE);
    MigrationNames.Parsed cb = parsed("afterEachMigrate__log.sql");
    assertThat(cb.kind()).isEqualTo(MigrationNames.Kind.CALLBACK);
    assertThat(cb.event()).isEqualTo(CallbackEvent.AFTER_EACH_MIGRATE);
    assertThat(cb.event().fileName()).isEqualTo("afterEachMigrate");
    assertThat(parsed("beforeMigrate.sql").event()).isEqualTo(CallbackEvent.BEFORE_MIGRATE);
  }

  @Test
  void followsFlywayOnEdgeCases() {
    assertThat(parsed("V2__d__e.sql").description()).isEqualTo("d  e");
    assertThat(parsed("V3.sql").description()).isEmpty();
    assertThat(parsed("V9__upper_suffix.SQL").version().toString()).isEqualTo("9");
    assertThat(parsed("V7__Mixed Case_and spaces.sql").description())
        .isEqualTo("Mixed Case and spaces");
  }

  @Test
  void warnsAboutFilesThatLookLikeMigrationsButAreMisnamed() {
    assertThat(rejected("V1_init.sql")).contains("did you mean V1__init.sql");
    assertThat(rejected("v2__x.sql")).contains("case-sensitive").contains("V2__x.sql");
    assertThat(rejected("V3__x.SQL.bak")).contains("does not end in .sql");
    assertThat(rejected("R1__x.sql")).contains("cannot have a version");
    assertThat(rejected("V10a__bad.sql")).contains("10a");
  }

  @Test
  void ignoresFilesThatAreNoneOfItsBusiness() {
    assertThat(names.parse("README.md")).isNull();
    assertThat(names.parse("V1__x.sql.conf")).isNull();
    assertThat(names.parse("notes.txt")).isNull();
  }
}
