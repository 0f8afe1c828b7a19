-- case: reindex-concurrently-true-ok
-- rule: reindex-non-concurrently
-- tx: off
-- expect: none
REINDEX (CONCURRENTLY true) INDEX users_email_idx;
