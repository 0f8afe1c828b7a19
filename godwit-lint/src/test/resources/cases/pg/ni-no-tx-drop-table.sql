-- case: ni-no-tx-drop-table
-- rule: non-idempotent-statement
-- tx: off
-- expect: non-idempotent-statement@6 drop-table@5 drop-table@6
DROP TABLE IF EXISTS legacy_sessions;
DROP TABLE legacy_events;
