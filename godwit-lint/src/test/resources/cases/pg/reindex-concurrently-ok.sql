-- case: reindex-concurrently-ok
-- rule: reindex-non-concurrently
-- expect: none
REINDEX TABLE CONCURRENTLY users;
