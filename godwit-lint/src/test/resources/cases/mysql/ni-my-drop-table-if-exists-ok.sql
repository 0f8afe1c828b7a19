-- case: ni-my-drop-table-if-exists-ok
-- rule: non-idempotent-statement
-- expect: drop-table@4
DROP TABLE IF EXISTS legacy_events;
