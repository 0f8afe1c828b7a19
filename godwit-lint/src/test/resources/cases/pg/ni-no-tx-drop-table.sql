-- case: ni-no-tx-drop-table
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@5 drop-table@5
DROP TABLE legacy_events;
