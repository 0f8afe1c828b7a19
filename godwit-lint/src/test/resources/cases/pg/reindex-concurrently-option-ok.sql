-- case: reindex-concurrently-option-ok
-- rule: reindex-non-concurrently
-- tx: off
-- expect: none
REINDEX (CONCURRENTLY, VERBOSE) INDEX users_email_idx;
