-- case: sl-pragma-in-runner-tx
-- rule: sqlite-foreign-keys-pragma-in-transaction
-- tx: on
-- expect: sqlite-foreign-keys-pragma-in-transaction@5
PRAGMA foreign_keys = OFF;
CREATE TABLE new_items (id INTEGER PRIMARY KEY);
