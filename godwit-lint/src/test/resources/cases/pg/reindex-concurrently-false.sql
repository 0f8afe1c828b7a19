-- case: reindex-concurrently-false
-- rule: reindex-non-concurrently
-- tx: off
-- expect: reindex-non-concurrently@5
REINDEX (CONCURRENTLY false) TABLE users;
