-- case: dic-plain
-- rule: drop-index-non-concurrently
-- expect: drop-index-non-concurrently@4
DROP INDEX users_email_idx;
