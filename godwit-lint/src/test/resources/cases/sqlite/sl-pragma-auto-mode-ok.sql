-- case: sl-pragma-auto-mode-ok
-- rule: sqlite-foreign-keys-pragma-in-transaction
-- expect: non-idempotent-statement@6
-- Godwit runs a file holding this pragma without a transaction.
PRAGMA foreign_keys = OFF;
CREATE TABLE new_items (id INTEGER PRIMARY KEY);
