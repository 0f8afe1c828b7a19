-- case: dic-concurrently-ok
-- rule: drop-index-non-concurrently
-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
