-- case: lock-table-default
-- rule: explicit-lock-table
-- expect: explicit-lock-table@5
BEGIN;
LOCK TABLE accounts;
COMMIT;
