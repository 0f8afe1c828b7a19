-- case: sl-pragma-no-tx-ok
-- rule: sqlite-foreign-keys-pragma-in-transaction
-- tx: off
-- expect: none
PRAGMA foreign_keys = OFF;
PRAGMA foreign_keys;
