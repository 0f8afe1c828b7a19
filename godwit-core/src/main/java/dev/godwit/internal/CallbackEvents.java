package dev.godwit.internal;

import java.util.List;

/** The callback events, named as Flyway names them, so Flyway callback files keep working. */
final class CallbackEvents {
  static final List<String> ALL =
      List.of(
          "beforeMigrate",
          "beforeRepeatables",
          "beforeEachMigrate",
          "beforeEachMigrateStatement",
          "afterEachMigrateStatement",
          "afterEachMigrateStatementError",
          "afterEachMigrate",
          "afterEachMigrateError",
          "afterVersioned",
          "afterMigrateApplied",
          "afterMigrate",
          "afterMigrateError",
          "beforeUndo",
          "beforeEachUndo",
          "beforeEachUndoStatement",
          "afterEachUndoStatement",
          "afterEachUndoStatementError",
          "afterEachUndo",
          "afterEachUndoError",
          "afterUndo",
          "afterUndoError",
          "beforeClean",
          "afterClean",
          "afterCleanError",
          "beforeValidate",
          "afterValidate",
          "afterValidateError",
          "beforeBaseline",
          "afterBaseline",
          "afterBaselineError",
          "beforeRepair",
          "afterRepair",
          "afterRepairError",
          "beforeInfo",
          "afterInfo",
          "afterInfoError",
          "createSchema",
          "beforeCreateSchema",
          "beforeConnect",
          "afterConnect");

  private CallbackEvents() {}
}
