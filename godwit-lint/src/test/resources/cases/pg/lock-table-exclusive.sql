-- case: lock-table-exclusive
-- rule: explicit-lock-table
-- expect: explicit-lock-table@4
LOCK TABLE ONLY accounts IN EXCLUSIVE MODE NOWAIT;
