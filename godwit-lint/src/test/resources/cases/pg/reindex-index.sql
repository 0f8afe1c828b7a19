-- case: reindex-index
-- rule: reindex-non-concurrently
-- expect: reindex-non-concurrently@4
REINDEX INDEX users_email_idx;
