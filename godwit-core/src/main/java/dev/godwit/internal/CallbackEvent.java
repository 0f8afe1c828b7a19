package dev.godwit.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The callback events, named as Flyway names them, so Flyway callback files keep working: a file
 * {@code beforeMigrate.sql} or {@code beforeMigrate__note.sql} runs at {@link #BEFORE_MIGRATE}.
 *
 * <p>Godwit recognises every name below as a callback file (not a misnamed migration), but fires
 * only the events its commands have: the statement-level, schema-creation and connection events are
 * recognised and never fired.
 */
enum CallbackEvent {
  BEFORE_MIGRATE("beforeMigrate"),
  BEFORE_REPEATABLES("beforeRepeatables"),
  BEFORE_EACH_MIGRATE("beforeEachMigrate"),
  BEFORE_EACH_MIGRATE_STATEMENT("beforeEachMigrateStatement"),
  AFTER_EACH_MIGRATE_STATEMENT("afterEachMigrateStatement"),
  AFTER_EACH_MIGRATE_STATEMENT_ERROR("afterEachMigrateStatementError"),
  AFTER_EACH_MIGRATE("afterEachMigrate"),
  AFTER_EACH_MIGRATE_ERROR("afterEachMigrateError"),
  AFTER_VERSIONED("afterVersioned"),
  AFTER_MIGRATE_APPLIED("afterMigrateApplied"),
  AFTER_MIGRATE("afterMigrate"),
  AFTER_MIGRATE_ERROR("afterMigrateError"),
  BEFORE_UNDO("beforeUndo"),
  BEFORE_EACH_UNDO("beforeEachUndo"),
  BEFORE_EACH_UNDO_STATEMENT("beforeEachUndoStatement"),
  AFTER_EACH_UNDO_STATEMENT("afterEachUndoStatement"),
  AFTER_EACH_UNDO_STATEMENT_ERROR("afterEachUndoStatementError"),
  AFTER_EACH_UNDO("afterEachUndo"),
  AFTER_EACH_UNDO_ERROR("afterEachUndoError"),
  AFTER_UNDO("afterUndo"),
  AFTER_UNDO_ERROR("afterUndoError"),
  BEFORE_CLEAN("beforeClean"),
  AFTER_CLEAN("afterClean"),
  AFTER_CLEAN_ERROR("afterCleanError"),
  BEFORE_VALIDATE("beforeValidate"),
  AFTER_VALIDATE("afterValidate"),
  AFTER_VALIDATE_ERROR("afterValidateError"),
  BEFORE_BASELINE("beforeBaseline"),
  AFTER_BASELINE("afterBaseline"),
  AFTER_BASELINE_ERROR("afterBaselineError"),
  BEFORE_REPAIR("beforeRepair"),
  AFTER_REPAIR("afterRepair"),
  AFTER_REPAIR_ERROR("afterRepairError"),
  BEFORE_INFO("beforeInfo"),
  AFTER_INFO("afterInfo"),
  AFTER_INFO_ERROR("afterInfoError"),
  CREATE_SCHEMA("createSchema"),
  BEFORE_CREATE_SCHEMA("beforeCreateSchema"),
  BEFORE_CONNECT("beforeConnect"),
  AFTER_CONNECT("afterConnect");

  private static final Map<String, CallbackEvent> BY_FILE_NAME = new HashMap<>();

  static {
    for (CallbackEvent e : values()) {
      BY_FILE_NAME.put(e.fileName, e);
    }
  }

  private final String fileName;

  CallbackEvent(String fileName) {
    this.fileName = fileName;
  }

  /** The event as callback file names start with it, e.g. {@code afterEachMigrate}. */
  String fileName() {
    return fileName;
  }

  /** The event a callback file name starts with exactly, or null. */
  static CallbackEvent ofFileName(String name) {
    return BY_FILE_NAME.get(name);
  }

  /**
   * The three events around one command or one migration: before it, after it succeeded, after it
   * failed.
   *
   * @param before fired before
   * @param after fired after success
   * @param error fired after a failure, with the connection back in auto-commit
   */
  record Around(CallbackEvent before, CallbackEvent after, CallbackEvent error) {
    static final Around MIGRATE = new Around(BEFORE_MIGRATE, AFTER_MIGRATE, AFTER_MIGRATE_ERROR);
    static final Around EACH_MIGRATE =
        new Around(BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE, AFTER_EACH_MIGRATE_ERROR);
    static final Around UNDO = new Around(BEFORE_UNDO, AFTER_UNDO, AFTER_UNDO_ERROR);
    static final Around EACH_UNDO =
        new Around(BEFORE_EACH_UNDO, AFTER_EACH_UNDO, AFTER_EACH_UNDO_ERROR);
    static final Around CLEAN = new Around(BEFORE_CLEAN, AFTER_CLEAN, AFTER_CLEAN_ERROR);
    static final Around VALIDATE =
        new Around(BEFORE_VALIDATE, AFTER_VALIDATE, AFTER_VALIDATE_ERROR);
    static final Around BASELINE =
        new Around(BEFORE_BASELINE, AFTER_BASELINE, AFTER_BASELINE_ERROR);
    static final Around REPAIR = new Around(BEFORE_REPAIR, AFTER_REPAIR, AFTER_REPAIR_ERROR);
    static final Around INFO = new Around(BEFORE_INFO, AFTER_INFO, AFTER_INFO_ERROR);
  }
}
