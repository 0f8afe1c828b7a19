-- case: reindex-concurrently-on-ok
-- rule: reindex-non-concurrently
-- tx: off
-- expect: none
REINDEX (VERBOSE, CONCURRENTLY ON) TABLE users;
