-- case: sl-tx-pragma-on-in-runner-tx
-- rule: sqlite-foreign-keys-pragma-in-transaction
-- tx: on
-- expect: sqlite-foreign-keys-pragma-in-transaction@5
PRAGMA foreign_keys = ON;
