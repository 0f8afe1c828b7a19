-- case: sl-pragma-after-begin
-- rule: sqlite-foreign-keys-pragma-in-transaction
-- expect: sqlite-foreign-keys-pragma-in-transaction@5
BEGIN TRANSACTION;
PRAGMA foreign_keys=OFF;
COMMIT;
